package org.chunfeng.transport.planning;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** Puts several riders on new buses at once: a whole village's riders, or two groups traded between two buses. */
final class ReassignMove extends AbstractMove<BusPlanSolution> {

    private final List<RiderSeat> seats;
    private final List<BusSlot> targets;

    ReassignMove(List<RiderSeat> seats, List<BusSlot> targets) {
        this.seats = seats;
        this.targets = targets;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<BusPlanSolution> scoreDirector) {
        for (int i = 0; i < seats.size(); i++) {
            if (seats.get(i).bus != targets.get(i)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<BusPlanSolution> scoreDirector) {
        for (int i = 0; i < seats.size(); i++) {
            RiderSeat seat = seats.get(i);
            scoreDirector.beforeVariableChanged(seat, "bus");
            seat.bus = targets.get(i);
            scoreDirector.afterVariableChanged(seat, "bus");
        }
    }

    @Override
    public Collection<?> getPlanningEntities() {
        return seats;
    }

    @Override
    public Collection<?> getPlanningValues() {
        return new ArrayList<>(new LinkedHashSet<>(targets));
    }

    @Override
    public String getSimpleMoveTypeDescription() {
        return "ReassignMove";
    }

    @Override
    public String toString() {
        return seats.size() + " riders to " + new LinkedHashSet<>(targets);
    }
}
