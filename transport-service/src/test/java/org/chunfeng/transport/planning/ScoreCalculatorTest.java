package org.chunfeng.transport.planning;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.config.solver.EnvironmentMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreCalculatorTest {

    /** FULL_ASSERT recomputes the score from scratch after every move and fails on any drift. */
    @Test
    void incrementalScoresMatchScoresFromScratchUnderEveryMove() {
        Demand demand = new Demand(11, 6, 2);
        List<Rider> riders = new ArrayList<>(demand.riders(90, "w"));
        List<Bus> buses = Demand.buses(6, 30);
        Plan first = new BusPlanner(RoadDistance.greatCircle(1.3)).plan(new PlanRequest(BusPlannerTest.DATE, riders,
                buses, List.of(), PlanningRules.defaults(), Duration.ZERO));
        PlannedTrip kept = first.trips().get(0);
        LockedTrip locked = new LockedTrip("t", kept.bus(), kept.riders().stream().map(SeatedRider::rider).toList(),
                kept.stops().stream().map(s -> s.place().id()).toList());
        riders.removeAll(locked.riders());

        Plan plan = new BusPlanner(RoadDistance.greatCircle(1.3), EnvironmentMode.FULL_ASSERT).plan(new PlanRequest(
                BusPlannerTest.DATE, riders, buses, List.of(locked), PlanningRules.defaults(), Duration.ofMillis(700)));

        assertThat(plan.stats().score()).startsWith("0hard");
        assertThat(plan.vehicleKm()).isLessThanOrEqualTo(first.vehicleKm() + 1e-6);
    }
}
