package org.chunfeng.devstack.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.chunfeng.devstack.infra.Ports;

/** {@code ./chunfeng status}: what is running, found by probing the ports, with each process's memory. */
final class Status {

    private static final Duration PROBE = Duration.ofMillis(500);

    private final Options options;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE).build();
    private final Map<String, Long> pids;
    private long totalMegabytes;

    Status(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.pids = new PidFile(options.dataDir()).read();
        pids.values().removeIf(pid -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    /** Prints the table; returns true when every part answers. */
    boolean print() {
        out.println("Chunfeng on this machine (data folder " + options.dataDir() + "):");
        boolean all = true;
        if (pids.containsKey("launcher")) {
            line("launcher", "running", options.embeddedMongo() ? "(hosts the MongoDB server)" : "", "launcher");
        }
        if (options.embeddedKafka()) {
            all &= tcp("kafka", "127.0.0.1", options.kafkaPort(), "127.0.0.1:" + options.kafkaPort());
        } else {
            String first = options.kafkaBootstrap().split(",")[0].trim();
            int colon = first.lastIndexOf(':');
            all &= tcp("kafka", first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)),
                    options.kafkaBootstrap() + " (external)");
        }
        if (options.embeddedMongo()) {
            all &= tcp("mongodb", "127.0.0.1", options.mongoPort(), "mongodb://127.0.0.1:" + options.mongoPort());
        } else {
            line("mongodb", "external", Stack.redact(options.mongoUri()), null);
        }
        for (App app : App.all(options)) {
            all &= http(app);
        }
        if (totalMegabytes > 0) {
            out.printf("  %-20s %,d MB resident in all%n", "memory", totalMegabytes);
        }
        return all;
    }

    private boolean tcp(String name, String host, int port, String address) {
        boolean up = Ports.accepts(host, port, PROBE);
        line(name, up ? "listening" : "not running", address, name);
        return up;
    }

    private boolean http(App app) {
        String state;
        boolean ready = false;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(app.readinessUrl())).timeout(Duration.ofSeconds(2))
                    .GET().build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            ready = status == 200;
            state = ready ? "ready" : "not ready (" + status + ")";
        } catch (IOException e) {
            state = "not running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = "unknown";
        }
        line(app.name(), state, app.url(), app.name());
        return ready;
    }

    private void line(String name, String state, String address, String pidKey) {
        Long pid = pidKey == null ? null : pids.get(pidKey);
        String process = "";
        if (pid != null) {
            long megabytes = PidFile.residentMegabytes(pid);
            process = megabytes < 0 ? "pid " + pid : String.format("pid %d, %,d MB", pid, megabytes);
            totalMegabytes += Math.max(0, megabytes);
        }
        out.printf("  %-20s %-16s %-34s %s%n", name, state, address, process);
    }
}
