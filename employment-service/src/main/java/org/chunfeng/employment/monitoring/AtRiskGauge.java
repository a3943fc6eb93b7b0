package org.chunfeng.employment.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import org.chunfeng.employment.EmploymentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code chunfeng_workers_at_risk{town}}: how many workers the at-risk list (返贫监测预警) holds, town by town, with
 * the configured number of days, so the "at-risk workers rising" alert and the dashboard's list agree. Counting reads
 * every waiting worker, so it runs on its own schedule and a scrape only reads the last count.
 */
@Component
public class AtRiskGauge {

    private static final Logger log = LoggerFactory.getLogger(AtRiskGauge.class);

    private final Monitoring monitoring;
    private final int days;
    private final MultiGauge byTown;

    public AtRiskGauge(Monitoring monitoring, EmploymentProperties properties, MeterRegistry meters) {
        this.monitoring = monitoring;
        this.days = properties.atRisk().days();
        this.byTown = MultiGauge.builder("chunfeng.workers.at.risk")
                .description("Workers on the at-risk list (poor, unstable or marginal, not placed in time, or "
                        + "declining offers), by town")
                .register(meters);
    }

    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${chunfeng.employment.at-risk.refresh:PT1M}")
    void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // The last count stays; the next run tries again.
            log.warn("Could not count the at-risk workers: {}", e.getMessage());
        }
    }

    /**
     * Counts the list again and publishes it. Every town with workers reports, 0 when none is at risk, so a graph
     * and the alert see the first worker at risk as a rise rather than as a new series.
     */
    public synchronized Map<String, Long> refresh() {
        Map<String, Long> counts = monitoring.atRiskByTown(days);
        byTown.register(counts.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("town", e.getKey()), e.getValue())).toList(), true);
        return counts;
    }
}
