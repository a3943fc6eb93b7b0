package org.chunfeng.contracts.transport;

import java.math.BigDecimal;
import java.time.Instant;
import org.chunfeng.contracts.Event;

/** No bus could serve the worker within the rules, so the fare is paid instead (补贴车费). */
public record FareSubsidyGranted(
        String subsidyId,
        String workerId,
        String placementId,
        BigDecimal amountYuan,
        double distanceKm,
        String reason,
        Instant grantedAt) implements Event {
    @Override
    public String partitionKey() {
        return workerId;
    }
}
