package org.chunfeng.jobs.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chunfeng.jobs.candidate.Candidate;
import org.chunfeng.jobs.candidate.CandidateStore;
import org.chunfeng.jobs.match.OpeningLedger.Claim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes what a crash interrupted between a worker's write and a posting's. Two cases, by construction of
 * {@link OfferBook}:
 * <ul>
 * <li>A worker document still owes a posting a counter change (release, fill, cancel): apply it (the ledger ignores
 * a change it already has) and clear the debt.</li>
 * <li>A posting's journal still holds a reservation older than the grace period: if its worker holds or once held
 * the match, the offer was written and only the journal entry is left; otherwise the offer was never written. The
 * worker's version is moved on first, so a slow writer still holding the old version can no longer write that offer,
 * and then the reservation is undone, under the same operation id a live undo would use (so never twice).</li>
 * </ul>
 */
final class Recovery {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private final MatchState state;
    private final CandidateStore candidates;
    private final OpeningLedger ledger;
    private final OfferBook offers;

    Recovery(MatchState state, CandidateStore candidates, OpeningLedger ledger, OfferBook offers) {
        this.state = state;
        this.candidates = candidates;
        this.ledger = ledger;
        this.offers = offers;
    }

    /** Settles debts, and reservations made before {@code olderThan}; returns how many it settled. */
    int run(Instant olderThan) {
        int settled = 0;
        Set<String> touched = new HashSet<>();
        for (Candidate owing : candidates.owing()) {
            state.track(owing);
            owing.owed().forEach(o -> touched.add(o.jobId()));
            offers.settle(owing);
            settled++;
        }
        List<OpeningLedger.Entry> journal = ledger.journal();
        Set<String> ops = new HashSet<>();
        journal.forEach(e -> ops.add(e.jobId() + "/" + e.opId()));
        for (OpeningLedger.Entry entry : journal) {
            if (!entry.at().isBefore(olderThan) || entry.opId().endsWith(":undo")) {
                continue;
            }
            String undoOp = entry.opId() + ":undo";
            if (entry.gated() && !ops.contains(entry.jobId() + "/" + undoOp)) {
                List<Claim> lost = new ArrayList<>();
                for (Claim claim : entry.claims()) {
                    if (!heldOrFenced(claim)) {
                        lost.add(claim);
                    }
                }
                if (!lost.isEmpty()) {
                    int reserved = entry.reserved() > 0 ? -lost.size() : 0;
                    int filled = entry.filled() > 0 ? -lost.size() : 0;
                    ledger.apply(entry.jobId(), undoOp, reserved, filled, lost);
                    log.warn("Recovery undid {} reservation(s) of posting {} whose offers were never written",
                            lost.size(), entry.jobId());
                }
            }
            ledger.forget(entry.jobId(), entry.opId());
            ledger.forget(entry.jobId(), undoOp);
            touched.add(entry.jobId());
            settled++;
        }
        touched.forEach(offers::resync);
        return settled;
    }

    /**
     * True if the worker holds or held the match. Otherwise moves the worker's version on, so no writer still
     * holding the old one can write the offer after we undo its reservation, and answers false.
     */
    private boolean heldOrFenced(Claim claim) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Candidate c = candidates.load(claim.workerId()).orElse(null);
            if (c == null) {
                return false;
            }
            if (c.knowsMatch(claim.matchId())) {
                state.track(c);
                return true;
            }
            if (candidates.fence(c)) {
                state.track(c);
                return false;
            }
        }
        throw new IllegalStateException("Worker " + claim.workerId() + " keeps changing; recovery will try again");
    }
}
