package org.chunfeng.contracts.employment;

import java.time.Instant;
import org.chunfeng.contracts.Event;

public record OfferDeclined(String offerId, String workerId, String jobId, Instant declinedAt, String reason)
        implements Event {
    @Override
    public String partitionKey() {
        return workerId;
    }
}
