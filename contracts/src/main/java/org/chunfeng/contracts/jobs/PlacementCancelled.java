package org.chunfeng.contracts.jobs;

import java.time.Instant;
import org.chunfeng.contracts.Event;

public record PlacementCancelled(String placementId, String workerId, String jobId, String reason, Instant cancelledAt)
        implements Event {
    @Override
    public String partitionKey() {
        return workerId;
    }
}
