package org.chunfeng.employment.worker;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.chunfeng.kit.error.ConflictException;

/**
 * Where a worker stands in the campaign. The legal moves are listed once here; anything else is refused with a
 * 409 that names both ends, so no code path can skip a step quietly.
 */
public enum WorkerStatus {
    REGISTERED,
    OFFERED,
    /** 达成用工意向: jobs-service confirmed the accepted offer as a placement. */
    INTENT_AGREED,
    /** A bus seat, a fare subsidy, or (local jobs) travelling by themselves. */
    TRANSPORT_ARRANGED,
    RETURNED_TO_WORK,
    WITHDRAWN;

    private static final Map<WorkerStatus, Set<WorkerStatus>> NEXT = Map.of(
            REGISTERED, EnumSet.of(OFFERED, WITHDRAWN),
            // back to REGISTERED when the offer is declined, expires or is withdrawn
            OFFERED, EnumSet.of(REGISTERED, INTENT_AGREED, WITHDRAWN),
            // back to REGISTERED when jobs cancels the placement
            INTENT_AGREED, EnumSet.of(TRANSPORT_ARRANGED, REGISTERED, WITHDRAWN),
            // back to INTENT_AGREED when the trip is cancelled and a new seat or subsidy is due
            TRANSPORT_ARRANGED, EnumSet.of(RETURNED_TO_WORK, INTENT_AGREED, REGISTERED, WITHDRAWN),
            RETURNED_TO_WORK, EnumSet.noneOf(WorkerStatus.class),
            WITHDRAWN, EnumSet.noneOf(WorkerStatus.class));

    public boolean canMoveTo(WorkerStatus target) {
        return NEXT.get(this).contains(target);
    }

    public Set<WorkerStatus> next() {
        return EnumSet.copyOf(NEXT.get(this));
    }

    /** The target, or a 409 {@code illegal-transition} naming both ends. */
    public WorkerStatus moveTo(WorkerStatus target) {
        if (!canMoveTo(target)) {
            throw new ConflictException("illegal-transition",
                    "A worker who is " + this + " cannot become " + target,
                    Map.of("from", name(), "to", target.name()));
        }
        return target;
    }

    /** Placed: an accepted offer became a placement, whatever happened since. */
    public boolean isPlaced() {
        return this == INTENT_AGREED || this == TRANSPORT_ARRANGED || this == RETURNED_TO_WORK;
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
