package org.chunfeng.kit.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The kit's settings. {@code service} is the short name used as the events' source and as the producer in the
 * topic catalogue (employment, jobs, transport).
 */
@ConfigurationProperties("chunfeng")
public record KitProperties(String service, Outbox outbox, Kafka kafka) {

    public KitProperties {
        outbox = outbox == null ? new Outbox(500, Duration.ofSeconds(10)) : outbox;
        kafka = kafka == null ? new Kafka(6, (short) 1, 3, Duration.ofMillis(200)) : kafka;
    }

    /** How many documents one relay pass takes, and how often the relay sweeps for what a crash left behind. */
    public record Outbox(int batchSize, Duration sweepInterval) {
        public Outbox {
            batchSize = batchSize <= 0 ? 500 : batchSize;
            sweepInterval = sweepInterval == null ? Duration.ofSeconds(10) : sweepInterval;
        }
    }

    /** Topic shape, and how often a failing record is retried (with doubling backoff) before it is parked. */
    public record Kafka(int partitions, short replicationFactor, int retries, Duration retryBackoff) {
        public Kafka {
            partitions = partitions <= 0 ? 6 : partitions;
            replicationFactor = replicationFactor <= 0 ? 1 : replicationFactor;
            retries = retries < 0 ? 3 : retries;
            retryBackoff = retryBackoff == null ? Duration.ofMillis(200) : retryBackoff;
        }
    }
}
