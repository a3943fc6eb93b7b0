package org.chunfeng.employment.worker;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.contracts.jobs.MatchProposed;
import org.chunfeng.contracts.jobs.ScoreComponent;

/** A job offered to the worker; {@code offerId} is the match id of the MatchProposed that brought it. */
public record Offer(
        String offerId,
        String jobId,
        String jobTitle,
        String employerName,
        EmployerKind employerKind,
        PlaceRef site,
        int monthlyWage,
        LocalDate startDate,
        boolean accommodation,
        double score,
        List<ScoreComponent> reasons,
        Instant proposedAt,
        Instant expiresAt,
        OfferState state,
        Instant answeredAt,
        String note) {

    public static Offer from(MatchProposed m) {
        return new Offer(m.matchId(), m.jobId(), m.jobTitle(), m.employerName(), m.employerKind(),
                PlaceRef.of(m.site()), m.monthlyWage(), m.startDate(), m.accommodation(), m.score(),
                m.scoreBreakdown() == null ? List.of() : List.copyOf(m.scoreBreakdown()), m.proposedAt(),
                m.expiresAt(), OfferState.OPEN, null, null);
    }

    public Offer to(OfferState newState, Instant at, String why) {
        return new Offer(offerId, jobId, jobTitle, employerName, employerKind, site, monthlyWage, startDate,
                accommodation, score, reasons, proposedAt, expiresAt, newState, at, why);
    }

    /** An OPEN offer past its expiry: jobs-service will say so, but the worker may no longer take it. */
    public boolean isPastExpiry(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
