package org.chunfeng.contracts.jobs;

import java.time.Instant;
import org.chunfeng.contracts.Event;

public record JobPosted(String jobId, Instant postedAt, JobPosting posting) implements Event {
    @Override
    public String partitionKey() {
        return jobId;
    }
}
