package org.chunfeng.jobs.candidate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.chunfeng.contracts.employment.WorkerProfile;
import org.chunfeng.contracts.jobs.ScoreComponent;
import org.chunfeng.kit.outbox.OutboxEvents;
import org.chunfeng.kit.outbox.OutboxRelay;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The candidates collection: one document per worker, written only through guarded updates
 * ({@code {_id, version}}, served by a unique index on exactly those fields) that carry the worker's events in the
 * document's outbox.
 */
@Component
public class CandidateStore {

    public static final String COLLECTION = "candidates";

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private final OutboxRelay relay;
    private final JsonMapper json;

    CandidateStore(MongoTemplate mongo, OutboxEvents outboxEvents, OutboxRelay relay, JsonMapper json) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.relay = relay;
        this.json = json;
        candidates().createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
        candidates().createIndex(Indexes.ascending("placementJobId"), new IndexOptions().name("placementJobId"));
    }

    private MongoCollection<Document> candidates() {
        return mongo.getCollection(COLLECTION);
    }

    /** A worker seen for the first time; an existing document is left alone (and read back instead). */
    public Candidate register(String workerId, WorkerProfile profile, Instant at, Candidate.State state) {
        Update update = new Update().setOnInsert("version", 0L).setOnInsert("state", state.name())
                .setOnInsert("profile", profileDoc(profile)).setOnInsert("profileAt", Date.from(at))
                .setOnInsert("waitingSince", Date.from(at)).setOnInsert("excludedJobs", List.of())
                .setOnInsert("history", List.of()).setOnInsert("owed", List.of());
        mongo.upsert(Query.query(Criteria.where("_id").is(workerId)), update, COLLECTION);
        return load(workerId).orElseThrow();
    }

    /** Applies the change if the document is still at the worker's version; false if someone changed it since. */
    public boolean write(Candidate c, CandidateChange change) {
        Update update = new Update().inc("version", 1L);
        if (change.stateSet()) {
            update.set("state", change.state().name());
        }
        if (change.offerSet()) {
            update.set("offer", offerDoc(change.offer()));
            update.set("offerJobId", change.offer() == null ? null : change.offer().jobId());
        }
        if (change.placementSet()) {
            update.set("placement", placementDoc(change.placement()));
            update.set("placementJobId", change.placement() == null ? null : change.placement().jobId());
        }
        if (change.profile() != null) {
            update.set("profile", profileDoc(change.profile())).set("profileAt", Date.from(change.profileAt()));
        }
        if (change.waitingSince() != null) {
            update.set("waitingSince", Date.from(change.waitingSince()));
        }
        if (!change.excluded.isEmpty()) {
            update.addToSet("excludedJobs").each(change.excluded.toArray());
        }
        if (!change.past.isEmpty()) {
            update.push("history").each(change.past.stream().map(CandidateStore::pastDoc).toArray());
        }
        if (!change.owed.isEmpty()) {
            update.push("owed").each(change.owed.stream().map(CandidateStore::owedDoc).toArray());
        }
        outboxEvents.push(update, change.events, c.workerId());
        boolean done = mongo.updateFirst(
                Query.query(Criteria.where("_id").is(c.workerId()).and("version").is(c.version())), update, COLLECTION)
                .getMatchedCount() == 1;
        if (done) {
            change.applyTo(c);
            if (!change.events.isEmpty()) {
                relay.nudge(COLLECTION, c.workerId());
            }
        }
        return done;
    }

    /** The counter change is on the posting now: the worker owes it no more. */
    public void settled(Candidate c, String opId) {
        candidates().updateOne(Filters.eq("_id", c.workerId()), Updates.pull("owed", Filters.eq("opId", opId)));
        c.owed.removeIf(o -> o.opId().equals(opId));
    }

    /** Moves the version on without another change, so a write prepared against an older version fails. */
    public boolean fence(Candidate c) {
        return write(c, new CandidateChange());
    }

    public Optional<Candidate> load(String workerId) {
        return Optional.ofNullable(candidates().find(Filters.eq("_id", workerId)).first()).map(this::candidate);
    }

    public List<Candidate> loadAll() {
        List<Candidate> all = new ArrayList<>();
        candidates().find().forEach(d -> all.add(candidate(d)));
        return all;
    }

    /** Workers placed on the posting (by index on {@code placementJobId}). */
    public List<Candidate> placedOn(String jobId) {
        List<Candidate> placed = new ArrayList<>();
        candidates().find(Filters.eq("placementJobId", jobId)).forEach(d -> placed.add(candidate(d)));
        return placed;
    }

    /** Workers whose last write owes a posting a counter change (after a crash); scans, so recovery only. */
    public List<Candidate> owing() {
        List<Candidate> owing = new ArrayList<>();
        candidates().find(Filters.exists("owed.0")).forEach(d -> owing.add(candidate(d)));
        return owing;
    }

    private Candidate candidate(Document d) {
        Candidate c = new Candidate(d.getString("_id"));
        Object v = d.get("version");
        c.version = v instanceof Number n ? n.longValue() : 0L;
        c.state = Candidate.State.valueOf(d.getString("state"));
        Document profile = d.get("profile", Document.class);
        c.profile = profile == null ? null : json.convertValue(profile, WorkerProfile.class);
        c.profileAt = instant(d, "profileAt");
        c.waitingSince = instant(d, "waitingSince");
        c.excludedJobs.addAll(d.getList("excludedJobs", String.class, List.of()));
        Document offer = d.get("offer", Document.class);
        if (offer != null) {
            c.offer = new Candidate.Offer(offer.getString("matchId"), offer.getString("jobId"),
                    ((Number) offer.get("score")).doubleValue(), breakdown(offer), instant(offer, "proposedAt"),
                    instant(offer, "expiresAt"));
        }
        Document placement = d.get("placement", Document.class);
        if (placement != null) {
            c.placement = new Candidate.Placement(placement.getString("matchId"), placement.getString("jobId"),
                    ((Number) placement.get("score")).doubleValue(), breakdown(placement),
                    instant(placement, "confirmedAt"), placement.getBoolean("local", false));
        }
        for (Document h : d.getList("history", Document.class, List.of())) {
            c.history.add(new Candidate.PastMatch(h.getString("matchId"), h.getString("jobId"), h.getString("outcome"),
                    instant(h, "at")));
        }
        for (Document o : d.getList("owed", Document.class, List.of())) {
            c.owed.add(new Candidate.Owed(o.getString("jobId"), o.getString("opId"), o.getInteger("reserved", 0),
                    o.getInteger("filled", 0), o.getString("matchId")));
        }
        return c;
    }

    @SuppressWarnings("unchecked")
    private Document profileDoc(WorkerProfile profile) {
        return profile == null ? null : new Document(json.convertValue(profile, Map.class));
    }

    private static Document offerDoc(Candidate.Offer o) {
        return o == null ? null : new Document("matchId", o.matchId()).append("jobId", o.jobId())
                .append("score", o.score()).append("breakdown", breakdownDocs(o.breakdown()))
                .append("proposedAt", Date.from(o.proposedAt())).append("expiresAt", Date.from(o.expiresAt()));
    }

    private static Document placementDoc(Candidate.Placement p) {
        return p == null ? null : new Document("matchId", p.matchId()).append("jobId", p.jobId())
                .append("score", p.score()).append("breakdown", breakdownDocs(p.breakdown()))
                .append("confirmedAt", Date.from(p.confirmedAt())).append("local", p.local());
    }

    private static Document pastDoc(Candidate.PastMatch m) {
        return new Document("matchId", m.matchId()).append("jobId", m.jobId()).append("outcome", m.outcome())
                .append("at", Date.from(m.at()));
    }

    private static Document owedDoc(Candidate.Owed o) {
        return new Document("jobId", o.jobId()).append("opId", o.opId()).append("reserved", o.reserved())
                .append("filled", o.filled()).append("matchId", o.matchId());
    }

    private static List<Document> breakdownDocs(List<ScoreComponent> lines) {
        return lines.stream().map(l -> new Document("criterion", l.criterion()).append("points", l.points())
                .append("reasonZh", l.reasonZh()).append("reasonEn", l.reasonEn())).toList();
    }

    private static List<ScoreComponent> breakdown(Document d) {
        return d.getList("breakdown", Document.class, List.of()).stream()
                .map(l -> new ScoreComponent(l.getString("criterion"), ((Number) l.get("points")).doubleValue(),
                        l.getString("reasonZh"), l.getString("reasonEn"))).toList();
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
