package org.chunfeng.jobs.support;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chunfeng.contracts.CloudEventHeaders;
import org.chunfeng.contracts.Event;
import org.chunfeng.contracts.EventType;
import org.chunfeng.kit.testing.TopicReader;
import tools.jackson.databind.json.JsonMapper;

/** Reading jobs-service's events back, one worker's (or one job's) at a time. */
public final class Topics {

    private final JsonMapper json;

    public Topics(JsonMapper json) {
        this.json = json;
    }

    /** The events of this type keyed by {@code key}, in topic order. */
    public <T extends Event> List<T> of(List<ConsumerRecord<String, String>> records, Class<T> type, String key) {
        String ceType = EventType.of(type).ceType();
        return records.stream().filter(r -> key.equals(r.key()))
                .filter(r -> ceType.equals(TopicReader.header(r, CloudEventHeaders.TYPE)))
                .map(r -> json.readValue(r.value(), type)).toList();
    }

    /** Waits until {@code count} events of this type for the key have arrived; returns them. */
    public <T extends Event> List<T> await(TopicReader reader, Class<T> type, String key, int count) {
        return of(reader.until(records -> of(records, type, key).size() >= count), type, key);
    }
}
