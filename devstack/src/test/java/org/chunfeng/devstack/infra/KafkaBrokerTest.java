package org.chunfeng.devstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    private static final String TOPIC = "employment.workers.v1";
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void keepsRecordsAcrossARestartOnTheSameDataFolder() throws Exception {
        int port = Ports.anyFree();
        Path log = dir.resolve("logs").resolve("kafka.log");

        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), port, log)) {
            broker.awaitReady(START);
            send(broker.bootstrapServers(), "worker-1", "registered");
            assertThat(readAll(broker.bootstrapServers())).containsExactly("worker-1=registered");
        }
        assertThat(Ports.awaitFree(port, Duration.ofSeconds(10))).as("port %d free after stop", port).isTrue();
        assertThat(ChildProcess.tail(log, 200)).anyMatch(line -> line.contains("Kafka Server started"));

        try (KafkaBroker again = KafkaBroker.start(dir.resolve("kafka"), port, log)) {
            again.awaitReady(START);
            assertThat(readAll(again.bootstrapServers())).containsExactly("worker-1=registered");
        }
        assertThat(Ports.awaitFree(port, Duration.ofSeconds(10))).isTrue();
    }

    private static void send(String bootstrap, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    /** Everything in the topic, read by a new consumer group from the beginning. */
    private static List<String> readAll(String bootstrap) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> records.add(r.key() + "=" + r.value()));
            }
        }
        return records;
    }
}
