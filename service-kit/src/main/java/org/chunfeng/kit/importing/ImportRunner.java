package org.chunfeng.kit.importing;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.chunfeng.kit.error.BusyException;
import org.chunfeng.kit.error.InvalidInputException;
import org.chunfeng.kit.importing.ImportJobs.RowReport;
import org.chunfeng.kit.importing.ImportJobs.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.multipart.MultipartFile;

/**
 * Runs a service's imports on a small bounded pool, away from the request threads. The upload is checked while it
 * is answered (a sheet at all, a usable header, at least one row and not too many) so that bad input is a 400
 * and leaves no job; then rows stream from the file, are handed to the service's {@link SheetImporter} and
 * written a batch at a time, and the report and the counts are stored after each batch.
 */
public class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    /** Threads, how many uploads may wait, rows per database batch, and the most data rows a sheet may have. */
    public record Settings(int threads, int queue, int batchSize, int maxRows) {
        public Settings {
            threads = threads <= 0 ? 1 : threads;
            queue = queue <= 0 ? 4 : queue;
            batchSize = batchSize <= 0 ? 500 : batchSize;
            maxRows = maxRows <= 0 ? 100_000 : maxRows;
        }
    }

    private final ImportJobs jobs;
    private final Settings settings;
    private final ThreadPoolExecutor pool;

    public ImportRunner(ImportJobs jobs, Settings settings, String threadName) {
        this.jobs = jobs;
        this.settings = settings;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queue()), r -> {
                    Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
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

    /** Copies the upload aside and queues it; see {@link #submit(Path, String, String, SheetImporter)}. */
    public String submit(MultipartFile upload, String createdBy, SheetImporter importer) throws IOException {
        if (upload == null || upload.isEmpty()) {
            throw new InvalidInputException("file", "is empty: choose the filled-in sheet");
        }
        Path copy = Files.createTempFile("chunfeng-import-", ".upload");
        try {
            upload.transferTo(copy);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        String name = upload.getOriginalFilename() == null || upload.getOriginalFilename().isBlank() ? "upload"
                : upload.getOriginalFilename();
        return submit(copy, name, createdBy, importer);
    }

    /**
     * Checks the file and queues it; the job id answers at once. The file belongs to the runner from here on: it
     * is deleted when the job ends, or at once when the upload is refused. Throws {@link InvalidInputException}
     * for bad input and {@link BusyException} when too many imports wait; neither leaves a job behind.
     */
    public String submit(Path file, String fileName, String createdBy, SheetImporter importer) throws IOException {
        String jobId = UUID.randomUUID().toString();
        boolean queued = false;
        try {
            SheetFormat format;
            SheetImporter.Session session;
            int rows = 0;
            try {
                format = SheetFormat.detect(file);
                try (SheetRows sheet = SheetRows.open(file, format)) {
                    List<String> header = sheet.header();
                    if (header.stream().allMatch(c -> c == null || c.isBlank())) {
                        throw new InvalidInputException("file", "has no header row: the first row must name "
                                + "the columns");
                    }
                    session = importer.begin(header, createdBy);
                    // Counted before anything is written, so a sheet that is too long is refused whole.
                    while (sheet.hasNext()) {
                        sheet.next();
                        if (++rows > settings.maxRows()) {
                            throw new InvalidInputException("file", "has more than " + settings.maxRows()
                                    + " rows: split it into several sheets");
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("file", e.getMessage());
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new InvalidInputException("file", "cannot be read as a CSV or XLSX sheet: save it again as "
                        + ".xlsx or CSV (UTF-8)");
            }
            if (rows == 0) {
                throw new InvalidInputException("file", "has no rows below the header");
            }
            jobs.create(jobId, fileName, format, createdBy, rows);
            SheetFormat chosen = format;
            try {
                pool.execute(() -> run(jobId, file, chosen, session));
                queued = true;
            } catch (RejectedExecutionException e) {
                jobs.forget(jobId);
                throw new BusyException("import-busy", "Imports busy",
                        "Too many imports are waiting; try again in a few minutes", 60);
            }
            return jobId;
        } finally {
            if (!queued) {
                Files.deleteIfExists(file);
            }
        }
    }

    void run(String jobId, Path file, SheetFormat format, SheetImporter.Session session) {
        Counts counts = new Counts(jobId, session);
        State end = State.DONE;
        String message = null;
        try {
            jobs.started(jobId);
            try (SheetRows rows = SheetRows.open(file, format)) {
                rows.header();
                while (rows.hasNext()) {
                    if (Thread.currentThread().isInterrupted()) {
                        end = State.INTERRUPTED;
                        message = "Stopped with the service after " + counts.read
                                + " rows; import the same file again to finish it";
                        break;
                    }
                    session.add(rows.next());
                    counts.read++;
                    if (counts.read - counts.flushed >= settings.batchSize()) {
                        counts.flush();
                    }
                }
                counts.flush();
            }
        } catch (IllegalArgumentException e) {
            end = State.FAILED;
            message = e.getMessage() + "; rows reported so far are final";
        } catch (Exception e) {
            log.error("Import {} failed", jobId, e);
            end = State.FAILED;
            message = "The file could not be read to the end: " + e.getClass().getSimpleName()
                    + "; rows reported so far are final";
        } finally {
            // Before the job says it ended, so a clerk who sees DONE sees what the rows set in motion under way.
            try {
                session.finish();
            } catch (RuntimeException e) {
                log.error("Import {}: what its rows set in motion failed", jobId, e);
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete the upload of import {}", jobId);
            }
        }
        jobs.finished(jobId, end, message);
        log.info("Import {} {}: {} rows, {} imported, {} duplicates, {} rejected", jobId, end, counts.read,
                counts.imported, counts.duplicates, counts.rejected);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** The running counts of one job. */
    private final class Counts {
        private final String jobId;
        private final SheetImporter.Session session;
        int read;
        /** Rows read up to the last flush. */
        int flushed;
        int imported;
        int duplicates;
        int rejected;

        Counts(String jobId, SheetImporter.Session session) {
            this.jobId = jobId;
            this.session = session;
        }

        void flush() {
            if (read == flushed) {
                return;
            }
            flushed = read;
            List<RowReport> reports = new ArrayList<>(session.flush());
            reports.sort(Comparator.comparingInt(RowReport::row));
            for (RowReport r : reports) {
                switch (r.outcome()) {
                    case IMPORTED -> imported++;
                    case DUPLICATE -> duplicates++;
                    case REJECTED -> rejected++;
                }
            }
            jobs.progress(jobId, reports, read, imported, duplicates, rejected);
        }
    }
}
