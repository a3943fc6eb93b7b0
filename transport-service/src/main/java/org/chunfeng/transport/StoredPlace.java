package org.chunfeng.transport;

import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Place;

/** A place as stored in this service's documents (its id is not called {@code id}, which Mongo would take as _id). */
public record StoredPlace(String placeId, String name, String city, double lat, double lon) {

    public static StoredPlace of(Place place) {
        return new StoredPlace(place.id(), place.name(), place.city(), place.location().lat(), place.location().lon());
    }

    public Place toPlace() {
        return new Place(placeId, name, city, new GeoPoint(lat, lon));
    }
}
