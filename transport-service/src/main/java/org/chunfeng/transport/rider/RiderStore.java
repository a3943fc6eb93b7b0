package org.chunfeng.transport.rider;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.chunfeng.contracts.Event;
import org.chunfeng.kit.outbox.OutboxEvents;
import org.chunfeng.kit.outbox.OutboxRelay;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Rider documents. Every change is one guarded single-document update that carries its events, so a change and its
 * announcement commit together and a repeated change (a redelivery, a retried replan) finds the guard false.
 */
@Component
public class RiderStore {

    public static final String COLLECTION = "riders";

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private final OutboxRelay relay;
    private final Clock clock;

    RiderStore(MongoTemplate mongo, OutboxEvents outboxEvents, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.relay = relay;
        this.clock = clock;
    }

    @PostConstruct
    void indexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index("travelDate", Sort.Direction.ASC));
    }

    public Optional<RiderRecord> find(String workerId) {
        return Optional.ofNullable(mongo.findById(workerId, RiderRecord.class, COLLECTION));
    }

    public List<RiderRecord> onDate(LocalDate travelDate) {
        return mongo.find(query(where("travelDate").is(travelDate)), RiderRecord.class, COLLECTION);
    }

    public List<RiderRecord> byIds(Collection<String> workerIds) {
        return mongo.find(query(where("_id").in(workerIds)), RiderRecord.class, COLLECTION);
    }

    /** Travel dates from {@code from} to {@code to} that have riders still to plan or seated. */
    public List<LocalDate> datesWithDemand(LocalDate from, LocalDate to) {
        return mongo.findDistinct(query(where("travelDate").gte(from).lte(to)
                .and("status").in(RiderStatus.WAITING, RiderStatus.SEATED)), "travelDate", COLLECTION,
                RiderRecord.class, LocalDate.class);
    }

    void insert(RiderRecord rider) {
        mongo.insert(rider, COLLECTION);
    }

    /**
     * Applies the update if the rider still holds this placement and is in one of these states, with the events
     * in the same write. Returns whether it applied.
     */
    public boolean change(String workerId, String placementId, Collection<RiderStatus> from, Update update,
            List<? extends Event> events) {
        Criteria guard = where("_id").is(workerId).and("placementId").is(placementId).and("status").in(from);
        return change(guard, workerId, update, events);
    }

    boolean change(Criteria guard, String workerId, Update update, List<? extends Event> events) {
        update.set("updatedAt", clock.instant());
        outboxEvents.push(update, events, workerId);
        boolean applied = mongo.updateFirst(query(guard), update, COLLECTION).getModifiedCount() > 0;
        if (applied && !events.isEmpty()) {
            relay.nudge(COLLECTION, workerId);
        }
        return applied;
    }
}
