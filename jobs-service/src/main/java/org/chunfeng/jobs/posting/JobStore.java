package org.chunfeng.jobs.posting;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.chunfeng.contracts.Event;
import org.chunfeng.jobs.match.OpeningLedger;
import org.chunfeng.kit.outbox.OutboxEvent;
import org.chunfeng.kit.outbox.OutboxEvents;
import org.chunfeng.kit.outbox.OutboxRelay;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The postings collection. A posting and its events (JobPosted, JobUpdated, JobClosed) are one document write; every
 * change is guarded by the posting's {@code version}, the same guard the {@link OpeningLedger} uses, so an edit and a
 * reservation never overwrite each other.
 */
@Component
public class JobStore {

    private static final Bson WITHOUT_INTERNALS = Projections.exclude("journal", "outbox");

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private final OutboxRelay relay;

    JobStore(MongoTemplate mongo, OutboxEvents outboxEvents, OutboxRelay relay) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.relay = relay;
    }

    private MongoCollection<Document> jobs() {
        return mongo.getCollection(OpeningLedger.JOBS);
    }

    /**
     * Stores a new posting with its first event, in one write; false, writing nothing, if a posting with its id is
     * already there (an import of a row posted before).
     */
    public boolean insert(Posting posting, List<? extends Event> events) {
        Document d = document(posting, events);
        try {
            jobs().insertOne(d);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        relay.nudge(OpeningLedger.JOBS, posting.id());
        return true;
    }

    /**
     * Stores many new postings in one round trip, each with its own first events inside its own document (so each
     * posting and its events are still one write); returns the ids refused because a posting with that id is already
     * there, which wrote nothing. The postings' ids must differ from one another.
     */
    public Set<String> insertAll(List<Posting> postings, Function<Posting, List<? extends Event>> events) {
        if (postings.isEmpty()) {
            return Set.of();
        }
        List<Document> documents = postings.stream().map(p -> document(p, events.apply(p))).toList();
        Set<String> refused = new HashSet<>();
        try {
            jobs().insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                refused.add(postings.get(error.getIndex()).id());
            }
        }
        for (Posting p : postings) {
            if (!refused.contains(p.id())) {
                relay.nudge(OpeningLedger.JOBS, p.id());
            }
        }
        return refused;
    }

    private Document document(Posting posting, List<? extends Event> events) {
        return PostingDocs.fields(posting).append("_id", posting.id()).append("reserved", 0).append("filled", 0)
                .append("status", JobStatus.OPEN.name()).append("version", 0L).append("journal", List.of())
                .append(OutboxEvent.FIELD, mongo.getConverter().convertToMongoType(
                        outboxEvents.of(events, posting.id())));
    }

    /** A posting as stored, with its version for a guarded update. */
    public record Stored(Posting posting, long version) {
    }

    public Optional<Stored> find(String id) {
        Document d = jobs().find(Filters.eq("_id", id)).projection(WITHOUT_INTERNALS).first();
        return Optional.ofNullable(d).map(doc -> new Stored(PostingDocs.posting(doc), version(doc)));
    }

    /** Applies the update and its events only if nobody changed the posting since {@code version}. */
    public boolean update(String id, long version, Update update, List<? extends Event> events) {
        update.inc("version", 1L);
        outboxEvents.push(update, events, id);
        boolean done = mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("version").is(version)), update,
                OpeningLedger.JOBS).getMatchedCount() == 1;
        if (done) {
            relay.nudge(OpeningLedger.JOBS, id);
        }
        return done;
    }

    public List<Posting> all() {
        return matching(new Document());
    }

    /** Postings matching a filter on stored fields (the wire server scans: for listings, not hot paths). */
    public List<Posting> matching(Bson filter) {
        List<Posting> result = new ArrayList<>();
        jobs().find(filter).projection(WITHOUT_INTERNALS).forEach(d -> result.add(PostingDocs.posting(d)));
        return result;
    }

    private static long version(Document d) {
        Object v = d.get("version");
        return v instanceof Number n ? n.longValue() : 0L;
    }
}
