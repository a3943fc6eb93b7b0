package org.chunfeng.employment.monitoring;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chunfeng.employment.worker.WorkerStatus;

/**
 * The campaign funnel. Each stage counts the workers who stand at it or beyond now, so the figures shrink from
 * REGISTERED down to RETURNED_TO_WORK; a worker sent back (a decline, a cancelled placement) leaves the later
 * stages. WITHDRAWN is counted beside the funnel, and registered includes them.
 */
public enum FunnelStage {
    REGISTERED(EnumSet.allOf(WorkerStatus.class)),
    OFFERED(EnumSet.of(WorkerStatus.OFFERED, WorkerStatus.INTENT_AGREED, WorkerStatus.TRANSPORT_ARRANGED,
            WorkerStatus.RETURNED_TO_WORK)),
    INTENT_AGREED(EnumSet.of(WorkerStatus.INTENT_AGREED, WorkerStatus.TRANSPORT_ARRANGED,
            WorkerStatus.RETURNED_TO_WORK)),
    TRANSPORT_ARRANGED(EnumSet.of(WorkerStatus.TRANSPORT_ARRANGED, WorkerStatus.RETURNED_TO_WORK)),
    RETURNED_TO_WORK(EnumSet.of(WorkerStatus.RETURNED_TO_WORK)),
    WITHDRAWN(EnumSet.of(WorkerStatus.WITHDRAWN));

    private final Set<WorkerStatus> statuses;

    FunnelStage(Set<WorkerStatus> statuses) {
        this.statuses = statuses;
    }

    public List<WorkerStatus> statuses() {
        return List.copyOf(statuses);
    }

    /** The funnel's figures from a count of workers by status. */
    public static Funnel funnel(Map<WorkerStatus, Long> byStatus) {
        long[] f = new long[values().length];
        byStatus.forEach((status, n) -> {
            for (FunnelStage stage : values()) {
                if (stage.statuses.contains(status)) {
                    f[stage.ordinal()] += n;
                }
            }
        });
        return new Funnel(f[0], f[1], f[2], f[3], f[4], f[5]);
    }

    /** One figure per stage. */
    public record Funnel(long registered, long offered, long intentAgreed, long transportArranged,
            long returnedToWork, long withdrawn) {

        public long get(FunnelStage stage) {
            return switch (stage) {
                case REGISTERED -> registered;
                case OFFERED -> offered;
                case INTENT_AGREED -> intentAgreed;
                case TRANSPORT_ARRANGED -> transportArranged;
                case RETURNED_TO_WORK -> returnedToWork;
                case WITHDRAWN -> withdrawn;
            };
        }
    }
}
