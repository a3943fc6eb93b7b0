package org.chunfeng.transport.planning;

/** A rider's place on a trip: the seat and the minutes after departure at which the bus reaches their pickup. */
public record SeatedRider(Rider rider, int seatNumber, double pickupMinutes, double dropOffMinutes) {

    public double rideMinutes() {
        return dropOffMinutes - pickupMinutes;
    }
}
