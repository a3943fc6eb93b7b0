package org.chunfeng.kit.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.chunfeng.contracts.CloudEventHeaders;
import org.chunfeng.contracts.EventType;

/** The CloudEvents attributes of a received record, read from its headers. */
public record ReceivedEvent(String id, EventType type, String source, Instant time, String subject, String payload) {

    public static ReceivedEvent of(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String ceType = header(record, CloudEventHeaders.TYPE);
        if (id == null || id.isBlank() || ceType == null) {
            throw new MalformedEventException("Record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " lacks the ce_id or ce_type header");
        }
        EventType type = EventType.byCeType(ceType).orElseThrow(
                () -> new MalformedEventException("Unknown event type " + ceType + " on " + record.topic()));
        if (!type.topic().topicName().equals(record.topic())) {
            throw new MalformedEventException(ceType + " does not belong on " + record.topic());
        }
        if (record.value() == null) {
            throw new MalformedEventException("Event " + id + " has no payload");
        }
        return new ReceivedEvent(id, type, header(record, CloudEventHeaders.SOURCE), time(record),
                header(record, CloudEventHeaders.SUBJECT), record.value());
    }

    private static Instant time(ConsumerRecord<String, String> record) {
        String time = header(record, CloudEventHeaders.TIME);
        try {
            return time == null ? null : Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("Event has an unreadable ce_time: " + time, e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
