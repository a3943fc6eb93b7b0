package org.chunfeng.transport.trip;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One bus on one travel date: its stops and manifest. Trips hold trip state only; what riders are told lives in
 * their own documents. {@code version} rises with every write, so a replan never overwrites boarding it did not see.
 */
@Document(TripStore.COLLECTION)
public record TripRecord(String id, LocalDate travelDate, String vehicleId, String plate, int seats, int capacity,
        String operator, String driverName, String driverPhone, double depotLat, double depotLon, boolean locked,
        TripStatus status, List<TripStop> stops, List<TripRider> riders, double distanceKm, long version,
        Instant plannedAt, Instant departedAt, String cancelReason) {

    /** Boarding has begun or the bus has left: a replan keeps this trip exactly as it is. */
    public boolean frozen() {
        return locked || status != TripStatus.PLANNED
                || riders.stream().anyMatch(r -> r.status() != TripRiderStatus.ASSIGNED);
    }

    public static String idFor(LocalDate date, String vehicleId) {
        return "trip-" + date + "-" + vehicleId;
    }
}
