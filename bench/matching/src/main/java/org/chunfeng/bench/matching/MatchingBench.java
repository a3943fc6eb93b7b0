package org.chunfeng.bench.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chunfeng.jobs.matching.BatchOptimiser;
import org.chunfeng.jobs.matching.BatchWarmUp;
import org.chunfeng.jobs.matching.CandidateSearch;
import org.chunfeng.jobs.matching.JobBoard;
import org.chunfeng.jobs.matching.MatchRules;
import org.chunfeng.jobs.matching.MatchingSettings;
import org.chunfeng.jobs.matching.OnlineMatcher;
import org.chunfeng.jobs.matching.SampleCampaign;
import org.chunfeng.jobs.matching.WorkerView;

/**
 * Online matching against the batch optimum, on generated campaigns. Each (campaign, method) runs in a JVM of its own,
 * so the memory figures are that method's alone:
 * <pre>
 *   java -cp "$(cat target/classpath.txt):target/classes" org.chunfeng.bench.matching.MatchingBench [report.md] [scenario...]
 * </pre>
 * A child run ({@code child <scenario> <method>}) prints one line of {@code key=value} pairs.
 */
public final class MatchingBench {

    record Scenario(String name, int workers, int postings, long openings, String shape) {
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("10k-hq", 10_000, 2_000, 60_000, "headquarters: 60,000 openings"),
            new Scenario("10k-loose", 10_000, 2_000, 30_000, "loose: openings = 3 x workers"),
            new Scenario("10k-tight", 10_000, 2_000, 10_000, "tight: openings = workers"),
            new Scenario("100k-loose", 100_000, 20_000, 300_000, "loose: openings = 3 x workers"),
            new Scenario("100k-tight", 100_000, 20_000, 100_000, "tight: openings = workers"));
    static final long SEED = 20200301L;
    static final int SAMPLE = Integer.getInteger("price.sample", 20_000);
    /** Prices are learned again after every LEARN_STEP of arrivals (2.5%). */
    static final double LEARN_STEP = Double.parseDouble(System.getProperty("learn.step", "0.025"));

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("child")) {
            child(scenario(args[1]), args[2]);
            return;
        }
        Path report = args.length > 0 ? Path.of(args[0]) : null;
        List<Scenario> chosen = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            chosen.add(scenario(args[i]));
        }
        if (chosen.isEmpty()) {
            chosen.addAll(SCENARIOS);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (Scenario s : chosen) {
            List<String> methods = List.of("batch", "batch-cold", "online", "greedy");
            for (String method : methods) {
                Map<String, String> row = fork(s, method);
                rows.add(row);
                System.out.println(row);
            }
        }
        String markdown = table(rows);
        System.out.println(markdown);
        if (report != null) {
            Files.writeString(report, markdown, StandardCharsets.UTF_8);
        }
    }

    static Scenario scenario(String name) {
        return SCENARIOS.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown scenario " + name + "; known: "
                        + SCENARIOS.stream().map(Scenario::name).toList()));
    }

    static Map<String, String> fork(Scenario s, String method) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx2g", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                MatchingBench.class.getName(), "child", s.name(), method);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, String> row = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    for (String pair : line.substring(7).split(" ")) {
                        int eq = pair.indexOf('=');
                        row.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                } else {
                    System.out.println("  [" + s.name() + "/" + method + "] " + line);
                }
            }
        }
        if (process.waitFor() != 0 || row.isEmpty()) {
            throw new IllegalStateException(s.name() + "/" + method + " failed");
        }
        return row;
    }

    static void child(Scenario s, String method) {
        SampleCampaign campaign = SampleCampaign.generate(s.workers(), s.postings(), s.openings(), SEED);
        MatchingSettings settings = switch (method) {
            case "greedy" -> MatchingSettings.DEFAULT.withScarcity(0, 0);
            case "online" -> MatchingSettings.DEFAULT.withScarcity(Double.parseDouble(System.getProperty("scarcity",
                    String.valueOf(MatchingSettings.DEFAULT.scarcityPrice()))), MatchingSettings.DEFAULT.scarcityStart());
            // -Dbatch.arcs: the first arcs per worker, which change the batch's time, never its result.
            default -> MatchingSettings.DEFAULT.withBatchArcsPerWorker(
                    Integer.getInteger("batch.arcs", MatchingSettings.DEFAULT.batchArcsPerWorker()));
        };
        MatchRules rules = MatchRules.of(settings);
        Instant now = SampleCampaign.now();
        long boardStart = System.nanoTime();
        JobBoard board = new JobBoard(settings);
        campaign.postings().forEach(p -> board.put(p.job(), p.openings(), 0));
        long boardMillis = (System.nanoTime() - boardStart) / 1_000_000;
        if (method.startsWith("batch")) {
            BatchOptimiser.loadNativeLibrary();
        }
        long warmUpMillis = -1;
        if (method.equals("batch")) {
            // What jobs-service does at start-up, before any real batch: the batch row is a live service's.
            warmUpMillis = BatchWarmUp.run(settings, BatchWarmUp.WORKERS, BatchWarmUp.BATCHES);
        }
        System.gc();
        resetPeaks();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scenario", s.name());
        result.put("method", method);
        result.put("workers", s.workers());
        result.put("postings", s.postings());
        result.put("openings", campaign.openings());
        result.put("boardMs", boardMillis);
        long started = System.nanoTime();
        if (method.startsWith("batch")) {
            BatchOptimiser.Result r = new BatchOptimiser(board, rules).solve(campaign.workers(), now);
            result.put("ms", (System.nanoTime() - started) / 1_000_000);
            if (warmUpMillis >= 0) {
                result.put("warmUpMs", warmUpMillis);
            }
            result.put("searchMs", r.searchMillis());
            result.put("solveMs", r.solveMillis());
            result.put("arcs", r.arcs());
            result.put("rounds", r.rounds());
            result.put("gap", String.format(Locale.ROOT, "%.2f", r.gap()));
            result.put("placed", r.assignments().size());
            result.put("score", String.format(Locale.ROOT, "%.3f", r.totalScore()));
            double workerPts = r.assignments().stream().mapToDouble(a -> rules.workerPoints(a.worker(), now)).sum();
            result.put("workerPts", String.format(Locale.ROOT, "%.0f", workerPts));
        } else {
            OnlineMatcher matcher = new OnlineMatcher(board, rules);
            List<WorkerView> arrivals = campaign.arrivalOrder(SEED);
            boolean learn = method.equals("online");
            BatchOptimiser pricing = new BatchOptimiser(board, rules);
            long learnNanos = 0;
            int nextCheckpoint = Math.max(1, arrivals.size() / 40);
            long[] latencies = new long[arrivals.size()];
            double total = 0;
            double workerPts = 0;
            int placed = 0;
            boolean[] unplaced = new boolean[arrivals.size()];
            boolean diagnose = Boolean.getBoolean("diagnose");
            CandidateSearch arrivalSearch = new CandidateSearch(board, rules);
            int[] refusedByPrice = new int[10];
            for (int i = 0; i < arrivals.size(); i++) {
                if (learn && i == nextCheckpoint) {
                    // Prices from the optimum over the latest arrivals (at most SAMPLE), each standing for its share
                    // of the workers still to come: the campaign's headcount is known from the door-to-door checks.
                    long l0 = System.nanoTime();
                    List<WorkerView> sample = arrivals.subList(Math.max(0, i - SAMPLE), i);
                    double share = sample.size() / (double) (arrivals.size() - i);
                    matcher.learnPrices(pricing.prices(sample, now, share));
                    learnNanos += System.nanoTime() - l0;
                    nextCheckpoint = Math.min(i * 2, i + (int) (arrivals.size() * LEARN_STEP));
                }
                long t0 = System.nanoTime();
                OnlineMatcher.Choice choice = matcher.assign(arrivals.get(i), now);
                latencies[i] = System.nanoTime() - t0;
                unplaced[i] = choice == null;
                if (choice == null && diagnose && arrivalSearch.search(arrivals.get(i), 1) > 0) {
                    // An opening was left that this worker could take, but its price was more than they would gain.
                    refusedByPrice[i * 10 / arrivals.size()]++;
                }
                if (choice != null) {
                    total += choice.score();
                    workerPts += rules.workerPoints(arrivals.get(i), now);
                    placed++;
                }
            }
            result.put("ms", (System.nanoTime() - started) / 1_000_000);
            result.put("learnMs", learnNanos / 1_000_000);
            if (diagnose) {
                result.put("refusedByPriceByArrivalDecile", Arrays.toString(refusedByPrice).replace(" ", ""));
                CandidateSearch after = new CandidateSearch(board, rules);
                int[] byDecile = new int[10];
                int stillOpen = 0;
                for (int i = 0; i < arrivals.size(); i++) {
                    if (unplaced[i] && after.search(arrivals.get(i), 1) > 0) {
                        stillOpen++;
                        byDecile[i * 10 / arrivals.size()]++;
                    }
                }
                result.put("unplacedWithOpeningsLeftAtEnd", stillOpen);
                result.put("byArrivalDecile", Arrays.toString(byDecile).replace(" ", ""));
            }
            Arrays.sort(latencies);
            result.put("p50us", latencies[latencies.length / 2] / 1000);
            result.put("p99us", latencies[(int) (latencies.length * 0.99)] / 1000);
            result.put("placed", placed);
            result.put("score", String.format(Locale.ROOT, "%.3f", total));
            result.put("workerPts", String.format(Locale.ROOT, "%.0f", workerPts));
        }
        result.put("heapPeakMB", heapPeakMegabytes());
        result.put("rssPeakMB", rssPeakMegabytes());
        StringBuilder line = new StringBuilder("RESULT");
        result.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        System.out.println(line);
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    static long heapPeakMegabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }

    /** The process's resident-set high-water mark (heap, native solver memory, everything), from /proc. */
    static long rssPeakMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static String table(List<Map<String, String>> rows) {
        Map<String, Double> optimum = new LinkedHashMap<>();
        rows.stream().filter(r -> r.get("method").equals("batch"))
                .forEach(r -> optimum.put(r.get("scenario"), Double.parseDouble(r.get("score"))));
        StringBuilder md = new StringBuilder();
        md.append("| campaign | workers | postings | openings | method | time (ms) | placed | total score | % of batch optimum | heap peak (MB) | RSS peak (MB) | notes |\n");
        md.append("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Map<String, String> r : rows) {
            double score = Double.parseDouble(r.get("score"));
            Double best = optimum.get(r.get("scenario"));
            String share = best == null || best == 0 ? "" : String.format(Locale.ROOT, "%.2f%%", 100 * score / best);
            String notes = r.get("method").startsWith("batch")
                    ? "arcs " + r.get("arcs") + ", rounds " + r.get("rounds") + ", proven gap " + r.get("gap")
                            + ", search and checks " + r.get("searchMs") + " ms, solves " + r.get("solveMs") + " ms"
                            + (r.containsKey("warmUpMs") ? ", after the service's start-up warm-up (" + r.get("warmUpMs")
                                    + " ms)" : ", in a JVM that skipped it")
                    : "per worker p50 " + r.get("p50us") + " µs, p99 " + r.get("p99us") + " µs";
            md.append("| ").append(r.get("scenario")).append(" | ").append(r.get("workers")).append(" | ")
                    .append(r.get("postings")).append(" | ").append(r.get("openings")).append(" | ")
                    .append(r.get("method")).append(" | ").append(r.get("ms")).append(" | ").append(r.get("placed"))
                    .append(" | ").append(r.get("score")).append(" | ").append(share).append(" | ")
                    .append(r.get("heapPeakMB")).append(" | ").append(r.get("rssPeakMB")).append(" | ").append(notes)
                    .append(" |\n");
        }
        return md.toString();
    }
}
