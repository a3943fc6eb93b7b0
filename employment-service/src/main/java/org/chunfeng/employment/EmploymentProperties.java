package org.chunfeng.employment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of employment-service. {@code idHashKey} keys the hashes of ID numbers and references: it must be the
 * same for the life of the database (or duplicates stop being found) and secret (or hashes can be reversed by
 * trying every number).
 */
@ConfigurationProperties("chunfeng.employment")
public record EmploymentProperties(String idHashKey, AtRisk atRisk, Importing importing) {

    /** Good enough for a laptop and tests; a warning is logged whenever it is in use. */
    public static final String DEVELOPMENT_KEY = "chunfeng-development-only-id-hash-key";

    public EmploymentProperties {
        idHashKey = idHashKey == null || idHashKey.isBlank() ? DEVELOPMENT_KEY : idHashKey;
        atRisk = atRisk == null ? new AtRisk(7, null) : atRisk;
        importing = importing == null ? new Importing(1, 4, 500, 100_000) : importing;
    }

    public boolean usesDevelopmentKey() {
        return DEVELOPMENT_KEY.equals(idHashKey);
    }

    /**
     * How many days a poor, unstable or marginal worker may wait without an accepted offer before being flagged, and
     * how often the {@code chunfeng_workers_at_risk} gauge is counted again (it reads every waiting worker, so not on
     * every scrape).
     */
    public record AtRisk(int days, Duration refresh) {
        public AtRisk {
            days = days <= 0 ? 7 : days;
            refresh = refresh == null || refresh.isNegative() || refresh.isZero() ? Duration.ofMinutes(1) : refresh;
        }
    }

    /** Background import: threads, how many uploads may wait, rows per database batch, most rows in a sheet. */
    public record Importing(int threads, int queue, int batchSize, int maxRows) {
        public Importing {
            threads = threads <= 0 ? 1 : threads;
            queue = queue <= 0 ? 4 : queue;
            batchSize = batchSize <= 0 ? 500 : batchSize;
            maxRows = maxRows <= 0 ? 100_000 : maxRows;
        }
    }
}
