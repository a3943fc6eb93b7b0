package org.chunfeng.contracts.jobs;

import java.time.Instant;
import org.chunfeng.contracts.Event;

/** The offer was taken back before the worker answered: the job closed, or the worker withdrew. */
public record MatchWithdrawn(String matchId, String workerId, String jobId, String reason, Instant withdrawnAt)
        implements Event {
    @Override
    public String partitionKey() {
        return workerId;
    }
}
