package org.chunfeng.employment.importing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.chunfeng.employment.registration.RegistrationRules;
import org.chunfeng.employment.registration.Registrations;
import org.chunfeng.employment.worker.IdentityHasher;
import org.chunfeng.employment.worker.RegistrationChannel;
import org.chunfeng.employment.worker.Worker;
import org.chunfeng.employment.worker.WorkerMetrics;
import org.chunfeng.employment.worker.WorkerRepository;
import org.chunfeng.kit.error.FieldViolation;
import org.chunfeng.kit.error.InvalidInputException;
import org.chunfeng.kit.importing.ImportJobs.Outcome;
import org.chunfeng.kit.importing.ImportJobs.RowReport;
import org.chunfeng.kit.importing.SheetImporter;
import org.chunfeng.kit.importing.SourceRow;
import org.springframework.stereotype.Component;

/**
 * The workers' sheet: valid rows are registered a batch at a time (one insertMany, every worker with its
 * WorkerRegistered in its outbox). A rejected row stores nothing; an ID number seen before, in the file or in the
 * register, is a duplicate.
 */
@Component
public class WorkerSheet implements SheetImporter {

    private final WorkerRepository workers;
    private final Registrations registrations;
    private final IdentityHasher hasher;
    private final WorkerMetrics metrics;
    private final Clock clock;

    WorkerSheet(WorkerRepository workers, Registrations registrations, IdentityHasher hasher, WorkerMetrics metrics,
            Clock clock) {
        this.workers = workers;
        this.registrations = registrations;
        this.hasher = hasher;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Session begin(List<String> header, String createdBy) {
        List<String> problems = new ArrayList<>();
        ColumnMap columns = ColumnMap.of(header, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("file", "The header row cannot be used: " + String.join("; ", problems));
        }
        return new Batch(createdBy, columns, LocalDate.now(clock.withZone(Worker.ZONE)));
    }

    /** The rows waiting to be written, and what one file has seen so far. */
    private final class Batch implements Session {

        private record Pending(int row, RegistrationRules.Checked checked, String idHash) {
        }

        private final String createdBy;
        private final ColumnMap columns;
        private final String idHeader;
        private final LocalDate today;
        private final List<Pending> pending = new ArrayList<>();
        private final List<RowReport> reports = new ArrayList<>();
        /** ID hash → first row it was seen valid in this file. */
        private final Map<String, Integer> seen = new HashMap<>();

        Batch(String createdBy, ColumnMap columns, LocalDate today) {
            this.createdBy = createdBy;
            this.columns = columns;
            this.idHeader = columns.header(ImportColumn.ID_NUMBER);
            this.today = today;
        }

        @Override
        public void add(SourceRow row) {
            RowParser.Outcome outcome = RowParser.check(row, columns, today);
            if (!outcome.isValid()) {
                reports.add(new RowReport(row.number(), Outcome.REJECTED, null, outcome.problems()));
                return;
            }
            String idHash = hasher.idNumber(outcome.checked().nationalId());
            Integer first = seen.putIfAbsent(idHash, row.number());
            if (first != null) {
                reports.add(new RowReport(row.number(), Outcome.DUPLICATE, null, List.of(new FieldViolation(
                        idHeader, "same ID number as row " + first))));
                return;
            }
            pending.add(new Pending(row.number(), outcome.checked(), idHash));
        }

        @Override
        public List<RowReport> flush() {
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
                    String existing = workers.findByIdHash(p.idHash()).map(Worker::id).orElse(null);
                    reports.add(new RowReport(p.row(), Outcome.DUPLICATE, existing, List.of(new FieldViolation(
                            idHeader, "already registered"))));
                } else {
                    added++;
                    reports.add(new RowReport(p.row(), Outcome.IMPORTED, w.id(), List.of()));
                }
            }
            metrics.registered(RegistrationChannel.IMPORT, added);
            List<RowReport> done = List.copyOf(reports);
            pending.clear();
            reports.clear();
            return done;
        }
    }
}
