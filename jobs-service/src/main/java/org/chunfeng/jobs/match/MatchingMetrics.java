package org.chunfeng.jobs.match;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Business metrics of matching; the openings gauge reads a figure the matchmaker keeps current, so a scrape is free. */
@Component
public class MatchingMetrics {

    private final Counter proposed;
    private final Counter expired;
    private final Counter withdrawn;
    private final Counter confirmed;
    private final Counter cancelled;
    private final Timer batch;
    private final AtomicLong openingsOpen = new AtomicLong();

    MatchingMetrics(MeterRegistry meters) {
        proposed = Counter.builder("chunfeng.matches.proposed").description("Offers made (MatchProposed)").register(meters);
        expired = Counter.builder("chunfeng.matches.expired").description("Offers that ran out (MatchExpired)").register(meters);
        withdrawn = Counter.builder("chunfeng.matches.withdrawn").description("Offers taken back (MatchWithdrawn)")
                .register(meters);
        confirmed = Counter.builder("chunfeng.placements.confirmed").description("Accepted offers placed (PlacementConfirmed)")
                .register(meters);
        cancelled = Counter.builder("chunfeng.placements.cancelled").description("Placements cancelled or refused (PlacementCancelled)")
                .register(meters);
        batch = Timer.builder("chunfeng.matching.batch.duration").description("Batch matching: search, optimum and offers")
                .register(meters);
        Gauge.builder("chunfeng.openings.open", openingsOpen, AtomicLong::get)
                .description("Openings neither reserved nor filled, over open postings").register(meters);
    }

    void proposed() {
        proposed.increment();
    }

    void expired() {
        expired.increment();
    }

    void withdrawn() {
        withdrawn.increment();
    }

    void confirmed() {
        confirmed.increment();
    }

    void cancelled() {
        cancelled.increment();
    }

    void batch(Duration took) {
        batch.record(took);
    }

    void openingsOpen(long openings) {
        openingsOpen.set(openings);
    }
}
