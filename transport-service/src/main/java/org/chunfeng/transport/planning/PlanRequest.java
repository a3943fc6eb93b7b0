package org.chunfeng.transport.planning;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything one plan is made from: the riders travelling on one date, the buses free that day, the trips that
 * must not change, the rules, and how long the solver may improve the first plan.
 */
public record PlanRequest(LocalDate travelDate, List<Rider> riders, List<Bus> buses, List<LockedTrip> lockedTrips,
        PlanningRules rules, Duration solverTime) {

    public PlanRequest {
        riders = List.copyOf(riders);
        buses = List.copyOf(buses);
        lockedTrips = lockedTrips == null ? List.of() : List.copyOf(lockedTrips);
        rules = rules == null ? PlanningRules.defaults() : rules;
        solverTime = solverTime == null ? Duration.ZERO : solverTime;
    }
}
