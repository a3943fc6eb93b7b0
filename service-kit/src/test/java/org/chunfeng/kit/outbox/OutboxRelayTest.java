package org.chunfeng.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chunfeng.contracts.CloudEventHeaders;
import org.chunfeng.contracts.Topic;
import org.chunfeng.kit.sample.SampleEffects;
import org.chunfeng.kit.sample.SampleRegistrations;
import org.chunfeng.kit.testing.ServiceTest;
import org.chunfeng.kit.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ServiceTest
class OutboxRelayTest {

    @Autowired
    SampleRegistrations registrations;
    @Autowired
    SampleEffects effects;
    @Autowired
    OutboxRelay relay;

    @Test
    void aNudgedEventIsPublishedWithItsCloudEventsHeadersAndLeavesTheOutbox() {
        String workerId = "w-" + UUID.randomUUID();
        try (TopicReader reader = new TopicReader(Topic.EMPLOYMENT_WORKERS.topicName())) {
            registrations.register(workerId, "王秀英");

            List<ConsumerRecord<String, String>> records = reader.until(r -> ofWorker(r, workerId).size() == 1);
            ConsumerRecord<String, String> record = ofWorker(records, workerId).get(0);
            assertThat(TopicReader.header(record, CloudEventHeaders.TYPE))
                    .isEqualTo("org.chunfeng.employment.WorkerRegistered.v1");
            assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/chunfeng/employment");
            assertThat(TopicReader.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(workerId);
            assertThat(TopicReader.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(TopicReader.header(record, CloudEventHeaders.TIME)).isNotBlank();
            assertThat(record.value()).contains("\"workerId\":\"" + workerId + "\"").contains("王秀英");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> registrations.pending(workerId).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> effects.times(workerId) == 1);
    }

    @Test
    void aRelayKilledBetweenPublishingAndMarkingLosesNothingAndTheEffectHappensOnce() {
        String workerId = "w-" + UUID.randomUUID();
        try (TopicReader reader = new TopicReader(Topic.EMPLOYMENT_WORKERS.topicName())) {
            registrations.registerSilently(workerId, "李建国");

            // The first relay publishes, then dies before it can remove the event from the document.
            relay.publish(List.of(new OutboxRelay.PendingDocument("sample_workers", workerId)));
            assertThat(registrations.pending(workerId)).hasSize(1);

            // The restarted relay sweeps, finds the event still pending, and publishes it again.
            assertThat(relay.sweep()).isGreaterThanOrEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> registrations.pending(workerId).isEmpty());

            List<ConsumerRecord<String, String>> copies = reader.until(r -> ofWorker(r, workerId).size() == 2);
            List<ConsumerRecord<String, String>> ofWorker = ofWorker(copies, workerId);
            assertThat(TopicReader.header(ofWorker.get(0), CloudEventHeaders.ID))
                    .isEqualTo(TopicReader.header(ofWorker.get(1), CloudEventHeaders.ID));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> effects.times(workerId) == 1);
        // Both copies were consumed by now or soon; the tally must never pass one.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> effects.times(workerId) == 1);
    }

    @Test
    void aSweepAfterACrashBeforeAnyPublishingDeliversTheEvent() {
        String workerId = "w-" + UUID.randomUUID();
        registrations.registerSilently(workerId, "赵敏");
        assertThat(registrations.pending(workerId)).hasSize(1);

        relay.sweep();

        await().atMost(Duration.ofSeconds(10)).until(() -> effects.times(workerId) == 1);
        assertThat(registrations.pending(workerId)).isEmpty();
    }

    private static List<ConsumerRecord<String, String>> ofWorker(List<ConsumerRecord<String, String>> records,
            String workerId) {
        return records.stream().filter(r -> workerId.equals(r.key())).toList();
    }
}
