package org.chunfeng.kit.sample;

import org.bson.Document;
import org.chunfeng.contracts.Topic;
import org.chunfeng.contracts.employment.WorkerRegistered;
import org.chunfeng.kit.inbox.EventRouter;
import org.chunfeng.kit.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A consumer whose effect is countable: each handled WorkerRegistered adds one to the worker's tally. A worker
 * named POISON makes the handler fail every time, as a bug or bad data would.
 */
@Component
public class SampleEffects {

    static final String COLLECTION = "sample_effects";

    private final MongoTemplate mongo;
    private final Inbox inbox;
    private final EventRouter router;

    SampleEffects(MongoTemplate mongo, Inbox inbox) {
        this.mongo = mongo;
        this.inbox = inbox;
        this.router = EventRouter.named("sample-effects").on(WorkerRegistered.class, this::count);
    }

    @KafkaListener(topics = Topic.Names.EMPLOYMENT_WORKERS, groupId = "kit-sample")
    void on(ConsumerRecord<String, String> record) {
        inbox.handle(record, router);
    }

    void count(WorkerRegistered event) {
        if ("POISON".equals(event.profile().name())) {
            throw new IllegalStateException("This worker cannot be processed");
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(event.workerId())), new Update().inc("times", 1),
                COLLECTION);
    }

    public int times(String workerId) {
        Document d = mongo.getCollection(COLLECTION).find(new Document("_id", workerId)).first();
        return d == null ? 0 : d.getInteger("times");
    }

    public EventRouter router() {
        return router;
    }
}
