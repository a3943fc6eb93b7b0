package org.chunfeng.transport.planning;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.score.director.ScoreDirectorFactoryConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chunfeng.contracts.common.Place;

/**
 * Plans the buses of one travel date: fewest buses first, then fewest vehicle-kilometres.
 *
 * <p>A fast construction (see {@link Construction}) gives a first plan at or near the lower bound; Timefold Solver
 * then moves and swaps riders between buses for the given time, with the riders of locked trips pinned. Riders a
 * bus cannot carry within the rules come back as {@link Unserved}, each with the reason.
 */
public final class BusPlanner {

    private final RoadDistance distance;
    private final EnvironmentMode mode;
    private final Long moveLimit;

    public BusPlanner(RoadDistance distance) {
        this(distance, EnvironmentMode.NO_ASSERT);
    }

    /** With a checking mode, the solver recomputes every score from scratch and fails on any difference. */
    BusPlanner(RoadDistance distance, EnvironmentMode mode) {
        this(distance, mode, null);
    }

    /**
     * The solver also stops after {@code moveLimit} moves (null: only when its time is up): with its fixed seed, the
     * same plan on a slow machine as on a fast one, which a test that judges the plan needs.
     */
    BusPlanner(RoadDistance distance, EnvironmentMode mode, Long moveLimit) {
        this.distance = distance;
        this.mode = mode;
        this.moveLimit = moveLimit;
    }

    public Plan plan(PlanRequest request) {
        long started = System.nanoTime();
        PlanningRules rules = request.rules();

        Map<String, LockedTrip> lockedByVehicle = new LinkedHashMap<>();
        Set<String> lockedRiders = new HashSet<>();
        for (LockedTrip trip : request.lockedTrips()) {
            lockedByVehicle.put(trip.bus().vehicleId(), trip);
            trip.riders().forEach(r -> lockedRiders.add(r.workerId()));
        }
        Map<String, Bus> freeBuses = new LinkedHashMap<>();
        for (Bus bus : request.buses()) {
            if (!lockedByVehicle.containsKey(bus.vehicleId()) && rules.capacity(bus.seats()) > 0) {
                freeBuses.putIfAbsent(bus.vehicleId(), bus);
            }
        }
        List<Bus> buses = new ArrayList<>(freeBuses.values());

        List<Unserved> unserved = new ArrayList<>();
        List<Rider> servable = new ArrayList<>();
        Set<String> seen = new HashSet<>(lockedRiders);
        for (Rider rider : request.riders()) {
            if (!seen.add(rider.workerId())) {
                continue;
            }
            double direct = distance.km(rider.pickup().location(), rider.site().location());
            double minutes = rules.minutesFor(direct) + rules.stopMinutes();
            if (minutes > rules.maxRideMinutes() || minutes > rules.minutesUntilMidnight()) {
                unserved.add(new Unserved(rider, Unserved.Reason.RIDE_TOO_LONG, String.format(
                        "Even straight from %s to %s the ride is %.0f km, %.1f h at %.0f km/h, over the %.1f h limit",
                        rider.pickup().name(), rider.site().name(), direct, minutes / 60, rules.averageSpeedKmh(),
                        rules.maxRideHours()), direct));
            } else if (buses.isEmpty()) {
                unserved.add(new Unserved(rider, Unserved.Reason.NO_BUS_AVAILABLE,
                        "No bus is free on " + request.travelDate(), direct));
            } else {
                servable.add(rider);
            }
        }

        List<Rider> all = new ArrayList<>(servable);
        List<Bus> allBuses = new ArrayList<>(buses);
        request.lockedTrips().forEach(t -> {
            all.addAll(t.riders());
            allBuses.add(t.bus());
        });
        LowerBounds bounds = LowerBounds.of(all, allBuses, rules);

        PlaceIndex index = new PlaceIndex();
        int[] depot = new int[allBuses.size()];
        for (int b = 0; b < allBuses.size(); b++) {
            depot[b] = index.depot(allBuses.get(b).depot());
        }
        int[] pickup = new int[all.size()];
        int[] site = new int[all.size()];
        for (int r = 0; r < all.size(); r++) {
            pickup[r] = index.place(all.get(r).pickup());
            site[r] = index.place(all.get(r).site());
        }
        index.computeDistances(distance);
        RouteBook book = new RouteBook(index, rules);

        int[] capacity = new int[allBuses.size()];
        List<BusSlot> slots = new ArrayList<>();
        for (int b = 0; b < allBuses.size(); b++) {
            capacity[b] = rules.capacity(allBuses.get(b).seats());
            slots.add(new BusSlot(b, allBuses.get(b), capacity[b], depot[b], b >= buses.size()));
        }
        Map<String, Integer> busByVehicle = new HashMap<>();
        for (int b = 0; b < buses.size(); b++) {
            busByVehicle.put(buses.get(b).vehicleId(), b);
        }
        int n = servable.size();
        BusSlot[] previous = new BusSlot[n];
        boolean anyPrevious = false;
        for (int r = 0; r < n; r++) {
            Integer b = busByVehicle.get(servable.get(r).previousVehicleId());
            previous[r] = b == null ? null : slots.get(b);
            anyPrevious |= b != null;
        }

        int[] busOf = new int[0];
        if (n > 0) {
            Construction construction = new Construction(book, servable, slice(pickup, n), slice(site, n), buses,
                    slice(capacity, buses.size()), slice(depot, buses.size()));
            busOf = construction.fresh();
            if (anyPrevious) {
                busOf = construction.relabel(busOf, previous);
                int[] warm = construction.warm(busByVehicle);
                if (better(construction.measure(warm, previous), construction.measure(busOf, previous))) {
                    busOf = warm;
                }
            }
        }
        int constructionBuses = (int) java.util.Arrays.stream(busOf).filter(b -> b >= 0).distinct().count();
        double constructionKm = km(book, busOf, pickup, site, depot, buses.size());

        Map<String, Integer> cityIndex = new HashMap<>();
        List<RiderSeat> seats = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (busOf[r] >= 0) {
                int city = cityIndex.computeIfAbsent(all.get(r).city(), c -> cityIndex.size());
                seats.add(new RiderSeat(r, pickup[r], site[r], city, previous[r], false, slots.get(busOf[r])));
            }
        }
        for (int r = n; r < all.size(); r++) {
            int bus = buses.size() + lockedIndex(request.lockedTrips(), all.get(r));
            int city = cityIndex.computeIfAbsent(all.get(r).city(), c -> cityIndex.size());
            seats.add(new RiderSeat(r, pickup[r], site[r], city, null, true, slots.get(bus)));
        }
        long solverStarted = System.nanoTime();
        String score = "";
        if (!request.solverTime().isZero() && n > 0 && buses.size() > 1) {
            BusPlanSolution best = solve(new BusPlanSolution(slots, seats, book), request.solverTime());
            score = best.score == null ? "" : best.score.toString();
            int[] improved = busOf.clone();
            for (RiderSeat seat : best.seats) {
                if (seat.rider < n) {
                    improved[seat.rider] = seat.bus.number;
                }
            }
            // The start is feasible and the solver keeps its best, so this holds; checked because a broken
            // rule would put riders on a bus they may not take.
            if (feasible(book, improved, pickup, site, depot, capacity, buses.size(), rules)) {
                busOf = improved;
            }
        }
        long solverMillis = (System.nanoTime() - solverStarted) / 1_000_000;

        List<PlannedTrip> trips = new ArrayList<>();
        for (int b = 0; b < buses.size(); b++) {
            List<Integer> on = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                if (busOf[r] == b) {
                    on.add(r);
                }
            }
            if (on.isEmpty()) {
                continue;
            }
            RouteShape route = shape(book, depot[b], on, pickup, site);
            trips.add(trip(buses.get(b), false, null, capacity[b], route, on, all, index, rules));
        }
        for (int t = 0; t < request.lockedTrips().size(); t++) {
            LockedTrip locked = request.lockedTrips().get(t);
            int b = buses.size() + t;
            List<Integer> on = new ArrayList<>();
            for (int r = n; r < all.size(); r++) {
                if (lockedIndex(request.lockedTrips(), all.get(r)) == t) {
                    on.add(r);
                }
            }
            RouteShape route = lockedRoute(book, depot[b], locked, on, pickup, site, index);
            trips.add(trip(locked.bus(), true, locked.tripId(), capacity[b], route, on, all, index, rules));
        }
        for (int r = 0; r < n; r++) {
            if (busOf[r] < 0) {
                Rider rider = servable.get(r);
                unserved.add(new Unserved(rider, Unserved.Reason.BUSES_FULL, String.format(
                        "All %d buses free on %s are full or cannot take %s to %s within %.1f h", buses.size(),
                        request.travelDate(), rider.pickup().name(), rider.site().name(), rules.maxRideHours()),
                        index.km(pickup[r], site[r])));
            }
        }
        trips.sort(Comparator.comparing((PlannedTrip t) -> t.bus().plate() == null ? "" : t.bus().plate()));
        long total = (System.nanoTime() - started) / 1_000_000;
        return new Plan(request.travelDate(), trips, unserved, bounds,
                new Plan.Stats(constructionBuses, constructionKm, solverMillis, total, score));
    }

    private BusPlanSolution solve(BusPlanSolution problem, Duration limit) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(BusPlanSolution.class)
                .withEnvironmentMode(mode)
                .withRandomSeed(17L)
                .withEntityClasses(RiderSeat.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withIncrementalScoreCalculatorClass(BusPlanScoreCalculator.class))
                .withPhases(new LocalSearchPhaseConfig().withMoveSelectorConfig(new UnionMoveSelectorConfig()
                        .withMoveSelectors(
                                new ChangeMoveSelectorConfig().withFixedProbabilityWeight(1.0),
                                new SwapMoveSelectorConfig().withFixedProbabilityWeight(1.0),
                                new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(GroupMoveFactory.class)
                                        .withFixedProbabilityWeight(2.0))))
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit).withMoveCountLimit(moveLimit));
        Solver<BusPlanSolution> solver = SolverFactory.<BusPlanSolution>create(config).buildSolver();
        return solver.solve(problem);
    }

    /** Prefers fewer riders without a seat, then fewer buses, then fewer kilometres (moves included). */
    private static boolean better(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return a[i] < b[i];
            }
        }
        return false;
    }

    private static int lockedIndex(List<LockedTrip> locked, Rider rider) {
        for (int t = 0; t < locked.size(); t++) {
            if (locked.get(t).riders().contains(rider)) {
                return t;
            }
        }
        throw new IllegalStateException("Rider " + rider.workerId() + " is on no locked trip");
    }

    private static RouteShape shape(RouteBook book, int depot, List<Integer> on, int[] pickup, int[] site) {
        BitSet pickups = new BitSet();
        BitSet sites = new BitSet();
        for (int r : on) {
            pickups.set(pickup[r]);
            sites.set(site[r]);
        }
        return book.shape(depot, pickups, sites);
    }

    /** A locked trip keeps its stop order; stops of riders who left are skipped. */
    private static RouteShape lockedRoute(RouteBook book, int depot, LockedTrip trip, List<Integer> on, int[] pickup,
            int[] site, PlaceIndex index) {
        Set<Integer> pickups = new TreeSet<>();
        Set<Integer> sites = new TreeSet<>();
        for (int r : on) {
            pickups.add(pickup[r]);
            sites.add(site[r]);
        }
        List<Integer> order = new ArrayList<>();
        for (String placeId : trip.stopPlaceIds()) {
            for (int p : pickups) {
                if (index.placeAt(p).id().equals(placeId) && !order.contains(p)) {
                    order.add(p);
                }
            }
        }
        pickups.stream().filter(p -> !order.contains(p)).forEach(order::add);
        int pickupCount = order.size();
        for (String placeId : trip.stopPlaceIds()) {
            for (int s : sites) {
                if (index.placeAt(s).id().equals(placeId) && !order.subList(pickupCount, order.size()).contains(s)) {
                    order.add(s);
                }
            }
        }
        sites.stream().filter(s -> !order.subList(pickupCount, order.size()).contains(s)).forEach(order::add);
        return book.fixed(depot, order.stream().mapToInt(Integer::intValue).toArray(), pickupCount);
    }

    private static PlannedTrip trip(Bus bus, boolean locked, String lockedTripId, int capacity, RouteShape route,
            List<Integer> on, List<Rider> all, PlaceIndex index, PlanningRules rules) {
        List<Stop> stops = new ArrayList<>();
        Map<Integer, Double> pickupAt = new HashMap<>();
        Map<Integer, Double> dropAt = new HashMap<>();
        Map<Integer, Integer> pickupPosition = new HashMap<>();
        double km = 0;
        int previous = -1;
        int[] order = route.order();
        for (int i = 0; i < order.length; i++) {
            km += previous < 0 ? index.km(indexOfDepot(index, bus), order[i]) : index.km(previous, order[i]);
            previous = order[i];
            double minutes = rules.minutesFor(km) + (double) rules.stopMinutes() * i;
            boolean isPickup = i < route.pickups();
            Place place = index.placeAt(order[i]);
            stops.add(new Stop(place, isPickup ? StopKind.PICKUP : StopKind.DROP_OFF, minutes, km));
            if (isPickup) {
                pickupAt.put(order[i], minutes);
                pickupPosition.put(order[i], i);
            } else {
                dropAt.put(order[i], minutes);
            }
        }
        List<Integer> seatsAllowed = seatNumbers(bus.seats(), capacity);
        Set<Integer> taken = new HashSet<>();
        Map<Integer, Integer> seatOf = new HashMap<>();
        for (int r : on) {
            Rider rider = all.get(r);
            Integer wanted = rider.previousSeat();
            boolean sameBus = locked || bus.vehicleId().equals(rider.previousVehicleId());
            if (sameBus && wanted != null && seatsAllowed.contains(wanted) && taken.add(wanted)) {
                seatOf.put(r, wanted);
            }
        }
        List<Integer> inPickupOrder = new ArrayList<>(on);
        inPickupOrder.sort(Comparator.comparingInt((Integer r) -> pickupPosition.get(pickupIndex(all.get(r), index)))
                .thenComparing(r -> all.get(r).workerId()));
        int next = 0;
        for (int r : inPickupOrder) {
            if (!seatOf.containsKey(r)) {
                while (taken.contains(seatsAllowed.get(next))) {
                    next++;
                }
                seatOf.put(r, seatsAllowed.get(next));
                taken.add(seatsAllowed.get(next));
            }
        }
        List<SeatedRider> seated = new ArrayList<>();
        for (int r : inPickupOrder) {
            Rider rider = all.get(r);
            int p = pickupIndex(rider, index);
            int s = siteIndex(rider, index);
            seated.add(new SeatedRider(rider, seatOf.get(r), pickupAt.get(p), dropAt.get(s)));
        }
        return new PlannedTrip(bus, locked, lockedTripId, capacity, stops, seated, route.km());
    }

    /**
     * The seats that may be sold: all of them at a load factor of 1; otherwise spread evenly through the bus
     * (every other seat at 0.5), which is what a distancing rule is for.
     */
    static List<Integer> seatNumbers(int seats, int capacity) {
        List<Integer> numbers = new ArrayList<>();
        for (int k = 0; k < capacity; k++) {
            numbers.add(1 + (int) ((long) k * seats / capacity));
        }
        return numbers;
    }

    private static int pickupIndex(Rider rider, PlaceIndex index) {
        return index.place(rider.pickup());
    }

    private static int siteIndex(Rider rider, PlaceIndex index) {
        return index.place(rider.site());
    }

    private static int indexOfDepot(PlaceIndex index, Bus bus) {
        return index.depot(bus.depot());
    }

    private static double km(RouteBook book, int[] busOf, int[] pickup, int[] site, int[] depot, int buses) {
        double km = 0;
        for (int b = 0; b < buses; b++) {
            List<Integer> on = new ArrayList<>();
            for (int r = 0; r < busOf.length; r++) {
                if (busOf[r] == b) {
                    on.add(r);
                }
            }
            if (!on.isEmpty()) {
                km += shape(book, depot[b], on, pickup, site).km();
            }
        }
        return km;
    }

    private static boolean feasible(RouteBook book, int[] busOf, int[] pickup, int[] site, int[] depot,
            int[] capacity, int buses, PlanningRules rules) {
        for (int b = 0; b < buses; b++) {
            List<Integer> on = new ArrayList<>();
            for (int r = 0; r < busOf.length; r++) {
                if (busOf[r] == b) {
                    on.add(r);
                }
            }
            if (on.isEmpty()) {
                continue;
            }
            RouteShape route = shape(book, depot[b], on, pickup, site);
            if (on.size() > capacity[b] || route.spanMinutes() > rules.maxRideMinutes() + 1e-6
                    || route.totalMinutes() > rules.minutesUntilMidnight() + 1e-6) {
                return false;
            }
        }
        return true;
    }

    private static int[] slice(int[] array, int length) {
        return java.util.Arrays.copyOf(array, length);
    }
}
