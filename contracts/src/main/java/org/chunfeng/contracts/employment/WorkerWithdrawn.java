package org.chunfeng.contracts.employment;

import java.time.Instant;
import org.chunfeng.contracts.Event;

public record WorkerWithdrawn(String workerId, Instant withdrawnAt, String reason) implements Event {
    @Override
    public String partitionKey() {
        return workerId;
    }
}
