package org.chunfeng.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.chunfeng.contracts.CloudEventHeaders;

/**
 * A Kafka record in the CloudEvents binary mode every Chunfeng event travels in: the attributes as {@code ce_*}
 * headers, the event's JSON as the value, keyed so one worker's events stay in order. The relay and the tests that
 * stand in for another service both build their records here, so the two cannot drift apart.
 */
public final class CloudEventRecord {

    private CloudEventRecord() {
    }

    public static ProducerRecord<String, String> of(String topic, String key, String json, String eventId,
            String source, String ceType, Instant time, String subject) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.ID, eventId);
        header(headers, CloudEventHeaders.SOURCE, source);
        header(headers, CloudEventHeaders.TYPE, ceType);
        header(headers, CloudEventHeaders.TIME, time.toString());
        header(headers, CloudEventHeaders.SUBJECT, subject);
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return new ProducerRecord<>(topic, null, key, json, headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
