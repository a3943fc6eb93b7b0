package org.chunfeng.contracts;

/**
 * A payload carried on one of Chunfeng's topics. The partition key orders everything about one worker (or one job)
 * on one partition, so a consumer sees a worker's events in the order they happened.
 */
public interface Event {

    /** The Kafka record key: a workerId or a jobId, as the topic's catalogue entry says. */
    String partitionKey();
}
