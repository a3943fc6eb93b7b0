package org.chunfeng.contracts.transport;

import java.time.Instant;
import java.time.LocalDate;
import org.chunfeng.contracts.Event;
import org.chunfeng.contracts.common.Place;

/**
 * The worker has a seat on a dedicated bus. A replan that moves the worker publishes a new SeatAssigned
 * naming the trip it replaces in {@code replacesTripId}; that old seat is free.
 */
public record SeatAssigned(
        String workerId,
        String placementId,
        String tripId,
        LocalDate travelDate,
        String plate,
        int seatNumber,
        Place pickupPoint,
        Instant pickupTime,
        Place destination,
        String driverName,
        String driverPhone,
        String replacesTripId,
        Instant assignedAt) implements Event {
    @Override
    public String partitionKey() {
        return workerId;
    }
}
