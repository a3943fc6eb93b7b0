package org.chunfeng.employment.worker;

import java.time.Instant;
import java.time.LocalDate;
import org.chunfeng.contracts.transport.FareSubsidyGranted;
import org.chunfeng.contracts.transport.SeatAssigned;

/**
 * How the worker gets to the site: "my bus" (trip, plate, seat, pickup point and time, driver) or the fare
 * subsidy. The amount is kept as text so no decimal rounding creeps in between transport and the worker's screen.
 */
public record Transport(
        TransportKind kind,
        String placementId,
        String tripId,
        LocalDate travelDate,
        String plate,
        Integer seatNumber,
        PlaceRef pickupPoint,
        Instant pickupTime,
        PlaceRef destination,
        String driverName,
        String driverPhone,
        String subsidyId,
        String amountYuan,
        Double distanceKm,
        String reason,
        Instant arrangedAt,
        Instant boardedAt,
        Instant missedAt) {

    public static Transport seat(SeatAssigned s) {
        return new Transport(TransportKind.BUS_SEAT, s.placementId(), s.tripId(), s.travelDate(), s.plate(),
                s.seatNumber(), PlaceRef.of(s.pickupPoint()), s.pickupTime(), PlaceRef.of(s.destination()),
                s.driverName(), s.driverPhone(), null, null, null, null, s.assignedAt(), null, null);
    }

    public static Transport subsidy(FareSubsidyGranted f) {
        return new Transport(TransportKind.FARE_SUBSIDY, f.placementId(), null, null, null, null, null, null, null,
                null, null, f.subsidyId(), f.amountYuan() == null ? null : f.amountYuan().toPlainString(),
                f.distanceKm(), f.reason(), f.grantedAt(), null, null);
    }

    public static Transport self(Placement placement, Instant at) {
        return new Transport(TransportKind.SELF, placement.placementId(), null, placement.startDate(), null, null,
                null, null, placement.site(), null, null, null, null, null,
                "Local job within the daily commute", at, null, null);
    }

    public Transport boarded(Instant at) {
        return new Transport(kind, placementId, tripId, travelDate, plate, seatNumber, pickupPoint, pickupTime,
                destination, driverName, driverPhone, subsidyId, amountYuan, distanceKm, reason, arrangedAt, at,
                missedAt);
    }

    /** The crew recorded the worker as not turning up for this bus; the seat is gone. */
    public Transport missed(Instant at) {
        return new Transport(kind, placementId, tripId, travelDate, plate, seatNumber, pickupPoint, pickupTime,
                destination, driverName, driverPhone, subsidyId, amountYuan, distanceKm, reason, arrangedAt,
                boardedAt, at);
    }
}
