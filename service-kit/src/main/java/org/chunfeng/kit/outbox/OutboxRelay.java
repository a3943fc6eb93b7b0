package org.chunfeng.kit.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes the events that aggregates keep in their {@code outbox} field, then removes them from the document.
 *
 * <p>Two ways in: a repository nudges the relay right after its write (the fast path, milliseconds), and a sweep
 * at start-up and every {@code sweepInterval} finds whatever a crash left behind. Publishing happens before the
 * entry is removed, so a crash in between publishes the event again on restart: at-least-once, and consumers
 * deduplicate by {@code ce_id}. Events leave in the order they stand in their document, through an idempotent
 * producer with {@code acks=all}, so one aggregate's events keep their order on their partition.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    /** One aggregate document that may hold pending events. */
    public record PendingDocument(String collection, Object id) {
    }

    /** What one publishing pass sent, per document: the ids to remove from its outbox. */
    public record Published(PendingDocument document, List<String> eventIds) {
    }

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxTracing tracing;
    private final Clock clock;
    private final int batchSize;
    private final Duration sweepInterval;
    private final Set<String> skippedCollections;

    private final LinkedBlockingQueue<PendingDocument> queue = new LinkedBlockingQueue<>();
    private final Set<PendingDocument> queued = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter published;
    private final Counter failures;
    private final Timer lag;

    private volatile boolean running;
    private volatile Thread worker;
    private Instant nextSweep = Instant.EPOCH;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxTracing tracing,
            MeterRegistry meters, Clock clock, int batchSize, Duration sweepInterval, Set<String> skippedCollections) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.tracing = tracing;
        this.clock = clock;
        this.batchSize = batchSize;
        this.sweepInterval = sweepInterval;
        this.skippedCollections = skippedCollections;
        this.published = Counter.builder("chunfeng.outbox.published").description("Events published from the outbox")
                .register(meters);
        this.failures = Counter.builder("chunfeng.outbox.failures")
                .description("Publishing passes that failed and will be retried").register(meters);
        this.lag = Timer.builder("chunfeng.outbox.relay.lag")
                .description("Time from the state change to the broker's acknowledgement").publishPercentileHistogram()
                .register(meters);
        Gauge.builder("chunfeng.outbox.backlog", () -> queue.size() + inFlight.get())
                .description("Aggregate documents with events waiting to be published").register(meters);
    }

    /** Tells the relay that a document has new pending events. Cheap; call it after every write that adds some. */
    public void nudge(String collection, Object id) {
        PendingDocument document = new PendingDocument(collection, id);
        if (queued.add(document)) {
            queue.add(document);
        }
    }

    /** Queues every document of every collection that still holds pending events. */
    public int sweep() {
        int found = 0;
        for (String name : mongo.getCollectionNames()) {
            if (name.startsWith("system.") || skippedCollections.contains(name)) {
                continue;
            }
            MongoCollection<Document> collection = mongo.getCollection(name);
            for (Document d : collection.find(Filters.exists(OutboxEvent.FIELD + ".0")).projection(Projections.include("_id"))) {
                nudge(name, d.get("_id"));
                found++;
            }
        }
        if (found > 0) {
            log.info("Outbox sweep found {} document(s) with pending events", found);
        }
        return found;
    }

    /** Publishes the pending events of these documents and waits for the broker's acknowledgements. */
    public List<Published> publish(List<PendingDocument> documents) {
        Map<String, List<PendingDocument>> byCollection = new LinkedHashMap<>();
        documents.forEach(d -> byCollection.computeIfAbsent(d.collection(), c -> new ArrayList<>()).add(d));
        List<Published> result = new ArrayList<>();
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>();
        for (var entry : byCollection.entrySet()) {
            Map<Object, Document> loaded = new LinkedHashMap<>();
            List<Object> ids = entry.getValue().stream().map(PendingDocument::id).toList();
            mongo.getCollection(entry.getKey()).find(Filters.in("_id", ids))
                    .projection(Projections.include(OutboxEvent.FIELD)).forEach(d -> loaded.put(d.get("_id"), d));
            for (PendingDocument document : entry.getValue()) {
                Document d = loaded.get(document.id());
                List<Document> events = d == null ? List.of() : d.getList(OutboxEvent.FIELD, Document.class, List.of());
                if (events.isEmpty()) {
                    continue;
                }
                List<String> ids2 = new ArrayList<>();
                for (Document event : events) {
                    sends.add(send(event));
                    ids2.add(event.getString("eventId"));
                }
                result.add(new Published(document, ids2));
            }
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .orTimeout(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
        return result;
    }

    /** Removes published events from their documents; events added since stay for the next pass. */
    public void markSent(List<Published> sent) {
        Map<String, List<UpdateOneModel<Document>>> byCollection = new LinkedHashMap<>();
        for (Published p : sent) {
            byCollection.computeIfAbsent(p.document().collection(), c -> new ArrayList<>()).add(new UpdateOneModel<>(
                    Filters.eq("_id", p.document().id()),
                    Updates.pull(OutboxEvent.FIELD, Filters.in("eventId", p.eventIds()))));
        }
        byCollection.forEach((collection, updates) -> mongo.getCollection(collection).bulkWrite(updates));
    }

    /** One whole pass over what is queued now; returns how many documents it relayed. Used by the worker thread. */
    int relayQueued(long waitMillis) throws InterruptedException {
        List<PendingDocument> batch = new ArrayList<>();
        PendingDocument first = queue.poll(waitMillis, TimeUnit.MILLISECONDS);
        if (first == null) {
            return 0;
        }
        batch.add(first);
        queue.drainTo(batch, batchSize - 1);
        batch.forEach(queued::remove);
        inFlight.set(batch.size());
        try {
            markSent(publish(batch));
            return batch.size();
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("Outbox relay could not publish {} document(s), will retry: {}", batch.size(), e.toString());
            batch.forEach(d -> nudge(d.collection(), d.id()));
            Thread.sleep(1000);
            return 0;
        } finally {
            inFlight.set(0);
        }
    }

    private CompletableFuture<SendResult<String, String>> send(Document event) {
        Instant time = event.getDate("time").toInstant();
        ProducerRecord<String, String> record = CloudEventRecord.of(event.getString("topic"), event.getString("key"),
                event.getString("payload"), event.getString("eventId"), event.getString("source"),
                event.getString("type"), time, event.getString("subject"));
        return tracing.within(event.getString("traceParent"), () -> kafka.send(record))
                .whenComplete((result, error) -> {
                    if (error == null) {
                        published.increment();
                        lag.record(Duration.between(time, clock.instant()));
                    }
                });
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    private void run() {
        while (running) {
            try {
                if (!clock.instant().isBefore(nextSweep)) {
                    nextSweep = clock.instant().plus(sweepInterval);
                    sweep();
                }
                relayQueued(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay pass failed, will retry: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the Kafka template and Mongo are ready and stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
