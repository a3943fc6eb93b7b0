package org.chunfeng.transport.planning;

import java.time.LocalDate;
import java.util.List;

/**
 * The result for one travel date: the trips (locked ones included, unchanged), the riders who get a fare subsidy
 * instead, the lower bounds the bus count is measured against, and how the solver got there.
 */
public record Plan(LocalDate travelDate, List<PlannedTrip> trips, List<Unserved> unserved, LowerBounds lowerBounds,
        Stats stats) {

    public Plan {
        trips = List.copyOf(trips);
        unserved = List.copyOf(unserved);
    }

    /**
     * @param constructionBuses buses of the first plan, before the solver improved it
     * @param constructionKm    its vehicle-kilometres
     * @param solverMillis      time the solver spent improving it
     * @param totalMillis       the whole planning time
     * @param score             the solver's final score (hard/medium/soft)
     */
    public record Stats(int constructionBuses, double constructionKm, long solverMillis, long totalMillis,
            String score) {
    }

    public int buses() {
        return trips.size();
    }

    public double vehicleKm() {
        return trips.stream().mapToDouble(PlannedTrip::distanceKm).sum();
    }

    public int seated() {
        return trips.stream().mapToInt(t -> t.riders().size()).sum();
    }
}
