package org.chunfeng.kit.sample;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;
import org.chunfeng.contracts.employment.WorkerProfile;
import org.chunfeng.contracts.employment.WorkerRegistered;
import org.chunfeng.kit.outbox.OutboxEvents;
import org.chunfeng.kit.outbox.OutboxRelay;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Writes a sample aggregate and its event in one single-document write, as a service repository does. */
@Component
public class SampleRegistrations {

    static final String COLLECTION = "sample_workers";

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private final OutboxRelay relay;
    private final Clock clock;

    SampleRegistrations(MongoTemplate mongo, OutboxEvents outboxEvents, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.relay = relay;
        this.clock = clock;
    }

    /** Registers without telling the relay, as if the process died right after the write. */
    public void registerSilently(String workerId, String name) {
        Update update = new Update().set("name", name);
        outboxEvents.push(update, List.of(registered(workerId, name)), workerId);
        mongo.upsert(Query.query(Criteria.where("_id").is(workerId)), update, COLLECTION);
    }

    public void register(String workerId, String name) {
        registerSilently(workerId, name);
        relay.nudge(COLLECTION, workerId);
    }

    public List<?> pending(String workerId) {
        Document d = mongo.getCollection(COLLECTION).find(new Document("_id", workerId)).first();
        return d == null ? List.of() : d.getList("outbox", Object.class, List.of());
    }

    public WorkerRegistered registered(String workerId, String name) {
        WorkerProfile profile = new WorkerProfile(name, "341623**********1X", "138****0000", 38, "F", "H-001",
                PovertyStatus.POOR, List.of(), "利辛县", "程家集镇", "李楼村", null, null, List.of(),
                WorkIntent.EITHER, List.of(), 3000, LocalDate.of(2026, 2, 20), TravelFitness.GREEN,
                LocalDate.of(2026, 2, 10));
        return new WorkerRegistered(workerId, clock.instant(), profile);
    }
}
