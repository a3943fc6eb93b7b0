package org.chunfeng.contracts.jobs;

import java.time.Instant;
import org.chunfeng.contracts.Event;

public record JobClosed(String jobId, Instant closedAt, String reason) implements Event {
    @Override
    public String partitionKey() {
        return jobId;
    }
}
