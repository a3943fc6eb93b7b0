package org.chunfeng.jobs.match;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.chunfeng.jobs.candidate.Candidate;
import org.chunfeng.jobs.matching.JobBoard;
import org.chunfeng.jobs.posting.JobStatus;
import org.chunfeng.jobs.posting.Posting;

/**
 * What the matchmaker thread keeps in memory, rebuilt from the documents at start-up: every worker, every posting,
 * the board of openings left, who is waiting, which offers are live on which posting and when each expires.
 * Only the matchmaker thread touches it.
 */
final class MatchState {

    record Expiry(Instant at, String workerId, String matchId) {
    }

    final JobBoard board;
    final Map<String, Candidate> workers = new HashMap<>();
    final Map<String, Posting> postings = new HashMap<>();
    final Set<String> waiting = new LinkedHashSet<>();
    final Map<String, Set<String>> liveOffersByJob = new HashMap<>();
    private final Map<String, String> liveOfferJob = new HashMap<>();
    final PriorityQueue<Expiry> expiries = new PriorityQueue<>(Comparator.comparing(Expiry::at));

    MatchState(JobBoard board) {
        this.board = board;
    }

    /** Puts the posting on the board (or takes it off when it is closed) with its ledger counts. */
    void post(Posting p) {
        postings.put(p.id(), p);
        if (p.status() == JobStatus.CLOSED) {
            board.remove(p.id());
        } else {
            board.put(p.toView(), p.openings(), p.reserved() + p.filled());
        }
    }

    /** Files the worker under the right sets after any change. */
    void track(Candidate c) {
        workers.put(c.workerId(), c);
        if (c.state() == Candidate.State.WAITING) {
            waiting.add(c.workerId());
        } else {
            waiting.remove(c.workerId());
        }
        String before = liveOfferJob.remove(c.workerId());
        if (before != null) {
            Set<String> live = liveOffersByJob.get(before);
            if (live != null) {
                live.remove(c.workerId());
            }
        }
        if (c.state() == Candidate.State.OFFERED && c.offer() != null) {
            liveOfferJob.put(c.workerId(), c.offer().jobId());
            liveOffersByJob.computeIfAbsent(c.offer().jobId(), k -> new LinkedHashSet<>()).add(c.workerId());
            if (!c.offer().matchId().equals(before == null ? null : trackedMatch.get(c.workerId()))) {
                expiries.add(new Expiry(c.offer().expiresAt(), c.workerId(), c.offer().matchId()));
            }
            trackedMatch.put(c.workerId(), c.offer().matchId());
        } else {
            trackedMatch.remove(c.workerId());
        }
    }

    private final Map<String, String> trackedMatch = new HashMap<>();
}
