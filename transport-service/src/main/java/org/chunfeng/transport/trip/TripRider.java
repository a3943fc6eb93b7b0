package org.chunfeng.transport.trip;

import java.time.Instant;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.transport.StoredPlace;

/** A rider on a trip's manifest; the phone is the masked one the placement carried. */
public record TripRider(String workerId, String placementId, String name, String phoneMasked, String town,
        TravelFitness fitness, int seatNumber, StoredPlace pickup, Instant pickupTime, StoredPlace site,
        Instant dropOffTime, TripRiderStatus status) {

    TripRider withStatus(TripRiderStatus next) {
        return new TripRider(workerId, placementId, name, phoneMasked, town, fitness, seatNumber, pickup, pickupTime,
                site, dropOffTime, next);
    }
}
