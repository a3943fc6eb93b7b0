package org.chunfeng.kit.testing;

import java.time.Instant;
import java.util.UUID;
import org.chunfeng.contracts.CloudEventHeaders;
import org.chunfeng.contracts.Event;
import org.chunfeng.contracts.EventType;
import org.chunfeng.kit.outbox.CloudEventRecord;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes an event as its producing service's outbox relay would (the same record, headers and key), for tests
 * that stand in for another service.
 */
public final class EventPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;

    public EventPublisher(KafkaTemplate<String, String> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    /** Publishes with a fresh event id; returns the id. */
    public String publish(Event event) {
        return publish(event, UUID.randomUUID().toString());
    }

    /** Publishes with the given event id, as a redelivery would carry the same one; returns the id. */
    public String publish(Event event, String eventId) {
        EventType type = EventType.of(event);
        try {
            kafka.send(CloudEventRecord.of(type.topic().topicName(), event.partitionKey(),
                    json.writeValueAsString(event), eventId, CloudEventHeaders.sourceOf(type.topic().producer()),
                    type.ceType(), Instant.now(), event.partitionKey())).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + type.eventName(), e);
        }
        return eventId;
    }
}
