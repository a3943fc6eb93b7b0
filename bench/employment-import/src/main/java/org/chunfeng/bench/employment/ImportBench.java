package org.chunfeng.bench.employment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.chunfeng.devstack.testing.TestInfrastructure;
import org.chunfeng.employment.EmploymentApplication;
import org.chunfeng.employment.importing.ImportColumn;
import org.chunfeng.employment.importing.WorkerSheet;
import org.chunfeng.employment.worker.NationalId;
import org.chunfeng.employment.worker.WorkerRepository;
import org.chunfeng.kit.importing.ImportJobs;
import org.chunfeng.kit.importing.ImportRunner;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Imports a generated village-clerk sheet of 50,000 rows (one in a thousand invalid) through employment-service's
 * own import, in CSV and in XLSX, against a real KRaft broker and the Mongo wire server, and reports the time to
 * the last row, the time until every WorkerRegistered has left the outbox, and the heap at its highest.
 *
 * <pre>
 *   ./mvnw -q -o -B -pl bench/employment-import -am package -DskipTests
 *   java -Xmx1g -XX:+UseSerialGC -cp "$(cat bench/employment-import/target/classpath.txt):bench/employment-import/target/classes" \
 *       org.chunfeng.bench.employment.ImportBench [rows] [csv,xlsx]
 * </pre>
 */
public final class ImportBench {

    private ImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        // Both formats in one JVM keep 100,000 workers in the in-memory database: give it -Xmx2g, or run one.
        List<String> formats = args.length > 1 ? List.of(args[1].split(",")) : List.of("csv", "xlsx");
        TestInfrastructure infra = TestInfrastructure.shared();
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(EmploymentApplication.class)
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infra.mongoUri("employment-bench"),
                        "--logging.structured.format.console=", "--logging.level.root=WARN")) {
            ImportRunner runner = service.getBean(ImportRunner.class);
            ImportJobs jobs = service.getBean(ImportJobs.class);
            WorkerSheet sheet = service.getBean(WorkerSheet.class);
            MongoTemplate mongo = service.getBean(MongoTemplate.class);
            System.out.printf("%s; %d rows per file; %d cores; max heap %d MB%n", infra.description(), rows,
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            System.out.println("| format | rows | imported | rejected | import s | rows/s | outbox empty after s "
                    + "| import thread CPU s | whole JVM CPU s | heap peak MB |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            for (String format : formats) {
                String town = "基准镇-" + format + "-" + System.nanoTime();
                Path file = format.equals("csv") ? csv(rows, town, new Random(1)) : xlsx(rows, town, new Random(2));
                resetPeak();
                long cpuStart = processCpuNanos();
                long threadStart = importThreadCpuNanos();
                long start = System.nanoTime();
                String jobId = runner.submit(file, "bench." + format, "bench", sheet);
                ImportJobs.Job job;
                long importThreadCpu = 0;
                do {
                    Thread.sleep(200);
                    importThreadCpu = Math.max(importThreadCpu, importThreadCpuNanos());
                    job = jobs.find(jobId).orElseThrow();
                } while (job.state() == ImportJobs.State.QUEUED || job.state() == ImportJobs.State.RUNNING);
                double imported = seconds(start);
                long pending;
                do {
                    Thread.sleep(100);
                    pending = mongo.getCollection(WorkerRepository.COLLECTION).countDocuments(
                            new Document("town", town).append("outbox.0", new Document("$exists", true)));
                } while (pending > 0);
                double drained = seconds(start);
                double cpu = (processCpuNanos() - cpuStart) / 1e9;
                System.out.printf("| %s | %d | %d | %d | %.1f | %.0f | %.1f | %.1f | %.1f | %d |%n",
                        format.toUpperCase(), job.progress().rowsRead(), job.progress().imported(),
                        job.progress().rejected(), imported, rows / imported, drained,
                        (importThreadCpu - threadStart) / 1e9, cpu, peakHeapMb());
                if (job.state() != ImportJobs.State.DONE) {
                    throw new IllegalStateException("Import ended " + job.state() + ": " + job.message());
                }
            }
        }
        System.exit(0);
    }

    static List<String> row(int i, String town, Random random, Set<String> ids) {
        String id;
        do {
            LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 40));
            String first17 = "3416" + String.format("%02d", 10 + random.nextInt(89))
                    + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
            id = first17 + NationalId.checkDigit(first17);
        } while (!ids.add(id));
        if (i % 1000 == 999) {
            id = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        }
        String village = "村" + (i % 40);
        return List.of("工人" + i, id, "13" + String.format("%09d", random.nextInt(1_000_000_000)), "H-" + (i / 3),
                i % 3 == 0 ? "建档立卡贫困户" : i % 3 == 1 ? "边缘户" : "一般户", i % 17 == 0 ? "贫困老人" : "", "利辛县", town,
                village, village + "村委会", String.valueOf(33.0 + random.nextDouble() * 0.3),
                String.valueOf(116.0 + random.nextDouble() * 0.4), "", "", "电子装配:3、普工", "2", "均可", "合肥、苏州",
                "3000", "2026-02-20", "绿", "2026-01-10");
    }

    static Path csv(int rows, String town, Random random) throws IOException {
        Path file = Files.createTempFile("bench-", ".csv");
        Set<String> ids = new HashSet<>();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("\uFEFF" + Arrays.stream(ImportColumn.values()).map(ImportColumn::header)
                    .collect(Collectors.joining(",")) + "\r\n");
            for (int i = 0; i < rows; i++) {
                out.write(String.join(",", row(i, town, random, ids)) + "\r\n");
            }
        }
        return file;
    }

    static Path xlsx(int rows, String town, Random random) throws IOException {
        Path file = Files.createTempFile("bench-", ".xlsx");
        Set<String> ids = new HashSet<>();
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "bench", "1.0");
            Worksheet sheet = workbook.newWorksheet("登记表");
            ImportColumn[] columns = ImportColumn.values();
            for (int c = 0; c < columns.length; c++) {
                sheet.value(0, c, columns[c].header());
            }
            for (int i = 0; i < rows; i++) {
                List<String> cells = row(i, town, random, ids);
                for (int c = 0; c < cells.size(); c++) {
                    sheet.value(i + 1, c, cells.get(c));
                }
                if (i % 1000 == 0) {
                    sheet.flush();
                }
            }
            workbook.finish();
        }
        return file;
    }

    /**
     * CPU time of the import thread so far (it is reused, so this accumulates over the formats: the caller takes
     * differences). On a shared machine CPU time says more than wall time.
     */
    static long importThreadCpuNanos() {
        var threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("worker-import-"))
                .mapToLong(t -> threads.getThreadCpuTime(t.getId())).sum();
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static void resetPeak() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

}
