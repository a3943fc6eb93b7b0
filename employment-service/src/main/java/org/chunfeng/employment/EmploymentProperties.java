package org.chunfeng.employment;

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
        atRisk = atRisk == null ? new AtRisk(7) : atRisk;
        importing = importing == null ? new Importing(1, 4, 500) : importing;
    }

    public boolean usesDevelopmentKey() {
        return DEVELOPMENT_KEY.equals(idHashKey);
    }

    /** How many days a poor, unstable or marginal worker may wait without an accepted offer before being flagged. */
    public record AtRisk(int days) {
        public AtRisk {
            days = days <= 0 ? 7 : days;
        }
    }

    /** Background import: threads, how many uploads may wait, and rows per database batch. */
    public record Importing(int threads, int queue, int batchSize) {
        public Importing {
            threads = threads <= 0 ? 1 : threads;
            queue = queue <= 0 ? 4 : queue;
            batchSize = batchSize <= 0 ? 500 : batchSize;
        }
    }
}
