package org.chunfeng.employment.worker;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;
import org.chunfeng.contracts.Event;
import org.chunfeng.kit.error.ConflictException;
import org.chunfeng.kit.error.NotFoundException;
import org.chunfeng.kit.outbox.OutboxEvent;
import org.chunfeng.kit.outbox.OutboxEvents;
import org.chunfeng.kit.outbox.OutboxRelay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Stores workers, each with its pending events in its own {@code outbox} array.
 *
 * <p>A change is read, decided in {@link Worker}, then written with a condition on {@code {_id, version}}: if
 * someone else wrote in between, nothing is written and the change is decided again on fresh data. The wire
 * server uses an index only when a query's fields are exactly the index's, so {@code {_id, version}} has its own
 * unique index; matching on {@code {_id, status}} instead would scan the collection.
 */
@Repository
public class WorkerRepository {

    public static final String COLLECTION = "workers";
    private static final int ATTEMPTS = 20;
    /**
     * Java-transient fields of {@link Worker} that Spring Data would otherwise store (it only skips its own
     * {@code @Transient}, which the plain domain class does not carry).
     */
    private static final Set<String> NOT_STORED = Set.of("pendingEvents", "changed");

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private final OutboxRelay relay;
    private final List<String> persistentFields = new ArrayList<>();

    public WorkerRepository(MongoTemplate mongo, OutboxEvents outboxEvents, OutboxRelay relay) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.relay = relay;
    }

    @PostConstruct
    void prepare() {
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("idHash", Sort.Direction.ASC).unique().named("idHash_unique"));
        indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique()
                .named("id_version"));
        // For a real MongoDB; the wire server keeps unique indexes only and scans for households.
        indexes.createIndex(new Index().on("householdId", Sort.Direction.ASC).named("householdId"));
        for (MongoPersistentProperty p : mongo.getConverter().getMappingContext()
                .getRequiredPersistentEntity(Worker.class)) {
            if (!p.isIdProperty() && !p.getFieldName().equals("version") && !NOT_STORED.contains(p.getFieldName())) {
                persistentFields.add(p.getFieldName());
            }
        }
    }

    public Optional<Worker> find(String id) {
        Document d = mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
        return Optional.ofNullable(d).map(this::read);
    }

    public Worker get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("Worker", id));
    }

    public Optional<Worker> findByIdHash(String idHash) {
        Document d = mongo.getCollection(COLLECTION).find(new Document("idHash", idHash)).first();
        return Optional.ofNullable(d).map(this::read);
    }

    public Worker read(Document d) {
        return mongo.getConverter().read(Worker.class, d);
    }

    /** Inserts a new worker with its WorkerRegistered; the same ID number twice is a 409 naming the first. */
    public void insert(Worker worker) {
        try {
            mongo.getCollection(COLLECTION).insertOne(toInsert(worker));
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCode() == 11000) {
                throw duplicate(worker.idHash());
            }
            throw e;
        } catch (DuplicateKeyException e) {
            throw duplicate(worker.idHash());
        }
        worker.saved();
        relay.nudge(COLLECTION, worker.id());
    }

    /**
     * Inserts many new workers in one round trip; returns the ones refused because their ID number was
     * registered meanwhile (a race with another registration), which were not stored.
     */
    public Set<Worker> insertAll(List<Worker> workers) {
        if (workers.isEmpty()) {
            return Set.of();
        }
        List<Document> documents = workers.stream().map(this::toInsert).toList();
        Set<Worker> refused = new HashSet<>();
        try {
            mongo.getCollection(COLLECTION).insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != 11000) {
                    throw e;
                }
                refused.add(workers.get(error.getIndex()));
            }
        }
        for (Worker w : workers) {
            if (!refused.contains(w)) {
                w.saved();
                relay.nudge(COLLECTION, w.id());
            }
        }
        return refused;
    }

    /**
     * Reads the worker, lets the action decide, and writes what changed (with its events) unless someone else
     * wrote first, in which case it decides again. An action that changes nothing writes nothing.
     */
    public Worker change(String id, Consumer<Worker> action) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Worker worker = get(id);
            action.accept(worker);
            if (!worker.isChanged()) {
                return worker;
            }
            try {
                save(worker);
                return worker;
            } catch (ConcurrentChangeException e) {
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException("Worker " + id + " kept changing under " + ATTEMPTS + " attempts");
    }

    private void save(Worker worker) {
        List<Event> events = worker.takeEvents();
        Document state = new Document();
        mongo.getConverter().write(worker, state);
        Update update = new Update();
        for (String field : persistentFields) {
            Object value = state.get(field);
            if (value == null) {
                update.unset(field);
            } else {
                update.set(field, value);
            }
        }
        update.inc("version", 1L);
        outboxEvents.push(update, events, worker.id());
        var result = mongo.updateFirst(query(where("_id").is(worker.id()).and("version").is(worker.version())),
                update, COLLECTION);
        if (result.getMatchedCount() == 0) {
            throw new ConcurrentChangeException(worker.id());
        }
        worker.saved();
        if (!events.isEmpty()) {
            relay.nudge(COLLECTION, worker.id());
        }
    }

    private Document toInsert(Worker worker) {
        List<Event> events = worker.takeEvents();
        Document d = new Document();
        mongo.getConverter().write(worker, d);
        d.remove("_class");
        NOT_STORED.forEach(d::remove);
        d.put("version", worker.version() + 1);
        List<OutboxEvent> outbox = outboxEvents.of(events, worker.id());
        d.put(OutboxEvent.FIELD, mongo.getConverter().convertToMongoType(outbox));
        return d;
    }

    private ConflictException duplicate(String idHash) {
        String existing = findByIdHash(idHash).map(Worker::id).orElse(null);
        return new ConflictException("duplicate-id-number", "A worker with this ID number is already registered",
                existing == null ? Map.of() : Map.of("existingWorkerId", existing));
    }
}
