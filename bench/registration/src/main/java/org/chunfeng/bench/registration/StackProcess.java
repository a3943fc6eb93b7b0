package org.chunfeng.bench.registration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole stack as a user starts it, {@code ./chunfeng up}, run as a child of the benchmark: started on a fresh
 * data folder, watched through its console and its processes' /proc entries, and stopped with the launcher's own
 * SIGTERM handling (everything it started goes with it).
 */
final class StackProcess implements AutoCloseable {

    /** One JVM of the stack at a moment: resident memory and CPU time so far. */
    record Sample(String name, long pid, long rssKb, long cpuTicks) {
    }

    private static final Pattern HEALTHY = Pattern.compile("everything healthy in ([0-9.]+) s");

    private final Process launcher;
    private final List<String> console = new ArrayList<>();
    private final long startedNanos = System.nanoTime();
    private volatile Double launcherHealthySeconds;

    private StackProcess(Process launcher) {
        this.launcher = launcher;
        Thread reader = new Thread(this::readConsole, "stack-console");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code ./chunfeng up --no-build --fresh} from the repository; {@code environment} is added to the
     * launcher's, which the applications inherit.
     */
    static StackProcess start(Path repository, Path dataDir, Ports ports, Map<String, String> environment)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("./chunfeng", "up", "--no-build", "--fresh",
                "--data-dir=" + dataDir));
        command.addAll(ports.launcherOptions());
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return new StackProcess(builder.start());
    }

    private void readConsole() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(launcher.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                System.out.println("  | " + line);
                Matcher healthy = HEALTHY.matcher(line);
                if (healthy.find()) {
                    launcherHealthySeconds = Double.parseDouble(healthy.group(1));
                }
                synchronized (console) {
                    console.add(line);
                }
            }
        } catch (IOException e) {
            // the launcher has gone; its exit is noticed by whoever waits for it
        }
    }

    boolean consoleSays(String text) {
        synchronized (console) {
            return console.stream().anyMatch(line -> line.contains(text));
        }
    }

    /** What the launcher itself printed as its time to healthy (every part's readiness probe answering 200). */
    Double launcherHealthySeconds() {
        return launcherHealthySeconds;
    }

    /** Seconds from starting {@code ./chunfeng up} until {@code url} answers 200; throws if the stack exits. */
    double awaitHealthy(String url, Duration patience) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("./chunfeng up exited with code " + launcher.exitValue()
                        + "; its output is above");
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(url + " did not answer 200 within " + patience.toSeconds() + " s");
    }

    /** Waits until the console shows {@code text}, at most {@code patience}; says whether it did. */
    boolean awaitConsole(String text, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (consoleSays(text)) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /**
     * The stack's JVMs now: the launcher (which hosts the MongoDB server), Kafka and the four applications. A
     * class-data archive being dumped in the background is listed too, under its own name, so that it can be left
     * out of the stack's memory.
     */
    List<Sample> sample() {
        List<Sample> samples = new ArrayList<>();
        add(samples, "launcher+mongodb", launcher.pid());
        launcher.descendants().forEach(p -> {
            String name = nameOf(p.pid());
            if (name != null) {
                add(samples, name, p.pid());
            }
        });
        return samples;
    }

    private static void add(List<Sample> samples, String name, long pid) {
        long rss = ProcFs.rssKb(pid);
        long cpu = ProcFs.cpuTicks(pid);
        if (rss >= 0 && cpu >= 0) {
            samples.add(new Sample(name, pid, rss, cpu));
        }
    }

    /** Which part of the stack a child JVM is, from its command line; null for what is not a JVM (the shell). */
    private static String nameOf(long pid) {
        String cmd = ProcFs.commandLine(pid);
        if (cmd == null || !cmd.contains("java")) {
            return null;
        }
        if (cmd.contains("-Xshare:dump")) {
            return "class-data archive (background)";
        }
        for (String app : List.of("employment-service", "jobs-service", "transport-service", "gateway")) {
            if (cmd.contains(app + ".jar")) {
                return app;
            }
        }
        return cmd.contains("kafka") ? "kafka" : "java " + pid;
    }

    /** Stops the stack as Ctrl-C would; whatever of it is left after a minute is killed. */
    @Override
    public void close() throws InterruptedException {
        Map<Long, ProcessHandle> ours = new LinkedHashMap<>();
        launcher.descendants().forEach(p -> ours.put(p.pid(), p));
        launcher.destroy();
        if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
        }
        for (ProcessHandle child : ours.values()) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    /** The ports the stack listens on: Chunfeng's defaults, or all of them moved by an offset. */
    record Ports(int offset) {

        int gateway() {
            return 8080 + offset;
        }

        int employment() {
            return 8081 + offset;
        }

        int kafka() {
            return 9092 + offset;
        }

        List<String> launcherOptions() {
            if (offset == 0) {
                return List.of();
            }
            return List.of("--gateway-port=" + gateway(), "--employment-port=" + employment(),
                    "--jobs-port=" + (8082 + offset), "--transport-port=" + (8083 + offset),
                    "--kafka-port=" + kafka(), "--mongo-port=" + (27017 + offset));
        }
    }

    /** Reads the few /proc files the report needs. */
    static final class ProcFs {

        private ProcFs() {
        }

        static long rssKb(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // gone
            }
            return -1;
        }

        /** utime + stime, in clock ticks (USER_HZ, 100 a second on Linux). */
        static long cpuTicks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        static String commandLine(long pid) {
            try {
                return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                        StandardCharsets.UTF_8).replace('\0', ' ');
            } catch (IOException e) {
                return null;
            }
        }

        /** CPU time every process of the machine has used (all but idle and iowait), in clock ticks. */
        static long machineBusyTicks() {
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                    if (i != 4 && i != 5) {
                        busy += Long.parseLong(cpu[i]);
                    }
                }
                return busy;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        static String loadAverage() {
            try {
                String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return parts[0] + " " + parts[1] + " " + parts[2];
            } catch (IOException e) {
                return "?";
            }
        }
    }
}
