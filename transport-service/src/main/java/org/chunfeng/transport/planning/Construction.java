package org.chunfeng.transport.planning;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chunfeng.contracts.common.GeoPoint;

/**
 * Builds the first plan the solver improves, in two ways.
 *
 * <p>Fresh: riders are grouped by destination city; each city fills whole buses with riders sorted by collection
 * point (so a bus visits few villages), and what is left of each city is swept along a chain of neighbouring cities
 * (Nanjing, Changzhou, Wuxi, …), so buses that mix cities mix neighbours. A bus is closed early at a city boundary
 * whenever that costs no extra bus. This reaches the seat lower bound whenever the cities' leftovers can share.
 *
 * <p>Warm: every rider stays on the bus an earlier plan gave them and newcomers are inserted where they add the
 * fewest kilometres, so a small change of demand moves almost nobody.
 *
 * <p>Assignments are arrays: {@code busOf[rider]} is an index into the bus list, or -1 for no bus.
 */
final class Construction {

    private final RouteBook book;
    private final PlaceIndex index;
    private final PlanningRules rules;
    private final List<Rider> riders;
    private final int[] pickup;
    private final int[] site;
    private final List<Bus> buses;
    private final int[] capacity;
    private final int[] depot;

    Construction(RouteBook book, List<Rider> riders, int[] pickup, int[] site, List<Bus> buses, int[] capacity,
            int[] depot) {
        this.book = book;
        this.index = book.index();
        this.rules = book.rules();
        this.riders = riders;
        this.pickup = pickup;
        this.site = site;
        this.buses = buses;
        this.capacity = capacity;
        this.depot = depot;
    }

    int[] fresh() {
        int[] busOf = new int[riders.size()];
        Arrays.fill(busOf, -1);
        Deque<Integer> free = busesBiggestFirst();
        GeoPoint origin = centroid(Arrays.stream(pickup).mapToObj(index::pointAt).toList());
        Map<String, List<Integer>> byCity = new LinkedHashMap<>();
        for (int r = 0; r < riders.size(); r++) {
            byCity.computeIfAbsent(riders.get(r).city(), c -> new ArrayList<>()).add(r);
        }
        List<String> chain = cityChain(byCity, origin);
        Map<Integer, Double> pickupAngle = new HashMap<>();
        for (int p : pickup) {
            pickupAngle.computeIfAbsent(p, k -> angle(origin, index.pointAt(k)));
        }
        List<List<Integer>> leftovers = new ArrayList<>();
        for (String city : chain) {
            List<Integer> group = new ArrayList<>(byCity.get(city));
            GeoPoint cityCentre = centroid(group.stream().map(r -> index.pointAt(site[r])).toList());
            Map<Integer, Integer> block = siteBlocks(group, cityCentre, capacityOfBiggest(free));
            group.sort(Comparator.<Integer>comparingInt(r -> block.get(site[r]))
                    .thenComparingDouble(r -> pickupAngle.get(pickup[r]))
                    .thenComparingInt(r -> pickup[r])
                    .thenComparingDouble(r -> angle(cityCentre, index.pointAt(site[r])))
                    .thenComparingInt(r -> site[r]));
            int next = 0;
            while (!free.isEmpty() && group.size() - next >= capacity[free.peek()]) {
                int bus = free.poll();
                for (int k = 0; k < capacity[bus]; k++) {
                    busOf[group.get(next++)] = bus;
                }
            }
            leftovers.add(group.subList(next, group.size()));
        }
        int unassigned = leftovers.stream().mapToInt(List::size).sum();
        int bus = -1;
        int seatsLeft = 0;
        for (List<Integer> group : leftovers) {
            int next = 0;
            while (next < group.size()) {
                int left = group.size() - next;
                boolean startedCity = next == 0;
                if (bus >= 0 && seatsLeft > 0 && startedCity && left > seatsLeft && seatsLeft < capacity[bus]
                        && needed(unassigned, free) <= needed(unassigned - seatsLeft, free)) {
                    seatsLeft = 0;
                }
                if (bus < 0 || seatsLeft == 0) {
                    if (free.isEmpty()) {
                        return repair(busOf);
                    }
                    bus = free.poll();
                    seatsLeft = capacity[bus];
                }
                int take = Math.min(left, seatsLeft);
                for (int k = 0; k < take; k++) {
                    busOf[group.get(next++)] = bus;
                }
                seatsLeft -= take;
                unassigned -= take;
            }
        }
        return repair(busOf);
    }

    int[] warm(Map<String, Integer> busByVehicle) {
        int[] busOf = new int[riders.size()];
        Arrays.fill(busOf, -1);
        int[] load = new int[buses.size()];
        for (int r = 0; r < riders.size(); r++) {
            Integer bus = busByVehicle.get(riders.get(r).previousVehicleId());
            if (bus != null && load[bus] < capacity[bus]) {
                busOf[r] = bus;
                load[bus]++;
            }
        }
        return repair(busOf);
    }

    /**
     * Takes riders off buses that break the ride-time rules (the farthest city first), then seats every rider
     * without a bus where they add the fewest kilometres, opening another bus only when none has room.
     */
    int[] repair(int[] busOf) {
        int n = buses.size();
        List<List<Integer>> on = new ArrayList<>();
        for (int bus = 0; bus < n; bus++) {
            on.add(new ArrayList<>());
        }
        boolean[] homeless = new boolean[busOf.length];
        for (int r = 0; r < busOf.length; r++) {
            if (busOf[r] >= 0) {
                on.get(busOf[r]).add(r);
            } else {
                homeless[r] = true;
            }
        }
        for (int bus = 0; bus < n; bus++) {
            List<Integer> riding = on.get(bus);
            while (!riding.isEmpty() && !fits(bus, riding)) {
                // Too long a ride: drop the stop that serves the fewest riders (its dwell and detour go with it).
                List<Integer> off = smallestStopGroup(riding);
                riding.removeAll(off);
                for (int r : off) {
                    busOf[r] = -1;
                    homeless[r] = true;
                }
            }
        }
        List<Integer> waiting = new ArrayList<>();
        for (int r = 0; r < busOf.length; r++) {
            if (homeless[r]) {
                waiting.add(r);
            }
        }
        if (waiting.isEmpty()) {
            return busOf;
        }
        waiting.sort(Comparator.comparing((Integer r) -> riders.get(r).city()).thenComparingInt(r -> pickup[r]));
        BitSet[] pickups = new BitSet[n];
        BitSet[] sites = new BitSet[n];
        double[] km = new double[n];
        for (int bus = 0; bus < n; bus++) {
            pickups[bus] = new BitSet();
            sites[bus] = new BitSet();
            for (int r : on.get(bus)) {
                pickups[bus].set(pickup[r]);
                sites[bus].set(site[r]);
            }
            km[bus] = book.shape(depot[bus], pickups[bus], sites[bus]).km();
        }
        for (int r : waiting) {
            int best = -1;
            double bestAdded = Double.MAX_VALUE;
            int emptyBest = -1;
            for (int bus = 0; bus < n; bus++) {
                int load = on.get(bus).size();
                if (load >= capacity[bus]) {
                    continue;
                }
                if (load == 0) {
                    if (emptyBest < 0 || capacity[bus] > capacity[emptyBest]) {
                        emptyBest = bus;
                    }
                    continue;
                }
                RouteShape with = withRider(bus, pickups, sites, r);
                if (!fits(with)) {
                    continue;
                }
                double added = with.km() - km[bus];
                if (added < bestAdded) {
                    bestAdded = added;
                    best = bus;
                }
            }
            if (best < 0 && emptyBest >= 0 && fits(withRider(emptyBest, pickups, sites, r))) {
                best = emptyBest;
            }
            if (best >= 0) {
                busOf[r] = best;
                on.get(best).add(r);
                pickups[best].set(pickup[r]);
                sites[best].set(site[r]);
                km[best] = book.shape(depot[best], pickups[best], sites[best]).km();
            }
        }
        return busOf;
    }

    private List<Integer> smallestStopGroup(List<Integer> riding) {
        Map<Integer, List<Integer>> byPickup = new HashMap<>();
        Map<Integer, List<Integer>> bySite = new HashMap<>();
        for (int r : riding) {
            byPickup.computeIfAbsent(pickup[r], k -> new ArrayList<>()).add(r);
            bySite.computeIfAbsent(site[r], k -> new ArrayList<>()).add(r);
        }
        List<Integer> smallest = null;
        for (List<Integer> group : byPickup.values()) {
            if (smallest == null || group.size() < smallest.size()) {
                smallest = group;
            }
        }
        for (List<Integer> group : bySite.values()) {
            if (group.size() < smallest.size()) {
                smallest = group;
            }
        }
        return smallest;
    }

    private RouteShape withRider(int bus, BitSet[] pickups, BitSet[] sites, int r) {
        if (pickups[bus].get(pickup[r]) && sites[bus].get(site[r])) {
            return book.shape(depot[bus], pickups[bus], sites[bus]);
        }
        BitSet p = (BitSet) pickups[bus].clone();
        BitSet s = (BitSet) sites[bus].clone();
        p.set(pickup[r]);
        s.set(site[r]);
        return book.shape(depot[bus], p, s);
    }

    private boolean fits(RouteShape route) {
        return route.spanMinutes() <= rules.maxRideMinutes() + 1e-6
                && route.totalMinutes() <= rules.minutesUntilMidnight() + 1e-6;
    }

    boolean fits(int bus, List<Integer> on) {
        return on.size() <= capacity[bus] && fits(route(bus, on));
    }

    RouteShape route(int bus, List<Integer> on) {
        BitSet pickups = new BitSet();
        BitSet sites = new BitSet();
        for (int r : on) {
            pickups.set(pickup[r]);
            sites.set(site[r]);
        }
        return book.shape(depot[bus], pickups, sites);
    }

    /** Buses used, vehicle-km and riders moved, for choosing between the fresh and the warm start. */
    double[] measure(int[] busOf, BusSlot[] previous) {
        Map<Integer, List<Integer>> byBus = new HashMap<>();
        int unseated = 0;
        int moved = 0;
        for (int r = 0; r < busOf.length; r++) {
            if (busOf[r] < 0) {
                unseated++;
            } else {
                byBus.computeIfAbsent(busOf[r], b -> new ArrayList<>()).add(r);
                if (previous[r] != null && previous[r].number != busOf[r]) {
                    moved++;
                }
            }
        }
        double km = 0;
        for (var e : byBus.entrySet()) {
            km += route(e.getKey(), e.getValue()).km();
        }
        return new double[] {unseated, byBus.size(), km + moved * rules.movePenaltyKm()};
    }

    /**
     * Gives the fresh plan's groups the vehicles that already carry most of their riders, so a replan of a
     * similar demand keeps riders on their bus.
     */
    int[] relabel(int[] busOf, BusSlot[] previous) {
        int n = buses.size();
        int[] size = new int[n];
        Map<Long, Integer> overlap = new HashMap<>();
        for (int r = 0; r < busOf.length; r++) {
            if (busOf[r] >= 0) {
                size[busOf[r]]++;
                if (previous[r] != null && previous[r].number < n) {
                    overlap.merge((long) busOf[r] * n + previous[r].number, 1, Integer::sum);
                }
            }
        }
        if (overlap.isEmpty()) {
            return busOf;
        }
        int[] target = new int[n];
        Arrays.fill(target, -1);
        boolean[] taken = new boolean[n];
        List<Map.Entry<Long, Integer>> pairs = new ArrayList<>(overlap.entrySet());
        pairs.sort(Map.Entry.<Long, Integer>comparingByValue().reversed());
        for (var pair : pairs) {
            int group = (int) (pair.getKey() / n);
            int vehicle = (int) (pair.getKey() % n);
            if (target[group] < 0 && !taken[vehicle] && capacity[vehicle] >= size[group]) {
                target[group] = vehicle;
                taken[vehicle] = true;
            }
        }
        for (int group = 0; group < n; group++) {
            if (size[group] > 0 && target[group] < 0) {
                int best = -1;
                for (int vehicle = 0; vehicle < n; vehicle++) {
                    if (!taken[vehicle] && capacity[vehicle] >= size[group]
                            && (best < 0 || capacity[vehicle] < capacity[best])) {
                        best = vehicle;
                    }
                }
                if (best < 0) {
                    return busOf;
                }
                target[group] = best;
                taken[best] = true;
            }
        }
        int[] relabelled = new int[busOf.length];
        for (int r = 0; r < busOf.length; r++) {
            relabelled[r] = busOf[r] < 0 ? -1 : target[busOf[r]];
        }
        return relabelled;
    }

    /**
     * Splits a city's sites into neighbouring blocks so that a full bus visits about as many sites as villages:
     * with p villages and s sites a bus of c seats covers about c / density village-site pairs, and p + s is
     * smallest when s is near the square root of that. A city with few sites stays one block.
     */
    private Map<Integer, Integer> siteBlocks(List<Integer> group, GeoPoint cityCentre, int seats) {
        Map<Integer, Integer> ridersAtSite = new HashMap<>();
        java.util.Set<Integer> villages = new java.util.HashSet<>();
        for (int r : group) {
            ridersAtSite.merge(site[r], 1, Integer::sum);
            villages.add(pickup[r]);
        }
        int sites = ridersAtSite.size();
        double ridersPerPair = (double) group.size() / ((double) villages.size() * sites);
        double sitesPerBus = Math.max(1, Math.sqrt(Math.max(1, seats) / Math.max(ridersPerPair, 1e-9)));
        int blocks = (int) Math.max(1, Math.min(sites, Math.round(sites / sitesPerBus)));
        List<Integer> ordered = new ArrayList<>(ridersAtSite.keySet());
        ordered.sort(Comparator.comparingDouble((Integer s) -> angle(cityCentre, index.pointAt(s)))
                .thenComparingInt(s -> s));
        Map<Integer, Integer> blockOf = new HashMap<>();
        int seen = 0;
        for (int s : ordered) {
            blockOf.put(s, Math.min(blocks - 1, (int) ((long) seen * blocks / group.size())));
            seen += ridersAtSite.get(s);
        }
        return blockOf;
    }

    private int capacityOfBiggest(Deque<Integer> free) {
        return free.isEmpty() ? 1 : capacity[free.peek()];
    }

    private Deque<Integer> busesBiggestFirst() {
        List<Integer> order = new ArrayList<>();
        for (int b = 0; b < buses.size(); b++) {
            if (capacity[b] > 0) {
                order.add(b);
            }
        }
        order.sort(Comparator.comparingInt((Integer b) -> -capacity[b]));
        return new ArrayDeque<>(order);
    }

    /** The fewest of the remaining buses (biggest first) that hold this many riders; MAX_VALUE if they cannot. */
    private static int needed(int riders, Deque<Integer> free, int[] capacity) {
        int left = riders;
        int used = 0;
        for (int bus : free) {
            if (left <= 0) {
                break;
            }
            left -= capacity[bus];
            used++;
        }
        return left > 0 ? Integer.MAX_VALUE : used;
    }

    private int needed(int riders, Deque<Integer> free) {
        return needed(riders, free, capacity);
    }

    /** Cities in the order a bus would pass them: nearest to the villages first, then always the nearest next. */
    private List<String> cityChain(Map<String, List<Integer>> byCity, GeoPoint origin) {
        Map<String, GeoPoint> centre = new LinkedHashMap<>();
        byCity.forEach((city, rs) -> centre.put(city, centroid(rs.stream().map(r -> index.pointAt(site[r])).toList())));
        List<String> chain = new ArrayList<>();
        List<String> left = new ArrayList<>(centre.keySet());
        left.sort(Comparator.naturalOrder());
        GeoPoint at = origin;
        while (!left.isEmpty()) {
            GeoPoint from = at;
            String next = left.stream().min(Comparator.comparingDouble(c -> from.greatCircleKm(centre.get(c)))).get();
            chain.add(next);
            left.remove(next);
            at = centre.get(next);
        }
        return chain;
    }

    private static GeoPoint centroid(List<GeoPoint> points) {
        double lat = 0;
        double lon = 0;
        for (GeoPoint p : points) {
            lat += p.lat();
            lon += p.lon();
        }
        return new GeoPoint(lat / points.size(), lon / points.size());
    }

    private static double angle(GeoPoint centre, GeoPoint p) {
        return Math.atan2(p.lat() - centre.lat(), (p.lon() - centre.lon()) * Math.cos(Math.toRadians(centre.lat())));
    }
}
