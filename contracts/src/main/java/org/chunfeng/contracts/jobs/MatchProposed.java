package org.chunfeng.contracts.jobs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chunfeng.contracts.Event;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.contracts.common.Place;

/** An offer to a worker: one opening of the job is reserved for them until {@code expiresAt}. */
public record MatchProposed(
        String matchId,
        String workerId,
        String jobId,
        String jobTitle,
        String employerName,
        EmployerKind employerKind,
        Place site,
        int monthlyWage,
        LocalDate startDate,
        boolean accommodation,
        double score,
        List<ScoreComponent> scoreBreakdown,
        Instant proposedAt,
        Instant expiresAt) implements Event {
    @Override
    public String partitionKey() {
        return workerId;
    }
}
