package org.chunfeng.contracts.transport;

import java.time.Instant;
import org.chunfeng.contracts.Event;

public record RiderBoarded(String tripId, String workerId, String placementId, Instant boardedAt) implements Event {
    @Override
    public String partitionKey() {
        return workerId;
    }
}
