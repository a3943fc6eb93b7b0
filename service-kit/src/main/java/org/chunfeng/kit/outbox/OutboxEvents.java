package org.chunfeng.kit.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.chunfeng.contracts.CloudEventHeaders;
import org.chunfeng.contracts.Event;
import org.chunfeng.contracts.EventType;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns domain events into outbox entries. A repository adds them to the same update that changes the aggregate:
 * {@code outboxEvents.push(update, events)}, and after the write calls {@link OutboxRelay#nudge}.
 */
public class OutboxEvents {

    private final JsonMapper json;
    private final String source;
    private final Clock clock;
    private final OutboxTracing tracing;

    public OutboxEvents(JsonMapper json, String producer, Clock clock, OutboxTracing tracing) {
        this.json = json;
        this.source = CloudEventHeaders.sourceOf(producer);
        this.clock = clock;
        this.tracing = tracing;
    }

    /** One outbox entry; the subject is the aggregate the event is about (a worker id, a job id, a trip id). */
    public OutboxEvent of(Event event, String subject) {
        EventType type = EventType.of(event);
        return new OutboxEvent(UUID.randomUUID().toString(), type.ceType(), type.topic().topicName(),
                event.partitionKey(), source, subject, clock.instant(), json.writeValueAsString(event), tracing.currentTraceParent());
    }

    public List<OutboxEvent> of(List<? extends Event> events, String subject) {
        return events.stream().map(e -> of(e, subject)).toList();
    }

    /** Adds the events to an update of the aggregate, after any already pending, so order per document holds. */
    public Update push(Update update, List<? extends Event> events, String subject) {
        if (!events.isEmpty()) {
            update.push(OutboxEvent.FIELD).each(of(events, subject).toArray());
        }
        return update;
    }
}
