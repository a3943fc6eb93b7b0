package org.chunfeng.employment.worker;

import java.time.Instant;
import java.time.LocalDate;
import org.chunfeng.contracts.jobs.PlacementConfirmed;

/** The job the worker is going to, as jobs-service confirmed it. */
public record Placement(
        String placementId,
        String offerId,
        String jobId,
        String employerId,
        String employerName,
        PlaceRef site,
        LocalDate startDate,
        boolean local,
        Instant confirmedAt) {

    public static Placement from(PlacementConfirmed p) {
        return new Placement(p.placementId(), p.matchId(), p.jobId(), p.employerId(), p.employerName(),
                PlaceRef.of(p.site()), p.startDate(), p.local(), p.confirmedAt());
    }
}
