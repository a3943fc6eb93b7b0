package org.chunfeng.contracts.transport;

import java.time.Instant;
import org.chunfeng.contracts.Event;

/** The rider was handed over at the job site: they are back at work. */
public record RiderArrived(String tripId, String workerId, String placementId, String siteName, Instant arrivedAt)
        implements Event {
    @Override
    public String partitionKey() {
        return workerId;
    }
}
