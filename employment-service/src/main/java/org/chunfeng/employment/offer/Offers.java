package org.chunfeng.employment.offer;

import java.time.Clock;
import org.chunfeng.contracts.jobs.MatchExpired;
import org.chunfeng.contracts.jobs.MatchProposed;
import org.chunfeng.contracts.jobs.MatchWithdrawn;
import org.chunfeng.contracts.jobs.PlacementCancelled;
import org.chunfeng.contracts.jobs.PlacementConfirmed;
import org.chunfeng.employment.worker.OfferState;
import org.chunfeng.employment.worker.Worker;
import org.chunfeng.employment.worker.WorkerMetrics;
import org.chunfeng.employment.worker.WorkerRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The worker's side of offers: what jobs-service proposes and confirms, and the worker's answers. */
@Service
public class Offers {

    private static final Logger log = LoggerFactory.getLogger(Offers.class);

    private final WorkerRepository workers;
    private final WorkerMetrics metrics;
    private final Clock clock;

    public Offers(WorkerRepository workers, WorkerMetrics metrics, Clock clock) {
        this.workers = workers;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Worker accept(String workerId, String offerId) {
        Worker w = workers.change(workerId, worker -> worker.accept(offerId, clock.instant()));
        metrics.offerAccepted();
        return w;
    }

    public Worker decline(String workerId, String offerId, String reason) {
        Worker w = workers.change(workerId, worker -> worker.decline(offerId, reason, clock.instant()));
        metrics.offerDeclined();
        return w;
    }

    void proposed(MatchProposed m) {
        boolean[] added = {false};
        workers.change(m.workerId(), w -> added[0] = w.propose(m, clock.instant()));
        if (added[0]) {
            metrics.offerReceived();
        } else {
            log.info("Match {} for worker {} not recorded: already known or the worker takes no offers now",
                    m.matchId(), m.workerId());
        }
    }

    void expired(MatchExpired m) {
        workers.change(m.workerId(), w -> w.endOffer(m.matchId(), OfferState.EXPIRED, "expired", clock.instant()));
    }

    void withdrawn(MatchWithdrawn m) {
        workers.change(m.workerId(), w -> w.endOffer(m.matchId(), OfferState.WITHDRAWN, m.reason(),
                clock.instant()));
    }

    void confirmed(PlacementConfirmed p) {
        workers.change(p.workerId(), w -> w.confirmPlacement(p, clock.instant()));
    }

    void cancelled(PlacementCancelled p) {
        workers.change(p.workerId(), w -> w.cancelPlacement(p, clock.instant()));
    }
}
