package org.chunfeng.contracts;

/**
 * Every topic Chunfeng publishes to, with the service that owns it and what its record key is.
 * A topic has exactly one producer; failed records of a consumer go to {@link #deadLetter()}.
 */
public enum Topic {
    EMPLOYMENT_WORKERS(Names.EMPLOYMENT_WORKERS, "employment", "workerId"),
    EMPLOYMENT_OFFERS(Names.EMPLOYMENT_OFFERS, "employment", "workerId"),
    JOBS_POSTINGS(Names.JOBS_POSTINGS, "jobs", "jobId"),
    JOBS_MATCHES(Names.JOBS_MATCHES, "jobs", "workerId"),
    JOBS_PLACEMENTS(Names.JOBS_PLACEMENTS, "jobs", "workerId"),
    TRANSPORT_TRIPS(Names.TRANSPORT_TRIPS, "transport", "workerId");

    /** The topic names as compile-time constants, for {@code @KafkaListener(topics = ...)}. */
    public static final class Names {
        public static final String EMPLOYMENT_WORKERS = "employment.workers.v1";
        public static final String EMPLOYMENT_OFFERS = "employment.offers.v1";
        public static final String JOBS_POSTINGS = "jobs.postings.v1";
        public static final String JOBS_MATCHES = "jobs.matches.v1";
        public static final String JOBS_PLACEMENTS = "jobs.placements.v1";
        public static final String TRANSPORT_TRIPS = "transport.trips.v1";

        private Names() {
        }
    }

    private final String topicName;
    private final String producer;
    private final String keyField;

    Topic(String topicName, String producer, String keyField) {
        this.topicName = topicName;
        this.producer = producer;
        this.keyField = keyField;
    }

    public String topicName() {
        return topicName;
    }

    /** The short name of the one service that publishes here: employment, jobs or transport. */
    public String producer() {
        return producer;
    }

    /** The payload field whose value is the record key. */
    public String keyField() {
        return keyField;
    }

    /** Where a consumer parks a record it cannot process (spring-kafka's default suffix). */
    public String deadLetter() {
        return topicName + "-dlt";
    }

    public static Topic byName(String topicName) {
        for (Topic t : values()) {
            if (t.topicName.equals(topicName)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown topic: " + topicName);
    }
}
