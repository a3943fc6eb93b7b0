package org.chunfeng.kit.importing;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.chunfeng.kit.error.FieldViolation;
import org.chunfeng.kit.error.InvalidInputException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Import jobs and their per-row reports, kept in the service's own database so progress and results survive a
 * restart. A job that stops beating (its process died) shows as INTERRUPTED; importing the same file again is safe
 * as long as the service's rows are repeat-safe (rows already imported come back as duplicates).
 */
public class ImportJobs {

    public static final String JOBS = "import_jobs";
    public static final String ROWS = "import_rows";
    public static final int MAX_PAGE_SIZE = 200;
    /** A running job writes at least every batch; a queued one waits behind at most a few whole imports. */
    static final Duration STALE_RUNNING = Duration.ofMinutes(2);
    static final Duration STALE_QUEUED = Duration.ofMinutes(30);
    static final String INTERRUPTED_MESSAGE =
            "The service stopped during the import; import the same file again to finish it";

    public enum State { QUEUED, RUNNING, DONE, FAILED, INTERRUPTED }

    public enum Outcome { IMPORTED, DUPLICATE, REJECTED }

    /**
     * One line of the report: {@code row} counts the header as row 1, as a spreadsheet shows it; {@code recordId} is
     * what the row created, or for a duplicate what was already there (each service names it in its own words).
     */
    public record RowReport(int row, Outcome outcome, String recordId, List<FieldViolation> errors) {
    }

    public record Progress(int rowsTotal, int rowsRead, int imported, int duplicates, int rejected, int percent) {
    }

    public record Job(String jobId, String fileName, SheetFormat format, State state, Progress progress,
            String message, String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt) {
    }

    /** One page of a job's report, in row order. */
    public record RowPage(List<RowReport> items, int page, int size, long total) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    public ImportJobs(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @PostConstruct
    void prepare() {
        mongo.indexOps(ROWS).createIndex(new Index().on("jobId", Sort.Direction.ASC).named("jobId"));
        mongo.indexOps(ROWS).createIndex(new Index().on("jobId", Sort.Direction.ASC)
                .on("outcome", Sort.Direction.ASC).named("jobId_outcome"));
    }

    /** A job for a file already read through once: its rows are counted, so progress has a total from the start. */
    public void create(String jobId, String fileName, SheetFormat format, String createdBy, int rowsTotal) {
        mongo.insert(new Document("_id", jobId).append("fileName", fileName).append("format", format.name())
                .append("state", State.QUEUED.name()).append("createdBy", createdBy).append("rowsTotal", rowsTotal)
                .append("createdAt", now()).append("beatAt", now()), JOBS);
    }

    /** Takes back a job that was never queued, so a refused upload leaves nothing behind. */
    public void forget(String jobId) {
        mongo.remove(query(where("_id").is(jobId)), JOBS);
    }

    public void started(String jobId) {
        set(jobId, new Update().set("state", State.RUNNING.name()).set("startedAt", now()).set("beatAt", now()));
    }

    /** Stores a batch of row reports and the counts so far, in that order, so the counts never run ahead. */
    public void progress(String jobId, List<RowReport> rows, int rowsRead, int imported, int duplicates,
            int rejected) {
        if (!rows.isEmpty()) {
            mongo.getCollection(ROWS).insertMany(rows.stream().map(r -> new Document("_id", rowId(jobId, r.row()))
                    .append("jobId", jobId).append("row", r.row()).append("outcome", r.outcome().name())
                    .append("recordId", r.recordId())
                    .append("errors", r.errors().stream().map(e -> new Document("field", e.field())
                            .append("message", e.message())).toList())).toList());
        }
        set(jobId, new Update().set("rowsRead", rowsRead).set("imported", imported).set("duplicates", duplicates)
                .set("rejected", rejected).set("beatAt", now()));
    }

    public void finished(String jobId, State state, String message) {
        set(jobId, new Update().set("state", state.name()).set("message", message).set("finishedAt", now()));
    }

    /** Marks the jobs a stopped process left running, when it has clearly stopped beating. */
    public int markInterrupted() {
        Query stale = query(where("state").in(State.QUEUED.name(), State.RUNNING.name()));
        int n = 0;
        for (Document d : mongo.find(stale, Document.class, JOBS)) {
            if (isStale(d)) {
                finished(d.getString("_id"), State.INTERRUPTED, INTERRUPTED_MESSAGE);
                n++;
            }
        }
        return n;
    }

    public Optional<Job> find(String jobId) {
        Document d = mongo.getCollection(JOBS).find(new Document("_id", jobId)).first();
        if (d == null) {
            return Optional.empty();
        }
        State state = State.valueOf(d.getString("state"));
        String message = d.getString("message");
        if ((state == State.RUNNING || state == State.QUEUED) && isStale(d)) {
            state = State.INTERRUPTED;
            message = INTERRUPTED_MESSAGE;
        }
        int total = d.getInteger("rowsTotal", 0);
        int read = d.getInteger("rowsRead", 0);
        int percent = state == State.DONE ? 100 : total == 0 ? 0 : (int) Math.min(99, 100L * read / total);
        return Optional.of(new Job(jobId, d.getString("fileName"), SheetFormat.valueOf(d.getString("format")), state,
                new Progress(total, read, d.getInteger("imported", 0), d.getInteger("duplicates", 0),
                        d.getInteger("rejected", 0), percent),
                message, d.getString("createdBy"), instant(d, "createdAt"), instant(d, "startedAt"),
                instant(d, "finishedAt")));
    }

    /** One page of the report; a page below 0 or a size outside 1 to {@value #MAX_PAGE_SIZE} is refused. */
    public RowPage rows(String jobId, Outcome outcome, int page, int size) {
        List<FieldViolation> violations = new ArrayList<>();
        if (page < 0) {
            violations.add(new FieldViolation("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            violations.add(new FieldViolation("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Query q = outcome == null ? query(where("jobId").is(jobId))
                : query(where("jobId").is(jobId).and("outcome").is(outcome.name()));
        long total = mongo.count(q, ROWS);
        q.with(Sort.by("_id")).skip((long) page * size).limit(size);
        List<RowReport> items = mongo.find(q, Document.class, ROWS).stream().map(ImportJobs::rowReport).toList();
        return new RowPage(items, page, size, total);
    }

    private static RowReport rowReport(Document d) {
        // Reports written before the kit kept them named the record "workerId".
        String recordId = d.containsKey("recordId") ? d.getString("recordId") : d.getString("workerId");
        return new RowReport(d.getInteger("row"), Outcome.valueOf(d.getString("outcome")), recordId,
                d.getList("errors", Document.class, List.of()).stream()
                        .map(e -> new FieldViolation(e.getString("field"), e.getString("message"))).toList());
    }

    private boolean isStale(Document d) {
        Date beat = d.getDate("beatAt");
        Duration allowed = State.QUEUED.name().equals(d.getString("state")) ? STALE_QUEUED : STALE_RUNNING;
        return beat == null || beat.toInstant().plus(allowed).isBefore(clock.instant());
    }

    private void set(String jobId, Update update) {
        mongo.updateFirst(query(where("_id").is(jobId)), update, JOBS);
    }

    private Date now() {
        return Date.from(clock.instant());
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static String rowId(String jobId, int row) {
        return jobId + ":" + String.format("%07d", row);
    }
}
