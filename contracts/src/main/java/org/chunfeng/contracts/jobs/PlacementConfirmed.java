package org.chunfeng.contracts.jobs;

import java.time.Instant;
import java.time.LocalDate;
import org.chunfeng.contracts.Event;
import org.chunfeng.contracts.common.Place;
import org.chunfeng.contracts.common.TravelFitness;

/**
 * An accepted offer became a placement. It carries what transport needs to carry the worker to the site:
 * {@code local} is true when the site lies within the daily commute, so no bus is needed.
 */
public record PlacementConfirmed(
        String placementId,
        String matchId,
        String workerId,
        String jobId,
        String employerId,
        String employerName,
        String workerName,
        String phoneMasked,
        TravelFitness fitness,
        String town,
        String village,
        Place collectionPoint,
        Place site,
        LocalDate startDate,
        boolean local,
        Instant confirmedAt) implements Event {
    @Override
    public String partitionKey() {
        return workerId;
    }
}
