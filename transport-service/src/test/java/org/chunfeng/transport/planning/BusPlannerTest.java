package org.chunfeng.transport.planning;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusPlannerTest {

    static final LocalDate DATE = LocalDate.of(2026, 2, 19);
    /**
     * The solver stops after this many moves (about 0.6 s here), with time to spare: a plan judged by a test is then the
     * same on a slow machine, where 0.6 s of solving once left a replan moving 14 riders instead of a few.
     */
    static final long SOLVER_MOVES = 50_000;
    static final Duration SOLVER = Duration.ofSeconds(20);

    final BusPlanner planner = new BusPlanner(RoadDistance.greatCircle(1.3), EnvironmentMode.NO_ASSERT, SOLVER_MOVES);

    @Test
    void seatsEveryRiderOnceWithinTheSeatsAndAtTheLowerBound() {
        List<Rider> riders = new Demand(1, 8, 3).riders(300, "w");
        Plan plan = planner.plan(new PlanRequest(DATE, riders, Demand.buses(20, 45), List.of(),
                PlanningRules.defaults(), SOLVER));

        assertEveryRiderOnceAndWithinRules(plan, riders, PlanningRules.defaults());
        assertThat(plan.unserved()).isEmpty();
        assertThat(plan.lowerBounds().bySeats()).isEqualTo(7);
        assertThat(plan.buses()).isGreaterThanOrEqualTo(plan.lowerBounds().bySeats()).isEqualTo(7);
    }

    @Test
    void aLoadFactorOfOneHalfSellsEveryOtherSeat() {
        List<Rider> riders = new Demand(2, 6, 2).riders(120, "w");
        PlanningRules half = PlanningRules.defaults().withMaxLoadFactor(0.5);
        Plan plan = planner.plan(new PlanRequest(DATE, riders, Demand.buses(20, 45), List.of(), half, SOLVER));

        assertEveryRiderOnceAndWithinRules(plan, riders, half);
        assertThat(plan.lowerBounds().bySeats()).isEqualTo(6);
        assertThat(plan.buses()).isGreaterThanOrEqualTo(6);
        plan.trips().forEach(trip -> {
            assertThat(trip.capacity()).isEqualTo(22);
            assertThat(trip.riders()).hasSizeLessThanOrEqualTo(22);
            trip.riders().forEach(r -> assertThat(r.seatNumber() % 2).as("seat %d", r.seatNumber()).isEqualTo(1));
        });
    }

    @Test
    void nobodyRidesLongerThanTheLimitAndTooFarRidersAreSubsidised() {
        List<Rider> riders = new Demand(3, 6, 2).riders(150, "w");
        PlanningRules sixHours = PlanningRules.defaults().withMaxRideHours(6);
        Plan plan = planner.plan(new PlanRequest(DATE, riders, Demand.buses(10, 45), List.of(), sixHours, SOLVER));

        assertEveryRiderOnceAndWithinRules(plan, riders, sixHours);
        assertThat(plan.unserved()).isNotEmpty().allSatisfy(u -> {
            assertThat(u.reason()).isEqualTo(Unserved.Reason.RIDE_TOO_LONG);
            assertThat(u.explanation()).contains("over the 6.0 h limit");
        });
        assertThat(plan.unserved()).extracting(u -> u.rider().city()).contains("宁波").doesNotContain("合肥");
        plan.trips().forEach(t -> assertThat(t.longestRideMinutes()).isLessThanOrEqualTo(6 * 60));
    }

    @Test
    void ridersBeyondTheFleetGetASubsidyWithTheReason() {
        List<Rider> riders = new Demand(4, 5, 2, 2).riders(100, "w");
        Plan plan = planner.plan(new PlanRequest(DATE, riders, Demand.buses(2, 45), List.of(),
                PlanningRules.defaults(), SOLVER));

        assertEveryRiderOnceAndWithinRules(plan, riders, PlanningRules.defaults());
        assertThat(plan.seated()).isEqualTo(90);
        assertThat(plan.unserved()).hasSize(10)
                .allSatisfy(u -> assertThat(u.reason()).isEqualTo(Unserved.Reason.BUSES_FULL));

        Plan noBuses = planner.plan(new PlanRequest(DATE, riders, List.of(), List.of(), PlanningRules.defaults(),
                SOLVER));
        assertThat(noBuses.trips()).isEmpty();
        assertThat(noBuses.unserved()).hasSize(100)
                .allSatisfy(u -> assertThat(u.reason()).isEqualTo(Unserved.Reason.NO_BUS_AVAILABLE));
    }

    @Test
    void aLockedTripKeepsItsRidersAndStopsWhenDemandChanges() {
        Demand demand = new Demand(5, 8, 3);
        List<Rider> riders = demand.riders(200, "w");
        List<Bus> buses = Demand.buses(12, 45);
        Plan first = planner.plan(new PlanRequest(DATE, riders, buses, List.of(), PlanningRules.defaults(), SOLVER));
        PlannedTrip kept = first.trips().get(1);
        LockedTrip locked = new LockedTrip("trip-kept", kept.bus(),
                kept.riders().stream().map(SeatedRider::rider).toList(),
                kept.stops().stream().map(s -> s.place().id()).toList());
        Set<String> keptRiders = workerIds(kept);

        List<Rider> changed = new ArrayList<>(riders.stream().filter(r -> !keptRiders.contains(r.workerId()))
                .toList().subList(20, 180 - keptRiders.size() > 20 ? 200 - keptRiders.size() : 20));
        changed.addAll(demand.riders(60, "new"));
        Plan second = planner.plan(new PlanRequest(DATE, changed, buses, List.of(locked), PlanningRules.defaults(),
                SOLVER));

        PlannedTrip again = second.trips().stream().filter(PlannedTrip::locked).findFirst().orElseThrow();
        assertThat(again.bus()).isEqualTo(kept.bus());
        assertThat(workerIds(again)).isEqualTo(keptRiders);
        assertThat(again.stops()).extracting(s -> s.place().id())
                .containsExactlyElementsOf(kept.stops().stream().map(s -> s.place().id()).toList());
        assertThat(again.riders()).extracting(SeatedRider::seatNumber)
                .containsExactlyElementsOf(kept.riders().stream().map(SeatedRider::seatNumber).toList());
        assertThat(second.trips().stream().filter(t -> !t.locked()).flatMap(t -> t.riders().stream())
                .map(r -> r.rider().workerId())).doesNotContainAnyElementsOf(keptRiders);
        List<Rider> everyone = new ArrayList<>(changed);
        everyone.addAll(locked.riders());
        assertEveryRiderOnceAndWithinRules(second, everyone, PlanningRules.defaults());
    }

    @Test
    void aReplanWithOneMoreRiderMovesAlmostNobody() {
        Demand demand = new Demand(6, 8, 3);
        List<Rider> riders = demand.riders(170, "w");
        List<Bus> buses = Demand.buses(10, 45);
        Plan first = planner.plan(new PlanRequest(DATE, riders, buses, List.of(), PlanningRules.defaults(), SOLVER));
        Map<String, String> busOf = new HashMap<>();
        Map<String, Integer> seatOf = new HashMap<>();
        first.trips().forEach(t -> t.riders().forEach(r -> {
            busOf.put(r.rider().workerId(), t.bus().vehicleId());
            seatOf.put(r.rider().workerId(), r.seatNumber());
        }));
        List<Rider> again = new ArrayList<>(riders.stream().map(r -> new Rider(r.workerId(), r.placementId(),
                r.town(), r.pickup(), r.site(), busOf.get(r.workerId()), seatOf.get(r.workerId()))).toList());
        again.addAll(demand.riders(1, "late"));

        Plan second = planner.plan(new PlanRequest(DATE, again, buses, List.of(), PlanningRules.defaults(), SOLVER));

        long moved = second.trips().stream().flatMap(t -> t.riders().stream().filter(r ->
                busOf.containsKey(r.rider().workerId()) && (!busOf.get(r.rider().workerId()).equals(t.bus().vehicleId())
                        || !seatOf.get(r.rider().workerId()).equals(r.seatNumber())))).count();
        assertThat(moved).isLessThanOrEqualTo(5);
        assertEveryRiderOnceAndWithinRules(second, again, PlanningRules.defaults());
    }

    @Test
    void theSeatBoundCountsSellableSeatsAndTheCityBoundEachCityAlone() {
        List<Rider> riders = new Demand(7, 3, 1).riders(100, "w");
        LowerBounds bounds = LowerBounds.of(riders, Demand.buses(10, 45), PlanningRules.defaults());
        assertThat(bounds.bySeats()).isEqualTo(3);
        int byCity = bounds.ridersByCity().values().stream().mapToInt(n -> (n + 44) / 45).sum();
        assertThat(bounds.byCity()).isEqualTo(byCity).isGreaterThanOrEqualTo(bounds.bySeats());

        LowerBounds half = LowerBounds.of(riders, Demand.buses(10, 45), PlanningRules.defaults().withMaxLoadFactor(0.5));
        assertThat(half.bySeats()).isEqualTo(5);
        LowerBounds mixed = LowerBounds.of(riders, List.of(Demand.buses(1, 60).get(0), Demand.buses(1, 30).get(0)),
                PlanningRules.defaults());
        assertThat(mixed.bySeats()).isEqualTo(3);
    }

    static Set<String> workerIds(PlannedTrip trip) {
        Set<String> ids = new HashSet<>();
        trip.riders().forEach(r -> ids.add(r.rider().workerId()));
        return ids;
    }

    static void assertEveryRiderOnceAndWithinRules(Plan plan, List<Rider> riders, PlanningRules rules) {
        Map<String, Integer> seen = new HashMap<>();
        plan.trips().forEach(t -> t.riders().forEach(r -> seen.merge(r.rider().workerId(), 1, Integer::sum)));
        plan.unserved().forEach(u -> seen.merge(u.rider().workerId(), 1, Integer::sum));
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(riders.stream().map(Rider::workerId).toList());
        assertThat(seen.values()).allSatisfy(times -> assertThat(times).isEqualTo(1));
        Set<String> plates = new HashSet<>();
        for (PlannedTrip trip : plan.trips()) {
            assertThat(plates.add(trip.bus().vehicleId())).as("one trip per bus").isTrue();
            assertThat(trip.riders()).hasSizeLessThanOrEqualTo(rules.capacity(trip.bus().seats()));
            assertThat(trip.riders()).extracting(SeatedRider::seatNumber).doesNotHaveDuplicates()
                    .allSatisfy(seat -> assertThat(seat).isBetween(1, trip.bus().seats()));
            assertThat(trip.rideSpanMinutes()).isLessThanOrEqualTo(rules.maxRideMinutes() + 1e-6);
            List<StopKind> kinds = trip.stops().stream().map(Stop::kind).toList();
            assertThat(kinds.indexOf(StopKind.DROP_OFF)).as("pickups before drop-offs")
                    .isGreaterThan(kinds.lastIndexOf(StopKind.PICKUP));
            trip.riders().forEach(r -> assertThat(r.dropOffMinutes()).isGreaterThan(r.pickupMinutes()));
        }
        assertThat(plan.buses()).isGreaterThanOrEqualTo(Math.min(plan.lowerBounds().bySeats(), plan.buses()));
    }
}
