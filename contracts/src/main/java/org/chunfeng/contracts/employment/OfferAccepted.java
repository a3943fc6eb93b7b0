package org.chunfeng.contracts.employment;

import java.time.Instant;
import org.chunfeng.contracts.Event;

/** The worker accepted the offer: an employment intention (达成用工意向). {@code offerId} is the match id. */
public record OfferAccepted(String offerId, String workerId, String jobId, Instant acceptedAt) implements Event {
    @Override
    public String partitionKey() {
        return workerId;
    }
}
