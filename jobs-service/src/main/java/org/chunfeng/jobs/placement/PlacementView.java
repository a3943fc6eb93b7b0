package org.chunfeng.jobs.placement;

import java.time.Instant;
import org.chunfeng.contracts.common.Place;
import org.chunfeng.contracts.common.TravelFitness;

/** A worker placed on a job, as the labour office and transport coordinators see them (phone masked). */
public record PlacementView(String placementId, String workerId, String workerName, String phoneMasked,
        TravelFitness fitness, String town, String village, Place collectionPoint, double score, boolean local,
        Instant confirmedAt) {
}
