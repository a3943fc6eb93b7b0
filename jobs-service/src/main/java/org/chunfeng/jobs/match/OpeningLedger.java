package org.chunfeng.jobs.match;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.chunfeng.jobs.posting.JobStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The openings of each posting: how many are reserved by live offers and filled by placements. This is the one
 * place capacity is decided, so reserved + filled never exceeds openings, however many threads, instances or
 * redelivered events reserve at once.
 *
 * <p>Every change reads the posting, checks, and writes back only if the posting's {@code version} is still the one
 * read ({@code {_id, version}}, served by a unique index on exactly those fields, so the wire server does not scan).
 * A lost race reads again. Each change also leaves a journal entry under its operation id, which makes applying it
 * twice a no-op; the entry is forgotten once the worker's side of the change is written. An entry that outlives a
 * crash tells recovery which reservation to check against its worker (see {@link Recovery}).
 */
@Component
public class OpeningLedger {

    public static final String JOBS = "jobs";
    private static final int ATTEMPTS = 200;

    /** A worker's claim on one opening, under the match that makes it. */
    public record Claim(String matchId, String workerId) {
    }

    /** One journal entry: an applied change whose worker side may not be written yet. */
    public record Entry(String jobId, String opId, Instant at, int reserved, int filled, boolean gated,
            List<Claim> claims) {
    }

    /** A posting's openings as the ledger holds them. */
    public record Counts(int openings, int reserved, int filled, JobStatus status) {
        public int free() {
            return Math.max(0, openings - reserved - filled);
        }
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    public OpeningLedger(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        jobs().createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true).name("id_version"));
    }

    private MongoCollection<Document> jobs() {
        return mongo.getCollection(JOBS);
    }

    public Counts counts(String jobId) {
        Document d = read(jobId);
        return d == null ? null : counts(d);
    }

    /**
     * Reserves one opening per claim while openings are left and the posting is open; returns the claims granted
     * (the first ones). Asking again with the same operation id returns what was granted the first time.
     */
    public List<Claim> reserve(String jobId, String opId, List<Claim> claims) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document d = read(jobId);
            if (d == null) {
                return List.of();
            }
            Document done = entry(d, opId);
            if (done != null) {
                return claimsOf(done);
            }
            Counts c = counts(d);
            if (c.status() != JobStatus.OPEN || c.free() == 0) {
                return List.of();
            }
            List<Claim> granted = claims.subList(0, Math.min(c.free(), claims.size()));
            if (write(d, c, opId, granted.size(), 0, true, granted)) {
                return List.copyOf(granted);
            }
        }
        throw new IllegalStateException("Posting " + jobId + " is too busy to reserve; will retry");
    }

    /**
     * Fills an opening for a claim whose reservation lapsed (an accept that arrives after the offer expired): allowed
     * only while the posting is not closed and has an opening free. Same idempotence as {@link #reserve}.
     */
    public boolean fillDirectly(String jobId, String opId, Claim claim) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document d = read(jobId);
            if (d == null) {
                return false;
            }
            if (entry(d, opId) != null) {
                return true;
            }
            Counts c = counts(d);
            if (c.status() == JobStatus.CLOSED || c.free() == 0) {
                return false;
            }
            if (write(d, c, opId, 0, 1, true, List.of(claim))) {
                return true;
            }
        }
        throw new IllegalStateException("Posting " + jobId + " is too busy to fill; will retry");
    }

    /** Changes the counts without a capacity check (releases, fills of reserved openings, undos); idempotent. */
    public void apply(String jobId, String opId, int reserved, int filled, List<Claim> claims) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document d = read(jobId);
            if (d == null || entry(d, opId) != null) {
                return;
            }
            if (write(d, counts(d), opId, reserved, filled, false, claims)) {
                return;
            }
        }
        throw new IllegalStateException("Posting " + jobId + " is too busy to update; will retry");
    }

    /** Drops the journal entry once the worker's side of the change is written. */
    public void forget(String jobId, String opId) {
        jobs().updateOne(Filters.eq("_id", jobId), Updates.pull("journal", Filters.eq("opId", opId)));
    }

    /** Every journal entry of every posting; the wire server scans for this, so only recovery calls it. */
    public List<Entry> journal() {
        List<Entry> entries = new ArrayList<>();
        for (Document d : jobs().find(Filters.exists("journal.0")).projection(Projections.include("journal"))) {
            for (Document e : d.getList("journal", Document.class)) {
                entries.add(new Entry(d.getString("_id"), e.getString("opId"), e.getDate("at").toInstant(),
                        e.getInteger("reserved", 0), e.getInteger("filled", 0), e.getBoolean("gated", false),
                        claimsOf(e)));
            }
        }
        return entries;
    }

    private boolean write(Document d, Counts c, String opId, int reserved, int filled, boolean gated,
            List<Claim> claims) {
        int newReserved = c.reserved() + reserved;
        int newFilled = c.filled() + filled;
        if (newReserved < 0 || newFilled < 0) {
            throw new IllegalStateException("Posting " + d.getString("_id") + " would go below zero with " + opId);
        }
        JobStatus status = c.status() == JobStatus.CLOSED ? JobStatus.CLOSED
                : newFilled >= c.openings() ? JobStatus.FILLED : JobStatus.OPEN;
        List<Document> claimDocs = claims.stream()
                .map(cl -> new Document("matchId", cl.matchId()).append("workerId", cl.workerId())).toList();
        Document entry = new Document("opId", opId).append("at", Date.from(clock.instant()))
                .append("reserved", reserved).append("filled", filled).append("gated", gated)
                .append("claims", claimDocs);
        Bson update = Updates.combine(Updates.set("reserved", newReserved), Updates.set("filled", newFilled),
                Updates.set("status", status.name()), Updates.inc("version", 1L), Updates.push("journal", entry));
        UpdateResult result = jobs().updateOne(
                Filters.and(Filters.eq("_id", d.getString("_id")), Filters.eq("version", version(d))), update);
        return result.getMatchedCount() == 1;
    }

    private Document read(String jobId) {
        return jobs().find(Filters.eq("_id", jobId))
                .projection(Projections.include("openings", "reserved", "filled", "status", "version", "journal.opId",
                        "journal.claims"))
                .first();
    }

    static long version(Document d) {
        Object v = d.get("version");
        return v instanceof Number n ? n.longValue() : 0L;
    }

    private static Counts counts(Document d) {
        return new Counts(d.getInteger("openings", 0), d.getInteger("reserved", 0), d.getInteger("filled", 0),
                JobStatus.valueOf(d.getString("status")));
    }

    private static Document entry(Document d, String opId) {
        for (Document e : d.getList("journal", Document.class, List.of())) {
            if (opId.equals(e.getString("opId"))) {
                return e;
            }
        }
        return null;
    }

    private static List<Claim> claimsOf(Document entry) {
        return entry.getList("claims", Document.class, List.of()).stream()
                .map(c -> new Claim(c.getString("matchId"), c.getString("workerId"))).toList();
    }
}
