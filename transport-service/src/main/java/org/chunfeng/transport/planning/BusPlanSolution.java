package org.chunfeng.transport.planning;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import java.util.List;

/**
 * The solver's view of one travel date. Hard: seats and ride time (and nobody joins a locked trip); medium: buses
 * used; soft: metres driven plus a penalty per rider moved off the bus an earlier plan gave them.
 */
@PlanningSolution
public class BusPlanSolution {

    static final String BUSES = "buses";

    @ProblemFactCollectionProperty
    @ValueRangeProvider(id = BUSES)
    List<BusSlot> buses;

    @PlanningEntityCollectionProperty
    List<RiderSeat> seats;

    @PlanningScore
    HardMediumSoftLongScore score;

    /** Shared by every working copy: the memo of stop orders is only ever added to. */
    RouteBook routes;

    public BusPlanSolution() {
    }

    BusPlanSolution(List<BusSlot> buses, List<RiderSeat> seats, RouteBook routes) {
        this.buses = buses;
        this.seats = seats;
        this.routes = routes;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }
}
