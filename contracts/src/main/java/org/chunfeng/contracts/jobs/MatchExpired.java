package org.chunfeng.contracts.jobs;

import java.time.Instant;
import org.chunfeng.contracts.Event;

public record MatchExpired(String matchId, String workerId, String jobId, Instant expiredAt) implements Event {
    @Override
    public String partitionKey() {
        return workerId;
    }
}
