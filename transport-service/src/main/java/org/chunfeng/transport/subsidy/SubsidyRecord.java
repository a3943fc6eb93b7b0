package org.chunfeng.transport.subsidy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of the subsidy ledger. Its id is the placement, so a placement is paid once however often it is
 * planned, redelivered or retried.
 */
@Document(SubsidyLedger.COLLECTION)
public record SubsidyRecord(String id, String subsidyId, String workerId, String town, LocalDate travelDate,
        BigDecimal amountYuan, double distanceKm, String reasonCode, String reason, Instant grantedAt) {

    public String placementId() {
        return id;
    }
}
