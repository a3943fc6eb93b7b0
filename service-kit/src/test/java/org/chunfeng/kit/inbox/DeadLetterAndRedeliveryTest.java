package org.chunfeng.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.chunfeng.contracts.CloudEventHeaders;
import org.chunfeng.contracts.EventType;
import org.chunfeng.contracts.Topic;
import org.chunfeng.kit.config.KafkaMessagingConfiguration;
import org.chunfeng.kit.sample.SampleEffects;
import org.chunfeng.kit.sample.SampleRegistrations;
import org.chunfeng.kit.testing.ServiceTest;
import org.chunfeng.kit.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.MeterRegistry;

@ServiceTest
class DeadLetterAndRedeliveryTest {

    static final String TOPIC = Topic.EMPLOYMENT_WORKERS.topicName();

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    SampleEffects effects;
    @Autowired
    SampleRegistrations registrations;
    @Autowired
    Inbox inbox;
    @Autowired
    JsonMapper json;
    @Autowired
    MeterRegistry meters;

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        String workerId = "w-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String payload = json.writeValueAsString(registrations.registered(workerId, "孙丽"));

        send(eventId, EventType.WORKER_REGISTERED.ceType(), workerId, payload);
        send(eventId, EventType.WORKER_REGISTERED.ceType(), workerId, payload);
        String laterWorker = "w-" + UUID.randomUUID();
        send(UUID.randomUUID().toString(), EventType.WORKER_REGISTERED.ceType(), laterWorker,
                json.writeValueAsString(registrations.registered(laterWorker, "周强")));

        // The later event is on another key, maybe another partition; wait for both, then check the tally.
        await().atMost(Duration.ofSeconds(20)).until(() -> effects.times(workerId) >= 1 && effects.times(laterWorker) == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> effects.times(workerId) == 1);
    }

    @Test
    void handlingTheSameRecordTwiceDirectlyIsANoOp() {
        String workerId = "w-" + UUID.randomUUID();
        ConsumerRecord<String, String> record = record(UUID.randomUUID().toString(),
                EventType.WORKER_REGISTERED.ceType(), workerId,
                json.writeValueAsString(registrations.registered(workerId, "钱芳")));

        inbox.handle(record, effects.router());
        inbox.handle(record, effects.router());

        assertThat(effects.times(workerId)).isEqualTo(1);
    }

    @Test
    void malformedRecordsAreRefusedWithAReason() {
        assertThatThrownBy(() -> inbox.handle(record(null, EventType.WORKER_REGISTERED.ceType(), "w", "{}"),
                effects.router())).isInstanceOf(MalformedEventException.class).hasMessageContaining("ce_id");
        assertThatThrownBy(() -> inbox.handle(record("e1", "org.chunfeng.employment.Unheard.v1", "w", "{}"),
                effects.router())).isInstanceOf(MalformedEventException.class).hasMessageContaining("Unknown event type");
        assertThatThrownBy(() -> inbox.handle(record("e2", EventType.JOB_POSTED.ceType(), "w", "{}"),
                effects.router())).isInstanceOf(MalformedEventException.class).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> inbox.handle(record("e3", EventType.WORKER_REGISTERED.ceType(), "w", "{not json"),
                effects.router())).isInstanceOf(MalformedEventException.class).hasMessageContaining("does not parse");
    }

    @Test
    void poisonRecordsReachTheDeadLetterTopicAndTheConsumerGoesOn() throws Exception {
        String garbledId = "garbled-" + UUID.randomUUID();
        String poisonWorker = "w-" + UUID.randomUUID();
        String poisonId = "poison-" + UUID.randomUUID();
        String unknownId = "unknown-" + UUID.randomUUID();
        double before = deadLetters();

        try (TopicReader deadLetters = new TopicReader(Topic.EMPLOYMENT_WORKERS.deadLetter())) {
            send(garbledId, EventType.WORKER_REGISTERED.ceType(), "w-garbled", "{\"workerId\": ");
            send(unknownId, "org.chunfeng.employment.WorkerTeleported.v1", "w-unknown", "{}");
            send(poisonId, EventType.WORKER_REGISTERED.ceType(), poisonWorker,
                    json.writeValueAsString(registrations.registered(poisonWorker, "POISON")));
            String goodWorker = "w-" + UUID.randomUUID();
            send(UUID.randomUUID().toString(), EventType.WORKER_REGISTERED.ceType(), goodWorker,
                    json.writeValueAsString(registrations.registered(goodWorker, "吴刚")));

            List<ConsumerRecord<String, String>> parked = deadLetters.until(records -> ids(records)
                    .containsAll(List.of(garbledId, unknownId, poisonId)));
            ConsumerRecord<String, String> poison = parked.stream()
                    .filter(r -> poisonId.equals(TopicReader.header(r, CloudEventHeaders.ID))).findFirst().orElseThrow();
            assertThat(TopicReader.header(poison, KafkaMessagingConfiguration.REASON_HEADER))
                    .contains("cannot be processed");
            ConsumerRecord<String, String> garbled = parked.stream()
                    .filter(r -> garbledId.equals(TopicReader.header(r, CloudEventHeaders.ID))).findFirst().orElseThrow();
            assertThat(TopicReader.header(garbled, KafkaMessagingConfiguration.REASON_HEADER)).contains("does not parse");
            assertThat(TopicReader.header(garbled, "kafka_dlt-original-topic")).isEqualTo(TOPIC);

            await().atMost(Duration.ofSeconds(20)).until(() -> effects.times(goodWorker) == 1);
            assertThat(effects.times(poisonWorker)).isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> deadLetters() - before >= 3);
        }
    }

    private double deadLetters() {
        return meters.find("chunfeng.dead.letters").tag("topic", TOPIC).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private static List<String> ids(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> TopicReader.header(r, CloudEventHeaders.ID)).toList();
    }

    private void send(String id, String type, String key, String payload) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, null, key, payload, headers(id, type));
        kafka.send(record).get();
    }

    private static ConsumerRecord<String, String> record(String id, String type, String key, String payload) {
        return new ConsumerRecord<>(TOPIC, 0, 0L, 0L, org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0, 0,
                key, payload, headers(id, type), java.util.Optional.empty());
    }

    private static RecordHeaders headers(String id, String type) {
        RecordHeaders headers = new RecordHeaders();
        if (id != null) {
            headers.add(CloudEventHeaders.ID, id.getBytes(StandardCharsets.UTF_8));
        }
        headers.add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SOURCE, "/chunfeng/test".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
