package org.chunfeng.contracts.jobs;

import java.time.Instant;
import org.chunfeng.contracts.Event;

/** Carries the whole posting after the change. */
public record JobUpdated(String jobId, Instant updatedAt, JobPosting posting) implements Event {
    @Override
    public String partitionKey() {
        return jobId;
    }
}
