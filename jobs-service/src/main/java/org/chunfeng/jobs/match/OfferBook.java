package org.chunfeng.jobs.match;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.chunfeng.contracts.employment.WorkerProfile;
import org.chunfeng.contracts.jobs.MatchExpired;
import org.chunfeng.contracts.jobs.MatchProposed;
import org.chunfeng.contracts.jobs.MatchWithdrawn;
import org.chunfeng.contracts.jobs.PlacementCancelled;
import org.chunfeng.contracts.jobs.PlacementConfirmed;
import org.chunfeng.jobs.candidate.Candidate;
import org.chunfeng.jobs.candidate.CandidateChange;
import org.chunfeng.jobs.candidate.CandidateStore;
import org.chunfeng.jobs.match.OpeningLedger.Claim;
import org.chunfeng.jobs.matching.JobView;
import org.chunfeng.jobs.matching.MatchRules;
import org.chunfeng.jobs.posting.Posting;

/**
 * The changes of an offer's life, each a worker write paired with a posting's counter change:
 * <ul>
 * <li>proposing reserves first (the posting decides capacity), then writes the offer; if the write loses, the
 * reservation is undone;</li>
 * <li>releasing (decline, expiry, withdrawal, closing), filling and cancelling write the worker first with the
 * counter change it owes, then settle it on the posting; a crash in between leaves the debt on the worker's
 * document, and {@link Recovery} settles it. Settling twice is harmless: the ledger remembers the operation.</li>
 * </ul>
 * Runs on the matchmaker thread only.
 */
final class OfferBook {

    static final String DECLINED = "DECLINED";
    static final String EXPIRED = "EXPIRED";
    static final String WITHDRAWN = "WITHDRAWN";
    static final String PLACED = "PLACED";
    static final String CANCELLED = "CANCELLED";

    /** Reasons carried by MatchWithdrawn and PlacementCancelled. */
    static final String JOB_CLOSED = "JOB_CLOSED";
    static final String WORKER_WITHDRAWN = "WORKER_WITHDRAWN";
    static final String PROFILE_CHANGED = "PROFILE_CHANGED";
    static final String ACCEPTED_EARLIER_OFFER = "ACCEPTED_EARLIER_OFFER";
    static final String OFFER_LAPSED_NO_OPENING = "OFFER_LAPSED_NO_OPENING";

    private final MatchState state;
    private final CandidateStore candidates;
    private final OpeningLedger ledger;
    private final MatchRules rules;
    private final MatchingProperties properties;
    private final MatchingMetrics metrics;
    private final Clock clock;

    OfferBook(MatchState state, CandidateStore candidates, OpeningLedger ledger, MatchRules rules,
            MatchingProperties properties, MatchingMetrics metrics, Clock clock) {
        this.state = state;
        this.candidates = candidates;
        this.ledger = ledger;
        this.rules = rules;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    static String newMatchId() {
        return "m-" + UUID.randomUUID();
    }

    /** Offers the worker one opening of the posting; false if the posting had none left or the worker changed. */
    boolean propose(Candidate c, String jobId) {
        Posting posting = state.postings.get(jobId);
        if (posting == null || c.state() != Candidate.State.WAITING) {
            return false;
        }
        String matchId = newMatchId();
        Claim claim = new Claim(matchId, c.workerId());
        String reserveOp = matchId + ":reserve";
        if (ledger.reserve(jobId, reserveOp, List.of(claim)).isEmpty()) {
            resync(jobId);
            return false;
        }
        if (!writeOffer(c, posting, matchId)) {
            undo(jobId, List.of(claim), reserveOp);
            reload(c.workerId());
            return false;
        }
        ledger.forget(jobId, reserveOp);
        state.board.take(jobId);
        return true;
    }

    /** Writes the offer for a reservation already granted; false if the worker changed meanwhile. */
    boolean writeOffer(Candidate c, Posting posting, String matchId) {
        Instant now = clock.instant();
        JobView job = posting.toView();
        MatchRules.Score score = rules.explain(c.view(), job, now);
        Candidate.Offer offer = new Candidate.Offer(matchId, posting.id(), score.total(), score.breakdown(), now,
                now.plus(properties.offerTtl()));
        MatchProposed event = new MatchProposed(matchId, c.workerId(), posting.id(), posting.title(),
                posting.employerName(), posting.employerKind(), posting.site(), posting.monthlyWage(),
                posting.startDate(), posting.accommodation(), score.total(), score.breakdown(), now,
                offer.expiresAt());
        CandidateChange change = new CandidateChange().state(Candidate.State.OFFERED).offer(offer).event(event);
        if (!candidates.write(c, change)) {
            return false;
        }
        state.track(c);
        metrics.proposed();
        return true;
    }

    /** Takes back reservations whose offers could not be written. */
    void undo(String jobId, List<Claim> claims, String reserveOp) {
        String undoOp = reserveOp + ":undo";
        ledger.apply(jobId, undoOp, -claims.size(), 0, claims);
        ledger.forget(jobId, reserveOp);
        ledger.forget(jobId, undoOp);
        resync(jobId);
    }

    /** The worker declined: the opening goes back and the job is never offered to them again. */
    void decline(Candidate c) {
        Candidate.Offer offer = c.offer();
        release(c, DECLINED, new CandidateChange().exclude(offer.jobId()));
    }

    /** The offer ran out: announced as MatchExpired; the job is never offered to the worker again. */
    void expire(Candidate c) {
        Candidate.Offer offer = c.offer();
        Instant now = clock.instant();
        release(c, EXPIRED, new CandidateChange().exclude(offer.jobId())
                .event(new MatchExpired(offer.matchId(), c.workerId(), offer.jobId(), now)));
        metrics.expired();
    }

    /** The offer is taken back (job closed, worker changed or withdrew): announced as MatchWithdrawn. */
    void withdraw(Candidate c, String reason, Candidate.State next) {
        Candidate.Offer offer = c.offer();
        release(c, WITHDRAWN, new CandidateChange().state(next)
                .event(new MatchWithdrawn(offer.matchId(), c.workerId(), offer.jobId(), reason, clock.instant())));
        metrics.withdrawn();
    }

    private void release(Candidate c, String outcome, CandidateChange change) {
        Candidate.Offer offer = c.offer();
        Instant now = clock.instant();
        Candidate.Owed owed = new Candidate.Owed(offer.jobId(), offer.matchId() + ":release", -1, 0, offer.matchId());
        if (!change.stateSet()) {
            change.state(Candidate.State.WAITING);
        }
        change.offer(null).past(new Candidate.PastMatch(offer.matchId(), offer.jobId(), outcome, now)).owe(owed);
        if (!candidates.write(c, change)) {
            throw new StaleWorkerException(c.workerId());
        }
        state.track(c);
        settle(c);
        state.board.release(offer.jobId());
    }

    /** The worker accepted their live offer: the reserved opening becomes filled. Announced as PlacementConfirmed. */
    void fill(Candidate c, Instant acceptedAt) {
        Candidate.Offer offer = c.offer();
        Posting posting = state.postings.get(offer.jobId());
        Instant now = clock.instant();
        Candidate.Placement placement = placement(c, posting, offer.matchId(), offer.score(), offer.breakdown(), now);
        CandidateChange change = new CandidateChange().state(Candidate.State.PLACED).offer(null).placement(placement)
                .past(new Candidate.PastMatch(offer.matchId(), offer.jobId(), PLACED, now))
                .owe(new Candidate.Owed(offer.jobId(), offer.matchId() + ":fill", -1, 1, offer.matchId()))
                .event(confirmed(c, posting, placement));
        if (!candidates.write(c, change)) {
            throw new StaleWorkerException(c.workerId());
        }
        state.track(c);
        settle(c);
        metrics.confirmed();
    }

    /**
     * An accept for a match that already expired or was withdrawn: honoured if the posting still has an opening
     * (any newer offer the worker holds is withdrawn), otherwise answered with PlacementCancelled.
     */
    void lateAccept(Candidate c, Candidate.PastMatch past) {
        Posting posting = state.postings.get(past.jobId());
        Instant now = clock.instant();
        String fillOp = past.matchId() + ":late-fill";
        Claim claim = new Claim(past.matchId(), c.workerId());
        if (posting == null || c.state() == Candidate.State.WITHDRAWN
                || !ledger.fillDirectly(past.jobId(), fillOp, claim)) {
            String reason = c.state() == Candidate.State.WITHDRAWN ? WORKER_WITHDRAWN : OFFER_LAPSED_NO_OPENING;
            CandidateChange change = new CandidateChange()
                    .event(new PlacementCancelled(past.matchId(), c.workerId(), past.jobId(), reason, now));
            if (!candidates.write(c, change)) {
                throw new StaleWorkerException(c.workerId());
            }
            metrics.cancelled();
            return;
        }
        Candidate.Offer newer = c.state() == Candidate.State.OFFERED ? c.offer() : null;
        MatchRules.Score score = rules.explain(c.view(), posting.toView(), now);
        Candidate.Placement placement = placement(c, posting, past.matchId(), score.total(), score.breakdown(), now);
        CandidateChange change = new CandidateChange().state(Candidate.State.PLACED).placement(placement)
                .past(new Candidate.PastMatch(past.matchId(), past.jobId(), PLACED, now));
        if (newer != null) {
            change.offer(null).past(new Candidate.PastMatch(newer.matchId(), newer.jobId(), WITHDRAWN, now))
                    .owe(new Candidate.Owed(newer.jobId(), newer.matchId() + ":release", -1, 0, newer.matchId()))
                    .event(new MatchWithdrawn(newer.matchId(), c.workerId(), newer.jobId(), ACCEPTED_EARLIER_OFFER,
                            now));
        }
        change.event(confirmed(c, posting, placement));
        if (!candidates.write(c, change)) {
            String undoOp = fillOp + ":undo";
            ledger.apply(past.jobId(), undoOp, 0, -1, List.of(claim));
            ledger.forget(past.jobId(), fillOp);
            ledger.forget(past.jobId(), undoOp);
            throw new StaleWorkerException(c.workerId());
        }
        ledger.forget(past.jobId(), fillOp);
        state.board.take(past.jobId());
        state.track(c);
        settle(c);
        if (newer != null) {
            state.board.release(newer.jobId());
        }
        metrics.confirmed();
    }

    /** A placed worker withdrew: the filled opening goes back. Announced as PlacementCancelled. */
    void cancelPlacement(Candidate c, String reason) {
        Candidate.Placement p = c.placement();
        Instant now = clock.instant();
        CandidateChange change = new CandidateChange().state(Candidate.State.WITHDRAWN).placement(null)
                .past(new Candidate.PastMatch(p.matchId(), p.jobId(), CANCELLED, now))
                .owe(new Candidate.Owed(p.jobId(), p.matchId() + ":cancel", 0, -1, p.matchId()))
                .event(new PlacementCancelled(p.matchId(), c.workerId(), p.jobId(), reason, now));
        if (!candidates.write(c, change)) {
            throw new StaleWorkerException(c.workerId());
        }
        state.track(c);
        settle(c);
        state.board.release(p.jobId());
        metrics.cancelled();
    }

    /** Puts on each posting the counter changes the worker's writes owe it, then clears the debts. */
    void settle(Candidate c) {
        for (Candidate.Owed owed : new ArrayList<>(c.owed())) {
            List<Claim> claims = List.of(new Claim(owed.matchId(), c.workerId()));
            ledger.apply(owed.jobId(), owed.opId(), owed.reserved(), owed.filled(), claims);
            candidates.settled(c, owed.opId());
            ledger.forget(owed.jobId(), owed.opId());
        }
    }

    /** Brings the board's count for a posting back in line with the ledger. */
    void resync(String jobId) {
        OpeningLedger.Counts counts = ledger.counts(jobId);
        if (counts != null) {
            state.board.setTaken(jobId, counts.reserved() + counts.filled());
        }
    }

    /** Reads a worker back from the database after a write lost a race (another instance changed them). */
    Candidate reload(String workerId) {
        Candidate fresh = candidates.load(workerId).orElse(null);
        if (fresh != null) {
            state.track(fresh);
        }
        return fresh;
    }

    private Candidate.Placement placement(Candidate c, Posting posting, String matchId, double score,
            List<org.chunfeng.contracts.jobs.ScoreComponent> breakdown, Instant now) {
        boolean local = false;
        if (posting != null && posting.site() != null && posting.site().location() != null
                && Candidate.location(c.profile()) != null) {
            local = rules.isLocal(rules.exactRoadKm(c.view(), posting.toView()));
        }
        return new Candidate.Placement(matchId, posting == null ? null : posting.id(), score, breakdown, now, local);
    }

    private static PlacementConfirmed confirmed(Candidate c, Posting posting, Candidate.Placement p) {
        WorkerProfile w = c.profile();
        return new PlacementConfirmed(p.matchId(), p.matchId(), c.workerId(), posting.id(), posting.employerId(),
                posting.employerName(), w.name(), w.phoneMasked(), w.fitness(), w.town(), w.village(),
                w.collectionPoint(), posting.site(), posting.startDate(), p.local(), p.confirmedAt());
    }

    /** The worker's document moved on under us (another instance, or a bug): read it again and retry the event. */
    static final class StaleWorkerException extends RuntimeException {
        StaleWorkerException(String workerId) {
            super("Worker " + workerId + " changed while being matched; will retry");
        }
    }
}
