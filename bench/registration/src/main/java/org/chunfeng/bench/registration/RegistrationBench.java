package org.chunfeng.bench.registration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.chunfeng.devstack.demo.GatewayClient;

/**
 * Registrations through the gateway of the whole stack, started here with {@code ./chunfeng up} on a fresh data
 * folder: registrations a second and their latency at rising fixed rates, the time from a registration to its
 * worker's MatchProposed on Kafka, the gateway's overhead over a direct call at half the peak rate, the stack's
 * memory and its time to become healthy. Prints Markdown for REPORT.md; asserts nothing.
 */
public final class RegistrationBench {

    private static final ZoneId CAMPAIGN_ZONE = ZoneId.of("Asia/Shanghai");
    private static final int POSTINGS = 10;
    private static final int OPENINGS_EACH = 10_000;
    private static final int WARM_UP_SECONDS = 10;
    private static final int OVERHEAD_ROUNDS = 2;

    public static void main(String[] args) throws Exception {
        List<Integer> rates = Arrays.stream(System.getProperty("rates", "10,20,40,60,100,250,1000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int seconds = Integer.getInteger("seconds", 15);
        Path repository = Path.of(System.getProperty("repository", ".")).toAbsolutePath().normalize();
        StackProcess.Ports ports = new StackProcess.Ports(Integer.getInteger("port-offset", 0));
        if (!Files.isExecutable(repository.resolve("chunfeng"))) {
            throw new IllegalArgumentException(repository + " has no ./chunfeng: run from the repository's root"
                    + " or pass -Drepository=<it>");
        }
        new RegistrationBench(repository, ports, rates, seconds).run();
    }

    private final Path repository;
    private final StackProcess.Ports ports;
    private final List<Integer> rates;
    private final int seconds;
    private final String gateway;
    private final String employment;
    private final Registrations registrations = new Registrations(LocalDate.now(CAMPAIGN_ZONE));
    private final StringBuilder report = new StringBuilder();

    private RegistrationBench(Path repository, StackProcess.Ports ports, List<Integer> rates, int seconds) {
        this.repository = repository;
        this.ports = ports;
        this.rates = rates;
        this.seconds = seconds;
        this.gateway = "http://127.0.0.1:" + ports.gateway();
        this.employment = "http://127.0.0.1:" + ports.employment();
    }

    private void run() throws Exception {
        String loadBefore = StackProcess.ProcFs.loadAverage();
        Path dataDir = Files.createTempDirectory("chunfeng-bench-registration-");
        String password = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> environment = Map.of(
                "CHUNFENG_DEMO_PASSWORD", password,
                // Only the gateway reads chunfeng.gateway.*: one office user sends every registration here, so its
                // per-user bucket (100 a second by default) is opened wide for the run.
                "SPRING_APPLICATION_JSON", "{\"chunfeng\":{\"gateway\":{\"rate-limits\":{\"default\":"
                        + "{\"capacity\":1000000,\"tokens\":1000000,\"period\":\"1s\"}}}}}");
        System.out.println("Starting ./chunfeng up --no-build --fresh --data-dir=" + dataDir);
        try (StackProcess stack = StackProcess.start(repository, dataDir, ports, environment)) {
            double gatewayHealthy = stack.awaitHealthy(gateway + "/actuator/health", Duration.ofMinutes(7));
            if (!stack.awaitConsole("Chunfeng is up", Duration.ofMinutes(5))) {
                throw new IllegalStateException("The launcher did not report the stack healthy");
            }
            boolean coldStart = stack.consoleSays("Building class-data archives");
            if (coldStart) {
                System.out.println("Waiting for the launcher's background class-data archives before loading...");
                stack.awaitConsole("Class-data archives built", Duration.ofMinutes(5));
            }
            try (Monitor monitor = new Monitor(stack)) {
                monitor.begin("idle, 10 s");
                Thread.sleep(10_000);
                Monitor.Phase idle = monitor.end();

                GatewayClient office = GatewayClient.signIn(gateway, "office", password);
                postJobs(office);
                Thread.sleep(3_000);
                OpenLoad load = new OpenLoad(office.accessToken());
                try (MatchWatcher matches = new MatchWatcher("127.0.0.1:" + ports.kafka())) {
                    // At the first step's rate: a warm-up that overloads the stack would leave a backlog behind.
                    int warmUpRate = rates.get(0);
                    System.out.printf("Warming up: %d registrations a second for %d s%n", warmUpRate,
                            WARM_UP_SECONDS);
                    OpenLoad.Run warmUp = load.run("gateway", gateway, warmUpRate,
                            registrations.next(warmUpRate * WARM_UP_SECONDS));
                    System.out.printf("  p50 %.1f ms, answers %s %s%n", warmUp.okLatencies().millis(0.5),
                            warmUp.answers(), warmUp.firstBodies());
                    Thread.sleep(5_000);

                    List<OpenLoad.Run> steps = new ArrayList<>();
                    List<Monitor.Phase> phases = new ArrayList<>();
                    for (int rate : rates) {
                        byte[][] bodies = registrations.next(rate * seconds);
                        System.out.printf("Step: %d registrations a second through the gateway for %d s%n", rate,
                                seconds);
                        monitor.begin("gateway " + rate + "/s");
                        OpenLoad.Run step = load.run("gateway", gateway, rate, bodies);
                        phases.add(monitor.end());
                        steps.add(step);
                        System.out.printf("  %.0f/s answered 201, p50 %.1f ms, p99 %.1f ms, answers %s%n",
                                step.okPerSecond(), step.okLatencies().millis(0.5),
                                step.okLatencies().millis(0.99), step.answers());
                        step.firstBodies().forEach((answer, body) -> System.out.println("  first " + answer + ": "
                                + body.substring(0, Math.min(400, body.length()))));
                        Thread.sleep(5_000);
                    }

                    double peak = steps.stream().mapToDouble(OpenLoad.Run::okPerSecond).max().orElse(0);
                    int half = Math.max(10, (int) Math.round(peak / 2 / 10) * 10);
                    Map<String, List<OpenLoad.Run>> overhead = new LinkedHashMap<>();
                    for (int round = 0; round < OVERHEAD_ROUNDS; round++) {
                        for (String target : List.of("direct", "gateway")) {
                            String url = target.equals("direct") ? employment : gateway;
                            System.out.printf("Overhead: %d a second %s for %d s%n", half, target, seconds / 2);
                            OpenLoad.Run r = load.run(target, url, half, registrations.next(half * seconds / 2));
                            overhead.computeIfAbsent(target, t -> new ArrayList<>()).add(r);
                            Thread.sleep(3_000);
                        }
                    }

                    awaitMatches(matches, steps);
                    writeReport(loadBefore, gatewayHealthy, stack.launcherHealthySeconds(), coldStart, idle, steps,
                            phases, matches, half, overhead);
                }
            }
        } finally {
            System.out.println("Stopped the stack; its data and logs are in " + dataDir);
        }
        report.append("\nLoad average (1, 5, 15 min) before: ").append(loadBefore).append("; after: ")
                .append(StackProcess.ProcFs.loadAverage()).append('\n');
        System.out.println("\n===== REPORT =====\n" + report);
    }

    /** Ten local postings with ten thousand openings each: more than the run registers, all within its wishes. */
    private static void postJobs(GatewayClient office) {
        Map<String, Object> employer = new LinkedHashMap<>();
        employer.put("name", "利辛县电子装配基地");
        employer.put("kind", "ENTERPRISE");
        employer.put("town", Registrations.TOWN.name());
        employer.put("location", Map.of("name", "利辛县经济开发区", "city", "利辛县", "lat", 33.1440, "lon", 116.2080));
        String employerId = office.post("/api/employers", employer).path("id").asString();
        LocalDate start = LocalDate.now(CAMPAIGN_ZONE).plusDays(7);
        for (int i = 0; i < POSTINGS; i++) {
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("employerId", employerId);
            job.put("title", "电子装配工 " + (i + 1) + " 线");
            job.put("category", "ELECTRONICS_ASSEMBLY");
            job.put("requiredSkills", List.of());
            job.put("openings", OPENINGS_EACH);
            job.put("site", Map.of("name", "利辛县经济开发区 " + (i + 1) + " 号厂房", "city", "利辛县",
                    "lat", 33.1440 + i * 0.002, "lon", 116.2080));
            job.put("monthlyWage", 4_500 + 50 * i);
            job.put("startDate", start.toString());
            job.put("accommodation", true);
            office.post("/api/jobs", job);
        }
        System.out.printf("Posted %d jobs of %,d openings each%n", POSTINGS, OPENINGS_EACH);
    }

    /** Until every measured worker has an offer, or none has come for 15 s (at most two minutes). */
    private static void awaitMatches(MatchWatcher matches, List<OpenLoad.Run> steps) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            long missing = steps.stream().flatMap(r -> Arrays.stream(r.workerIds()))
                    .filter(id -> id != null && matches.proposedAt(id) == null).count();
            if (missing == 0 || System.nanoTime() - matches.lastSeenNanos() > Duration.ofSeconds(15).toNanos()) {
                return;
            }
            Thread.sleep(1_000);
        }
    }

    private void writeReport(String loadBefore, double gatewayHealthy, Double launcherHealthy, boolean coldStart,
            Monitor.Phase idle, List<OpenLoad.Run> steps, List<Monitor.Phase> phases, MatchWatcher matches,
            int half, Map<String, List<OpenLoad.Run>> overhead) {
        line("Load average before: %s", loadBefore);
        line("");
        line("Stack healthy: launcher reports everything healthy in %.1f s; gateway /actuator/health 200 after %.1f s"
                + " from starting ./chunfeng%s.", launcherHealthy == null ? Double.NaN : launcherHealthy,
                gatewayHealthy, coldStart ? " (first start after a build: no class-data archives yet)"
                        : " (class-data archives present)");
        line("Idle stack RSS after start: %,d MB", idle.peakStackRssKb() / 1024);
        line("");
        line("| rate sent /s | sent | 201 | other answers | 201 /s | p50 ms | p99 ms | max ms | sender lag max ms"
                + " | → MatchProposed p50 ms | p99 ms | max ms | no offer seen | stack RSS peak MB |");
        line("| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int i = 0; i < steps.size(); i++) {
            OpenLoad.Run r = steps.get(i);
            Latencies l = r.okLatencies();
            Map<String, Integer> other = new LinkedHashMap<>(r.answers());
            other.remove("201");
            long[] toMatch = matchLatencies(r, matches);
            Latencies m = Latencies.of(toMatch);
            line("| %d | %d | %d | %s | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %,d |",
                    r.rate(), r.sentNanos().length, r.ok(), other.isEmpty() ? "-" : other.toString(),
                    r.okPerSecond(), l.millis(0.5), l.millis(0.99), l.maxMillis(), r.maxSenderLagNanos() / 1e6,
                    m.millis(0.5), m.millis(0.99), m.maxMillis(), r.ok() - m.count(),
                    phases.get(i).peakStackRssKb() / 1024);
        }
        line("");
        line("CPU seconds per process during each step (the step lasts %d s; 2 cores give at most %d CPU s),"
                + " and peak RSS MB:", seconds, 2 * seconds);
        line("");
        List<String> names = new ArrayList<>(phases.get(phases.size() - 1).cpuSeconds().keySet());
        StringBuilder head = new StringBuilder("| step |");
        StringBuilder rule = new StringBuilder("| --- |");
        for (String name : names) {
            head.append(' ').append(name).append(" |");
            rule.append(" ---: |");
        }
        line("%s", head);
        line("%s", rule);
        List<Monitor.Phase> rows = new ArrayList<>(List.of(idle));
        rows.addAll(phases);
        for (Monitor.Phase p : rows) {
            StringBuilder row = new StringBuilder("| " + p.name() + " |");
            for (String name : names) {
                Double cpu = p.cpuSeconds().get(name);
                Long rss = p.peakRssKb().get(name);
                row.append(String.format(" %s |", cpu == null ? "-" : String.format("%.1f s%s", cpu,
                        rss == null ? "" : String.format(" / %d MB", rss / 1024))));
            }
            line("%s", row);
        }
        line("");
        line("Gateway overhead at %d registrations a second (half the peak), %d rounds of %d s each, alternating:",
                half, OVERHEAD_ROUNDS, seconds / 2);
        line("");
        line("| target | sent | 201 | other answers | p50 ms | p99 ms |");
        line("| --- | ---: | ---: | --- | ---: | ---: |");
        Map<String, Double> p50 = new LinkedHashMap<>();
        overhead.forEach((target, runs) -> {
            long[] all = runs.stream().map(OpenLoad.Run::okLatencies).flatMapToLong(l -> Arrays.stream(l.sortedNanos()))
                    .toArray();
            Latencies l = Latencies.of(all);
            p50.put(target, l.millis(0.5));
            Map<String, Integer> other = new TreeMap<>();
            runs.forEach(r -> r.answers().forEach((a, n) -> other.merge(a, n, Integer::sum)));
            other.remove("201");
            line("| %s | %d | %d | %s | %.1f | %.1f |", target,
                    runs.stream().mapToInt(r -> r.sentNanos().length).sum(),
                    runs.stream().mapToInt(OpenLoad.Run::ok).sum(), other.isEmpty() ? "-" : other.toString(),
                    l.millis(0.5), l.millis(0.99));
        });
        line("");
        line("Gateway p50 / direct p50 = %.2f×", p50.get("gateway") / p50.get("direct"));
    }

    private static long[] matchLatencies(OpenLoad.Run run, MatchWatcher matches) {
        long[] latencies = new long[run.workerIds().length];
        int n = 0;
        for (int i = 0; i < latencies.length; i++) {
            String id = run.workerIds()[i];
            Long at = id == null ? null : matches.proposedAt(id);
            if (at != null) {
                latencies[n++] = at - run.sentNanos()[i];
            }
        }
        return Arrays.copyOf(latencies, n);
    }

    private void line(String format, Object... args) {
        report.append(String.format(format, args)).append('\n');
    }
}
