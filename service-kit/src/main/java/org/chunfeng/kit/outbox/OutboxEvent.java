package org.chunfeng.kit.outbox;

import java.time.Instant;

/**
 * An event waiting to be published, stored inside the aggregate document it describes (field {@code outbox}),
 * so the state change and its announcement are one single-document write. The payload is the JSON text as it
 * will appear on the topic; {@code eventId} becomes {@code ce_id}, the consumers' deduplication key. {@code traceParent}
 * (W3C form, may be null) lets the relay continue the trace of the request that caused the event. The id is not
 * called {@code id}, which Spring Data would store as {@code _id}.
 */
public record OutboxEvent(
        String eventId,
        String type,
        String topic,
        String key,
        String source,
        String subject,
        Instant time,
        String payload,
        String traceParent) {

    /** The name of the array field every aggregate document keeps its pending events in. */
    public static final String FIELD = "outbox";
}
