package org.chunfeng.contracts.transport;

import java.time.Instant;
import java.time.LocalDate;
import org.chunfeng.contracts.Event;

/**
 * A worker did not turn up for their bus: the crew recorded them as a no-show at the pickup, and their seat was
 * given up. The village staff follow up, since a worker who misses the bus has not returned to work.
 */
public record RiderNoShow(String tripId, String workerId, String placementId, LocalDate travelDate,
        Instant recordedAt) implements Event {
    @Override
    public String partitionKey() {
        return workerId;
    }
}
