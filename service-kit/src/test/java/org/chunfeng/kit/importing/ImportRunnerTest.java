package org.chunfeng.kit.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.chunfeng.kit.error.BusyException;
import org.chunfeng.kit.error.FieldViolation;
import org.chunfeng.kit.error.InvalidInputException;
import org.chunfeng.kit.importing.ImportJobs.Outcome;
import org.chunfeng.kit.importing.ImportJobs.RowReport;
import org.chunfeng.kit.importing.ImportJobs.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runner alone: the job store is an in-memory stand-in, the service's importer a small fake. */
class ImportRunnerTest {

    final RecordedJobs jobs = new RecordedJobs();
    final List<ImportRunner> runners = new ArrayList<>();

    @AfterEach
    void stop() {
        runners.forEach(ImportRunner::stop);
    }

    @Test
    void rowsAreWrittenInBatchesAndCountedAndTheFileIsDeleted() throws Exception {
        ImportRunner runner = runner(1, 1, 2, 100);
        Path file = csv("\nname,number\na,1\n\nb,x\nc,3\nc,3\n");
        Fake importer = new Fake();
        String jobId = runner.submit(file, "sheet.csv", "office", importer);

        assertThat(jobs.awaitEnd(jobId)).isEqualTo(State.DONE);
        assertThat(jobs.created.get(jobId)).isEqualTo(4);
        assertThat(importer.flushSizes).as("two rows a batch; blank rows are skipped").containsExactly(2, 2);
        List<RowReport> rows = jobs.rows.get(jobId);
        assertThat(rows).as("a blank line above the header and one between rows keep their numbers")
                .extracting(RowReport::row).containsExactly(3, 5, 6, 7);
        assertThat(rows).extracting(RowReport::outcome).containsExactly(Outcome.IMPORTED, Outcome.REJECTED,
                Outcome.IMPORTED, Outcome.DUPLICATE);
        assertThat(jobs.lastCounts.get(jobId)).containsExactly(4, 2, 1, 1);
        assertThat(importer.finished).isTrue();
        assertThat(file).doesNotExist();
    }

    @Test
    void everyKindOfBadUploadIsRefusedBeforeAJobExists() throws Exception {
        ImportRunner runner = runner(1, 1, 500, 3);
        assertRefused(runner, Files.write(Files.createTempFile("pic", ".png"),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D}), "neither a CSV");
        assertRefused(runner, Files.write(Files.createTempFile("old", ".xls"),
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}), ".xlsx");
        assertRefused(runner, zipThatIsNoWorkbook(), "cannot be read");
        assertRefused(runner, csv(""), "no header row");
        assertRefused(runner, csv("\n,,\n\n"), "no header row");
        assertRefused(runner, csv("name,number\n"), "no rows below the header");
        assertRefused(runner, csv("name,number\na,1\nb,2\nc,3\nd,4\n"), "more than 3 rows");
        assertRefused(runner, csv("colour\nred\n"), "the header needs name");
        assertThat(jobs.created).isEmpty();
    }

    @Test
    void aFullQueueIsBusyAndLeavesNoJob() throws Exception {
        ImportRunner runner = runner(1, 1, 500, 100);
        Fake blocking = new Fake();
        blocking.gate = new CountDownLatch(1);
        String running = runner.submit(csv("name,number\na,1\n"), "1.csv", "office", blocking);
        blocking.entered.await(30, TimeUnit.SECONDS);
        String waiting = runner.submit(csv("name,number\na,1\n"), "2.csv", "office", new Fake());
        Path third = csv("name,number\na,1\n");
        assertThatThrownBy(() -> runner.submit(third, "3.csv", "office", new Fake()))
                .isInstanceOf(BusyException.class).hasMessageContaining("try again");
        assertThat(third).doesNotExist();
        assertThat(jobs.created.keySet()).containsExactlyInAnyOrder(running, waiting);

        blocking.gate.countDown();
        assertThat(jobs.awaitEnd(running)).isEqualTo(State.DONE);
        assertThat(jobs.awaitEnd(waiting)).isEqualTo(State.DONE);
    }

    @Test
    void aWorkbookThatBreaksHalfWayFailsKeepingTheRowsReportedSoFar() throws Exception {
        ImportRunner runner = runner(1, 1, 1, 100);
        Fake breaking = new Fake();
        breaking.breakAtRow = 3;
        String jobId = runner.submit(csv("name,number\na,1\nb,2\n"), "sheet.csv", "office", breaking);
        assertThat(jobs.awaitEnd(jobId)).isEqualTo(State.FAILED);
        assertThat(jobs.messages.get(jobId)).contains("rows reported so far are final");
        assertThat(jobs.rows.get(jobId)).extracting(RowReport::row).containsExactly(2);
        assertThat(breaking.finished).as("what row 2 set in motion still happens").isTrue();
    }

    private void assertRefused(ImportRunner runner, Path file, String message) {
        assertThatThrownBy(() -> runner.submit(file, "upload", "office", new Fake()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("file");
                            assertThat(v.message()).contains(message);
                        }));
        assertThat(file).as("a refused upload is not kept").doesNotExist();
    }

    private ImportRunner runner(int threads, int queue, int batchSize, int maxRows) {
        ImportRunner runner = new ImportRunner(jobs, new ImportRunner.Settings(threads, queue, batchSize, maxRows),
                "test-import");
        runners.add(runner);
        return runner;
    }

    private static Path csv(String text) throws IOException {
        return Files.writeString(Files.createTempFile("sheet", ".csv"), text, StandardCharsets.UTF_8);
    }

    private static Path zipThatIsNoWorkbook() throws IOException {
        Path zip = Files.createTempFile("archive", ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("notes.txt"));
            z.write("not a workbook".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return zip;
    }

    /** A service's sheet: a name and a whole number; the same name twice is a duplicate. */
    static final class Fake implements SheetImporter {
        final List<Integer> flushSizes = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch gate;
        volatile int breakAtRow = -1;
        volatile boolean finished;

        @Override
        public Session begin(List<String> header, String createdBy) {
            if (!header.contains("name")) {
                throw new InvalidInputException("file", "the header needs name and number");
            }
            List<String> seen = new ArrayList<>();
            List<RowReport> reports = new ArrayList<>();
            return new Session() {
                int taken;

                @Override
                public void add(SourceRow row) {
                    entered.countDown();
                    awaitGate();
                    if (row.number() == breakAtRow) {
                        throw new IllegalStateException("the disk is gone");
                    }
                    taken++;
                    if (!row.cell(1).matches("\\d+")) {
                        reports.add(new RowReport(row.number(), Outcome.REJECTED, null,
                                List.of(new FieldViolation("number", "must be a whole number"))));
                    } else if (seen.contains(row.cell(0))) {
                        reports.add(new RowReport(row.number(), Outcome.DUPLICATE, row.cell(0), List.of()));
                    } else {
                        seen.add(row.cell(0));
                        reports.add(new RowReport(row.number(), Outcome.IMPORTED, row.cell(0), List.of()));
                    }
                }

                @Override
                public List<RowReport> flush() {
                    flushSizes.add(taken);
                    taken = 0;
                    List<RowReport> done = List.copyOf(reports);
                    reports.clear();
                    return done;
                }

                @Override
                public void finish() {
                    finished = true;
                }
            };
        }

        private void awaitGate() {
            try {
                if (gate != null && !gate.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The job store in memory: what was created, reported and how each job ended. */
    static final class RecordedJobs extends ImportJobs {
        final Map<String, Integer> created = new ConcurrentHashMap<>();
        final Map<String, List<RowReport>> rows = new ConcurrentHashMap<>();
        final Map<String, List<Integer>> lastCounts = new ConcurrentHashMap<>();
        final Map<String, String> messages = new ConcurrentHashMap<>();
        final Map<String, CountDownLatch> ends = new ConcurrentHashMap<>();
        final Map<String, State> states = new ConcurrentHashMap<>();

        RecordedJobs() {
            super(null, Clock.systemUTC());
        }

        @Override
        public void create(String jobId, String fileName, SheetFormat format, String createdBy, int rowsTotal) {
            created.put(jobId, rowsTotal);
        }

        @Override
        public void forget(String jobId) {
            created.remove(jobId);
        }

        @Override
        public void started(String jobId) {
        }

        @Override
        public void progress(String jobId, List<RowReport> reports, int rowsRead, int imported, int duplicates,
                int rejected) {
            rows.computeIfAbsent(jobId, k -> Collections.synchronizedList(new ArrayList<>())).addAll(reports);
            lastCounts.put(jobId, List.of(rowsRead, imported, duplicates, rejected));
        }

        @Override
        public void finished(String jobId, State state, String message) {
            states.put(jobId, state);
            if (message != null) {
                messages.put(jobId, message);
            }
            end(jobId).countDown();
        }

        State awaitEnd(String jobId) throws InterruptedException {
            if (!end(jobId).await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("job " + jobId + " never ended");
            }
            return states.get(jobId);
        }

        private CountDownLatch end(String jobId) {
            return ends.computeIfAbsent(jobId, k -> new CountDownLatch(1));
        }
    }
}
