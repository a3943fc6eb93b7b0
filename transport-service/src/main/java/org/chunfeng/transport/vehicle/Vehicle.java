package org.chunfeng.transport.vehicle;

import java.time.Instant;
import java.time.LocalDate;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.transport.planning.Bus;
import org.springframework.data.mongodb.core.mapping.Document;

/** A bus an operator lends the campaign, with its driver, its depot and the days it is free. */
@Document("vehicles")
public record Vehicle(String id, String plate, int seats, String operator, String driverName, String driverPhone,
        double depotLat, double depotLon, LocalDate availableFrom, LocalDate availableTo, Instant updatedAt) {

    public boolean availableOn(LocalDate date) {
        return !date.isBefore(availableFrom) && !date.isAfter(availableTo);
    }

    public Bus toBus() {
        return new Bus(id, plate, seats, new GeoPoint(depotLat, depotLon), driverName, driverPhone);
    }
}
