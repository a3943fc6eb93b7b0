package org.chunfeng.contracts.employment;

import java.time.Instant;
import org.chunfeng.contracts.Event;

public record WorkerRegistered(String workerId, Instant registeredAt, WorkerProfile profile) implements Event {
    @Override
    public String partitionKey() {
        return workerId;
    }
}
