package org.chunfeng.transport.trip;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.transport.planning.PlanningRules;
import org.chunfeng.transport.planning.StopKind;

/**
 * Why these riders share this bus, in the coordinator's words and with the figures behind them: same date, the
 * destination cities, pickups on the way, seats used against the seats allowed, ride time against its limit, and
 * the buses of the date against the lower bounds.
 */
public record TripExplanation(String tripId, String plate, java.time.LocalDate travelDate, int riders, int capacity,
        int seats, double maxLoadFactor, List<String> cities, List<String> pickupOrder, List<String> dropOffOrder,
        double distanceKm, double longestRideHours, double maxRideHours, Integer boundBySeats, Integer boundByCity,
        Integer busesOnDate, List<String> reasons) {

    static TripExplanation of(TripRecord trip, PlanRecord plan, PlanningRules rules, double roadFactor) {
        ZoneId zone = rules.zone();
        Map<String, Integer> byCity = new LinkedHashMap<>();
        Map<String, GeoPoint> cityPoint = new LinkedHashMap<>();
        trip.riders().forEach(r -> {
            byCity.merge(r.site().city(), 1, Integer::sum);
            cityPoint.putIfAbsent(r.site().city(), new GeoPoint(r.site().lat(), r.site().lon()));
        });
        List<String> pickups = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        for (TripStop stop : trip.stops()) {
            String line = stop.place().name() + " " + LocalTime.ofInstant(stop.time(), zone) + " ("
                    + Math.round(stop.kmFromDepot()) + " km)";
            (stop.kind() == StopKind.PICKUP ? pickups : drops).add(line);
        }
        double longest = trip.riders().stream().mapToDouble(r -> java.time.Duration.between(r.pickupTime(),
                r.dropOffTime()).toMinutes() / 60.0).max().orElse(0);
        List<String> reasons = new ArrayList<>();
        int n = trip.riders().size();
        List<String> cities = new ArrayList<>(byCity.keySet());
        if (cities.size() == 1) {
            reasons.add(n + " riders travel on " + trip.travelDate() + ", the day before their work starts, all to "
                    + cities.get(0) + ".");
        } else {
            List<String> parts = new ArrayList<>();
            byCity.forEach((city, count) -> parts.add(count + " to " + city));
            GeoPoint first = cityPoint.get(cities.get(0));
            GeoPoint last = cityPoint.get(cities.get(cities.size() - 1));
            reasons.add(n + " riders travel on " + trip.travelDate() + ", the day before their work starts: "
                    + String.join(", ", parts) + ". These cities lie on one road (about "
                    + Math.round(first.greatCircleKm(last) * roadFactor) + " km apart), and the riders left over "
                    + "once each city's full buses were filled fit together on this one instead of each taking a "
                    + "bus of its own.");
        }
        if (!pickups.isEmpty()) {
            reasons.add("The bus leaves its depot at " + rules.departure() + " and picks up at " + pickups.size()
                    + " collection point(s) in the order of the road: " + String.join(", ", pickups)
                    + "; then it drops off at " + drops.size() + " site(s): " + String.join(", ", drops) + ".");
        }
        reasons.add("It carries " + n + " of its " + trip.capacity() + " sellable seats (" + trip.seats()
                + " seats × load factor " + rules.maxLoadFactor() + ").");
        reasons.add(String.format("The longest ride on board is %.1f h, within the %.1f h limit; the route is %.0f km.",
                longest, rules.maxRideHours(), trip.distanceKm()));
        if (plan != null) {
            reasons.add("On " + trip.travelDate() + " the riders need at least " + plan.boundBySeats()
                    + " bus(es) by seats (" + plan.boundByCity() + " if no bus served two cities); the plan uses "
                    + plan.buses() + ".");
        }
        if (trip.locked()) {
            reasons.add("The trip is locked: replanning keeps its riders and stops as they are.");
        }
        return new TripExplanation(trip.id(), trip.plate(), trip.travelDate(), n, trip.capacity(), trip.seats(),
                rules.maxLoadFactor(), cities, pickups, drops, trip.distanceKm(), Math.round(longest * 10) / 10.0,
                rules.maxRideHours(), plan == null ? null : plan.boundBySeats(),
                plan == null ? null : plan.boundByCity(), plan == null ? null : plan.buses(), reasons);
    }
}
