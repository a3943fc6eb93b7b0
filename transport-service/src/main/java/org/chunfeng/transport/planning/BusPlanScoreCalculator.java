package org.chunfeng.transport.planning;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.calculator.IncrementalScoreCalculator;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Scores a plan incrementally: moving a rider touches two buses, and a bus's route is recomputed only when its set
 * of stops changes (then mostly answered from the route memo).
 */
public class BusPlanScoreCalculator implements IncrementalScoreCalculator<BusPlanSolution, HardMediumSoftLongScore> {

    /** Weight of one rider over capacity or on a locked bus against one minute over the ride limit. */
    private static final long SEAT_WEIGHT = 1_000;

    private static final class BusState {
        final BusSlot slot;
        int riders;
        int strangersOnLocked;
        final int[] pickupCount;
        final int[] siteCount;
        final BitSet pickups = new BitSet();
        final BitSet sites = new BitSet();
        boolean routeDirty = true;
        boolean dirty = true;
        RouteShape route = RouteShape.EMPTY;
        long hard;
        long medium;
        long soft;

        BusState(BusSlot slot, int places) {
            this.slot = slot;
            this.pickupCount = new int[places];
            this.siteCount = new int[places];
        }
    }

    private RouteBook routes;
    private BusState[] states;
    private final List<BusState> dirty = new ArrayList<>();
    private long movePenaltyMetres;
    private long hard;
    private long medium;
    private long soft;

    @Override
    public void resetWorkingSolution(BusPlanSolution solution) {
        routes = solution.routes;
        movePenaltyMetres = Math.round(routes.rules().movePenaltyKm() * 1000);
        int places = routes.index().size();
        states = new BusState[solution.buses.size()];
        for (BusSlot slot : solution.buses) {
            states[slot.number] = new BusState(slot, places);
        }
        hard = 0;
        medium = 0;
        soft = 0;
        dirty.clear();
        for (BusState state : states) {
            dirty.add(state);
        }
        for (RiderSeat seat : solution.seats) {
            insert(seat);
        }
    }

    @Override
    public void beforeEntityAdded(Object entity) {
    }

    @Override
    public void afterEntityAdded(Object entity) {
        insert((RiderSeat) entity);
    }

    @Override
    public void beforeVariableChanged(Object entity, String variableName) {
        retract((RiderSeat) entity);
    }

    @Override
    public void afterVariableChanged(Object entity, String variableName) {
        insert((RiderSeat) entity);
    }

    @Override
    public void beforeEntityRemoved(Object entity) {
        retract((RiderSeat) entity);
    }

    @Override
    public void afterEntityRemoved(Object entity) {
    }

    @Override
    public HardMediumSoftLongScore calculateScore() {
        for (BusState state : dirty) {
            hard -= state.hard;
            medium -= state.medium;
            soft -= state.soft;
            evaluate(state);
            hard += state.hard;
            medium += state.medium;
            soft += state.soft;
            state.dirty = false;
        }
        dirty.clear();
        return HardMediumSoftLongScore.of(hard, medium, soft);
    }

    private void insert(RiderSeat seat) {
        if (seat.bus == null) {
            return;
        }
        BusState state = states[seat.bus.number];
        state.riders++;
        if (state.slot.locked && !seat.pinned) {
            state.strangersOnLocked++;
        }
        if (state.pickupCount[seat.pickup]++ == 0) {
            state.pickups.set(seat.pickup);
            state.routeDirty = true;
        }
        if (state.siteCount[seat.site]++ == 0) {
            state.sites.set(seat.site);
            state.routeDirty = true;
        }
        if (seat.previous != null && seat.previous != seat.bus) {
            soft -= movePenaltyMetres;
        }
        markDirty(state);
    }

    private void retract(RiderSeat seat) {
        if (seat.bus == null) {
            return;
        }
        BusState state = states[seat.bus.number];
        state.riders--;
        if (state.slot.locked && !seat.pinned) {
            state.strangersOnLocked--;
        }
        if (--state.pickupCount[seat.pickup] == 0) {
            state.pickups.clear(seat.pickup);
            state.routeDirty = true;
        }
        if (--state.siteCount[seat.site] == 0) {
            state.sites.clear(seat.site);
            state.routeDirty = true;
        }
        if (seat.previous != null && seat.previous != seat.bus) {
            soft += movePenaltyMetres;
        }
        markDirty(state);
    }

    private void markDirty(BusState state) {
        if (!state.dirty) {
            state.dirty = true;
            dirty.add(state);
        }
    }

    private void evaluate(BusState state) {
        if (state.riders == 0) {
            state.hard = 0;
            state.medium = 0;
            state.soft = 0;
            state.route = RouteShape.EMPTY;
            state.routeDirty = false;
            return;
        }
        if (state.routeDirty) {
            state.route = routes.shape(state.slot.depot, state.pickups, state.sites);
            state.routeDirty = false;
        }
        PlanningRules rules = routes.rules();
        long over = Math.max(0, state.riders - state.slot.capacity) + state.strangersOnLocked;
        double lateMinutes = Math.max(0, state.route.spanMinutes() - rules.maxRideMinutes())
                + Math.max(0, state.route.totalMinutes() - rules.minutesUntilMidnight());
        state.hard = -(over * SEAT_WEIGHT + (long) Math.ceil(lateMinutes));
        state.medium = -1;
        state.soft = -Math.round(state.route.km() * 1000);
    }
}
