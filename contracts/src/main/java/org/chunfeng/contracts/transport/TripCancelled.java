package org.chunfeng.contracts.transport;

import java.time.Instant;
import org.chunfeng.contracts.Event;

/** Published once per rider of a cancelled trip, so each worker's events stay on their own key. */
public record TripCancelled(String tripId, String workerId, String placementId, String reason, Instant cancelledAt)
        implements Event {
    @Override
    public String partitionKey() {
        return workerId;
    }
}
