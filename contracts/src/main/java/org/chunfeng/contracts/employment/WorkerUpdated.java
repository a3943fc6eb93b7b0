package org.chunfeng.contracts.employment;

import java.time.Instant;
import org.chunfeng.contracts.Event;

/** Carries the whole profile after the change, so a projection simply replaces what it held. */
public record WorkerUpdated(String workerId, Instant updatedAt, WorkerProfile profile) implements Event {
    @Override
    public String partitionKey() {
        return workerId;
    }
}
