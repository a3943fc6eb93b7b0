package org.chunfeng.bench.registration;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.chunfeng.contracts.CloudEventHeaders;
import org.chunfeng.contracts.EventType;

/**
 * Notes when each worker's first MatchProposed reaches the broker's readers: a plain consumer on the matches topic
 * (no group, every partition from the start), the record key being the worker id.
 */
final class MatchWatcher implements AutoCloseable {

    private static final String TOPIC = EventType.MATCH_PROPOSED.topic().topicName();
    private static final byte[] MATCH_PROPOSED = EventType.MATCH_PROPOSED.ceType().getBytes(StandardCharsets.UTF_8);

    private final Map<String, Long> proposedAt = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long lastSeenNanos = System.nanoTime();

    MatchWatcher(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = awaitPartitions(consumer);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(() -> poll(consumer), "match-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** The topic may not exist until jobs-service has started; it is not created here. */
    private static List<TopicPartition> awaitPartitions(KafkaConsumer<?, ?> consumer) {
        for (int attempt = 0; attempt < 120; attempt++) {
            var infos = consumer.partitionsFor(TOPIC, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("The topic " + TOPIC + " did not appear");
    }

    private void poll(KafkaConsumer<String, byte[]> consumer) {
        try (consumer) {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
                    if (type != null && Arrays.equals(type.value(), MATCH_PROPOSED) && record.key() != null) {
                        proposedAt.putIfAbsent(record.key(), now);
                        lastSeenNanos = now;
                    }
                }
            }
        }
    }

    /** When the worker's first MatchProposed was read (System.nanoTime), or null. */
    Long proposedAt(String workerId) {
        return proposedAt.get(workerId);
    }

    int proposed() {
        return proposedAt.size();
    }

    long lastSeenNanos() {
        return lastSeenNanos;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
