package org.chunfeng.transport.planning;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** One bus on the travel date: its stops in order and its riders in pickup order. */
public record PlannedTrip(Bus bus, boolean locked, String lockedTripId, int capacity, List<Stop> stops,
        List<SeatedRider> riders, double distanceKm) {

    public PlannedTrip {
        stops = List.copyOf(stops);
        riders = List.copyOf(riders);
    }

    public Set<String> cities() {
        Set<String> cities = new TreeSet<>();
        riders.forEach(r -> cities.add(r.rider().city()));
        return cities;
    }

    /** Minutes from the first pickup to the last drop-off: nobody on board rides longer. */
    public double rideSpanMinutes() {
        double first = stops.stream().filter(s -> s.kind() == StopKind.PICKUP)
                .mapToDouble(Stop::minutesFromDeparture).min().orElse(0);
        double last = stops.stream().mapToDouble(Stop::minutesFromDeparture).max().orElse(0);
        return last - first;
    }

    public double longestRideMinutes() {
        return riders.stream().mapToDouble(SeatedRider::rideMinutes).max().orElse(0);
    }
}
