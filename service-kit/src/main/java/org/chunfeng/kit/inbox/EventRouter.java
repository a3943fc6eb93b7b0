package org.chunfeng.kit.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.chunfeng.contracts.Event;
import org.chunfeng.contracts.EventType;

/**
 * Which handler a consumer runs for each event type it cares about. Types of the topic it does not handle are
 * acknowledged and skipped. The name identifies the consumer in the processed-event records, so it must stay
 * the same across releases.
 */
public final class EventRouter {

    /** A handler that also wants the event's CloudEvents attributes (its id, time or subject). */
    public interface Handler<T extends Event> extends BiConsumer<T, ReceivedEvent> {
    }

    private final String consumerName;
    private final Map<EventType, Handler<? extends Event>> handlers = new LinkedHashMap<>();

    private EventRouter(String consumerName) {
        this.consumerName = consumerName;
    }

    public static EventRouter named(String consumerName) {
        return new EventRouter(consumerName);
    }

    public <T extends Event> EventRouter on(Class<T> type, Consumer<T> handler) {
        return on(type, (Handler<T>) (event, received) -> handler.accept(event));
    }

    public <T extends Event> EventRouter on(Class<T> type, Handler<T> handler) {
        handlers.put(EventType.of(type), handler);
        return this;
    }

    public String consumerName() {
        return consumerName;
    }

    @SuppressWarnings("unchecked")
    Optional<Handler<Event>> handlerFor(EventType type) {
        return Optional.ofNullable((Handler<Event>) handlers.get(type));
    }
}
