package org.chunfeng.employment.importing;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.chunfeng.employment.EmploymentProperties;
import org.chunfeng.employment.importing.ImportJobs.Outcome;
import org.chunfeng.employment.importing.ImportJobs.RowReport;
import org.chunfeng.employment.importing.ImportJobs.State;
import org.chunfeng.employment.registration.Registrations;
import org.chunfeng.employment.registration.RegistrationRules;
import org.chunfeng.employment.worker.IdentityHasher;
import org.chunfeng.employment.worker.RegistrationChannel;
import org.chunfeng.employment.worker.Worker;
import org.chunfeng.employment.worker.WorkerMetrics;
import org.chunfeng.employment.worker.WorkerRepository;
import org.chunfeng.kit.error.FieldViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs imports on a small bounded pool, away from the request threads. Rows stream from the file; valid ones are
 * written a batch at a time (one insertMany each, every worker with its WorkerRegistered in its outbox), and the
 * report and the counts are stored after each batch. A rejected row stores nothing.
 */
@Component
public class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    /** The pool is full: the caller should try again later. */
    public static class BusyException extends RuntimeException {
        BusyException() {
            super("Too many imports are waiting; try again in a few minutes");
        }
    }

    private final ImportJobs jobs;
    private final WorkerRepository workers;
    private final Registrations registrations;
    private final IdentityHasher hasher;
    private final WorkerMetrics metrics;
    private final Clock clock;
    private final int batchSize;
    private final ThreadPoolExecutor pool;

    public ImportRunner(ImportJobs jobs, WorkerRepository workers, Registrations registrations,
            IdentityHasher hasher, WorkerMetrics metrics, Clock clock, EmploymentProperties properties) {
        this.jobs = jobs;
        this.workers = workers;
        this.registrations = registrations;
        this.hasher = hasher;
        this.metrics = metrics;
        this.clock = clock;
        this.batchSize = properties.importing().batchSize();
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(properties.importing().threads(), properties.importing().threads(),
                0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(properties.importing().queue()), r -> {
                    Thread t = new Thread(r, "worker-import-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    @EventListener(ApplicationReadyEvent.class)
    void markInterrupted() {
        int n = jobs.markInterrupted();
        if (n > 0) {
            log.warn("{} import job(s) were interrupted by a restart", n);
        }
    }

    /** Queues the file; the job id answers at once. The file is deleted when the job ends. */
    public String submit(Path file, String fileName, String createdBy) throws IOException {
        SheetFormat format = SheetFormat.detect(file);
        String jobId = UUID.randomUUID().toString();
        jobs.create(jobId, fileName, format, createdBy);
        try {
            pool.execute(() -> run(jobId, file, format, createdBy));
        } catch (RejectedExecutionException e) {
            jobs.finished(jobId, State.FAILED, "Too many imports were waiting; upload the file again later");
            Files.deleteIfExists(file);
            throw new BusyException();
        }
        return jobId;
    }

    void run(String jobId, Path file, SheetFormat format, String createdBy) {
        try {
            jobs.started(jobId, SheetRows.countRows(file, format));
            try (SheetRows rows = SheetRows.open(file, format)) {
                List<String> problems = new ArrayList<>();
                ColumnMap columns = ColumnMap.of(rows.header(), problems);
                if (!problems.isEmpty()) {
                    jobs.finished(jobId, State.FAILED, "The header row cannot be used: " + String.join("; ", problems));
                    return;
                }
                Batch batch = new Batch(jobId, createdBy, columns.header(ImportColumn.ID_NUMBER));
                LocalDate today = LocalDate.now(clock.withZone(Worker.ZONE));
                while (rows.hasNext()) {
                    if (Thread.currentThread().isInterrupted()) {
                        batch.flush();
                        jobs.finished(jobId, State.INTERRUPTED, "Stopped with the service after " + batch.read
                                + " rows; import the same file again to finish it");
                        return;
                    }
                    batch.add(rows.next(), columns, today);
                    if (batch.size() >= batchSize) {
                        batch.flush();
                    }
                }
                batch.flush();
                jobs.finished(jobId, State.DONE, null);
                log.info("Import {} done: {} rows, {} imported, {} duplicates, {} rejected", jobId, batch.read,
                        batch.imported, batch.duplicates, batch.rejected);
            }
        } catch (IllegalArgumentException e) {
            jobs.finished(jobId, State.FAILED, e.getMessage());
        } catch (Exception e) {
            log.error("Import {} failed", jobId, e);
            jobs.finished(jobId, State.FAILED, "The file could not be read to the end: " + e.getClass()
                    .getSimpleName() + "; rows reported so far are final");
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete the upload of import {}", jobId);
            }
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** The rows waiting to be written, and the running counts of one job. */
    private final class Batch {

        private record Pending(int row, RegistrationRules.Checked checked, String idHash) {
        }

        private final String jobId;
        private final String createdBy;
        private final String idHeader;
        private final List<Pending> pending = new ArrayList<>();
        private final List<RowReport> reports = new ArrayList<>();
        /** ID hash → first row it was seen valid in this file. */
        private final Map<String, Integer> seen = new HashMap<>();
        int read;
        int imported;
        int duplicates;
        int rejected;

        Batch(String jobId, String createdBy, String idHeader) {
            this.jobId = jobId;
            this.createdBy = createdBy;
            this.idHeader = idHeader;
        }

        int size() {
            return reports.size() + pending.size();
        }

        void add(SourceRow row, ColumnMap columns, LocalDate today) {
            read++;
            RowParser.Outcome outcome = RowParser.check(row, columns, today);
            if (!outcome.isValid()) {
                rejected++;
                reports.add(new RowReport(row.number(), Outcome.REJECTED, null, outcome.problems()));
                return;
            }
            String idHash = hasher.idNumber(outcome.checked().nationalId());
            Integer first = seen.putIfAbsent(idHash, row.number());
            if (first != null) {
                duplicates++;
                reports.add(new RowReport(row.number(), Outcome.DUPLICATE, null, List.of(new FieldViolation(
                        idHeader, "same ID number as row " + first))));
                return;
            }
            pending.add(new Pending(row.number(), outcome.checked(), idHash));
        }

        void flush() {
            Instant now = clock.instant();
            List<Worker> batch = new ArrayList<>();
            Map<Worker, Pending> origin = new HashMap<>();
            for (Pending p : pending) {
                Worker w = Worker.register(UUID.randomUUID().toString(), p.checked().nationalId(), p.idHash(),
                        registrations.withResolvedPoint(p.checked().details()), RegistrationChannel.IMPORT,
                        createdBy, null, now);
                batch.add(w);
                origin.put(w, p);
            }
            Set<Worker> refused = workers.insertAll(batch);
            int added = 0;
            for (Worker w : batch) {
                Pending p = origin.get(w);
                if (refused.contains(w)) {
                    duplicates++;
                    String existing = workers.findByIdHash(p.idHash()).map(Worker::id).orElse(null);
                    reports.add(new RowReport(p.row(), Outcome.DUPLICATE, existing, List.of(new FieldViolation(
                            idHeader, "already registered"))));
                } else {
                    added++;
                    reports.add(new RowReport(p.row(), Outcome.IMPORTED, w.id(), List.of()));
                }
            }
            imported += added;
            reports.sort((a, b) -> Integer.compare(a.row(), b.row()));
            jobs.progress(jobId, reports, read, imported, duplicates, rejected);
            metrics.registered(RegistrationChannel.IMPORT, added);
            pending.clear();
            reports.clear();
        }
    }
}
