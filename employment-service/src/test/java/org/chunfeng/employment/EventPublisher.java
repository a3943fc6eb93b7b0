package org.chunfeng.employment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.chunfeng.contracts.CloudEventHeaders;
import org.chunfeng.contracts.Event;
import org.chunfeng.contracts.EventType;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Publishes events as another service's outbox relay would: CloudEvents headers, JSON value, keyed by worker. */
public final class EventPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;

    public EventPublisher(KafkaTemplate<String, String> kafka, JsonMapper json) {
        this.kafka = kafka;
        this.json = json;
    }

    /** Publishes with a fresh event id; returns the id. */
    public String publish(Event event) {
        String id = UUID.randomUUID().toString();
        publish(event, id);
        return id;
    }

    public void publish(Event event, String eventId) {
        EventType type = EventType.of(event);
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        add(headers, CloudEventHeaders.ID, eventId);
        add(headers, CloudEventHeaders.SOURCE, CloudEventHeaders.sourceOf(type.topic().producer()));
        add(headers, CloudEventHeaders.TYPE, type.ceType());
        add(headers, CloudEventHeaders.TIME, Instant.now().toString());
        add(headers, CloudEventHeaders.SUBJECT, event.partitionKey());
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        try {
            kafka.send(new ProducerRecord<>(type.topic().topicName(), null, event.partitionKey(),
                    json.writeValueAsString(event), headers)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + type.eventName(), e);
        }
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
