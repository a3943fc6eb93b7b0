package org.chunfeng.transport.planning;

import org.chunfeng.contracts.common.GeoPoint;

/** A vehicle free on the travel date, as the planner sees it. */
public record Bus(String vehicleId, String plate, int seats, GeoPoint depot, String driverName, String driverPhone) {

    public Bus {
        if (vehicleId == null || depot == null || seats <= 0) {
            throw new IllegalArgumentException("A bus needs an id, a depot and seats");
        }
    }
}
