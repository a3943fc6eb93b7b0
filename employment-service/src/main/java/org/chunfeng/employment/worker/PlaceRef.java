package org.chunfeng.employment.worker;

import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Place;

/**
 * A {@link Place} as the worker document stores it. Its id is {@code placeId} because an embedded field named
 * {@code id} would be stored as {@code _id}.
 */
public record PlaceRef(String placeId, String name, String city, GeoPoint location) {

    public static PlaceRef of(Place place) {
        return place == null ? null : new PlaceRef(place.id(), place.name(), place.city(), place.location());
    }

    public Place toPlace() {
        return new Place(placeId, name, city, location);
    }
}
