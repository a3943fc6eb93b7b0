package org.chunfeng.transport.rider;

import java.time.Instant;
import java.time.LocalDate;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.transport.StoredPlace;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A worker who needs carrying, keyed by worker id. It holds the worker's pending events in its own outbox, so
 * everything transport says about one worker (seat, new seat, boarded, arrived) leaves in order.
 *
 * @param travelDate the day before the start date: rides are long, so riders arrive the evening before work starts
 */
@Document(RiderStore.COLLECTION)
public record RiderRecord(String id, String placementId, RiderStatus status, String name, String phoneMasked,
        TravelFitness fitness, String town, String village, String employerName, StoredPlace pickup, StoredPlace site,
        LocalDate startDate, LocalDate travelDate, Seat seat, String subsidyId, Instant updatedAt) {

    public String workerId() {
        return id;
    }
}
