package org.chunfeng.transport.rider;

import java.time.Instant;

/** What a rider was told about their seat: a replan that changes any of it tells them again. */
public record Seat(String tripId, String vehicleId, String plate, int seatNumber, String pickupPlaceId,
        Instant pickupTime, String driverName, String driverPhone) {
}
