package org.chunfeng.devstack.launcher;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bson.Document;
import org.chunfeng.devstack.infra.ChildProcess;
import org.chunfeng.devstack.infra.KafkaBroker;
import org.chunfeng.devstack.infra.MongoWireServer;
import org.chunfeng.devstack.infra.Ports;

/**
 * The whole local stack: Kafka, MongoDB, the three services and the gateway, started in that order and stopped in
 * the reverse one. Kafka and each application run as child JVMs; the MongoDB wire-protocol server runs inside the
 * launcher's own JVM, which saves a JVM's worth of memory and cannot outlive the launcher.
 */
public final class Stack {

    /** Raised when the stack cannot start; what went wrong has been printed, and everything started is stopped. */
    public static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    /** A part of the stack that failed, with the log that tells why. */
    private static final class ComponentFailed extends RuntimeException {
        final Path log;

        ComponentFailed(String message, Path log) {
            super(message);
            this.log = log;
        }
    }

    static final String MARKER = ".chunfeng-data";
    private static final int TAIL_LINES = 30;
    private static final Duration APP_GRACE = Duration.ofSeconds(20);

    private final Options options;
    private final AppRunner runner;
    private final PrintStream out;
    private final List<App> apps;
    private final Path logs;
    private final PidFile pidFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final long startNanos = System.nanoTime();

    private final Map<App, ChildProcess> running = new LinkedHashMap<>();
    private KafkaBroker kafka;
    private MongoWireServer mongo;
    private StackAddresses addresses;
    private LocalAccounts accounts;
    private volatile boolean stopping;
    private boolean stopped;

    public Stack(Options options, AppRunner runner, PrintStream out) {
        this.options = options;
        this.runner = runner;
        this.out = out;
        this.apps = App.all(options);
        this.logs = options.dataDir().resolve("logs");
        this.pidFile = new PidFile(options.dataDir());
    }

    /** Starts everything and returns once every part is healthy; throws {@link Failure} otherwise. */
    public StackAddresses start() {
        checkBeforeStarting();
        try {
            out.println("Starting Chunfeng; data in " + options.dataDir());
            if (options.demo() && DemoLoader.find().isEmpty()) {
                out.println("  (--demo: demo data is not available yet; starting without it)");
            }
            startInfrastructure();
            startApps();
            printSummary();
            Map<App, Long> pids = new LinkedHashMap<>();
            running.forEach((app, child) -> pids.put(app, child.pid()));
            runner.allHealthy(pids, out);
            loadDemo();
            return addresses;
        } catch (RuntimeException e) {
            if (isStopping()) {
                throw new Failure("Stopped while starting.");
            }
            reportFailure(e);
            stop();
            throw new Failure("Chunfeng did not start: " + e.getMessage());
        }
    }

    /**
     * Ports, applications and the data folder are checked before anything starts, so a failure here leaves nothing
     * behind; ports first, as that check is instant.
     */
    private void checkBeforeStarting() {
        List<String> problems = new ArrayList<>();
        for (Options.PortUse use : options.portsToOpen()) {
            if (!Ports.isFree(use.port())) {
                problems.add("Port " + use.port() + " is already in use, and Chunfeng needs it for " + use.what()
                        + ".\n  Stop the program that holds it (ss -ltnp 'sport = :" + use.port() + "' shows which),"
                        + " or choose another port with " + use.option() + "=<port>.");
            }
        }
        Long earlier = pidFile.read().get("launcher");
        if (!problems.isEmpty() && earlier != null && ProcessHandle.of(earlier).map(ProcessHandle::isAlive).orElse(false)) {
            problems.add("Chunfeng already runs from this data folder (launcher pid " + earlier + "; ./chunfeng status"
                    + " shows it). Stop it with Ctrl-C in its terminal or kill " + earlier + ".");
        }
        if (problems.isEmpty()) {
            try {
                runner.prepare(apps, out);
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        }
        if (problems.isEmpty()) {
            try {
                prepareDataDir();
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(out::println);
            throw new Failure("Chunfeng did not start: nothing was started.");
        }
    }

    private void prepareDataDir() {
        Path dir = options.dataDir();
        try {
            boolean ours = Files.exists(dir.resolve(MARKER));
            boolean empty = !Files.exists(dir) || isEmpty(dir);
            if (options.fresh() && !empty) {
                if (!ours) {
                    throw new IllegalStateException("--fresh would delete " + dir + ", which does not look like a"
                            + " Chunfeng data folder (it has no " + MARKER + " file).\n  Delete it yourself or choose"
                            + " another --data-dir.");
                }
                out.println("--fresh: deleting everything in " + dir);
                deleteContents(dir);
            }
            Files.createDirectories(logs);
            if (!Files.exists(dir.resolve(MARKER))) {
                Files.writeString(dir.resolve(MARKER), "Chunfeng keeps its local Kafka topics, MongoDB data and logs"
                        + " here; ./chunfeng up --fresh deletes them.\n");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare the data folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(dir)) {
                    Files.delete(path);
                }
            }
        }
    }

    private void startInfrastructure() {
        String kafkaBootstrap = options.kafkaBootstrap();
        long kafkaStart = System.nanoTime();
        if (options.embeddedKafka()) {
            Path log = freshLog("kafka");
            KafkaBroker broker = KafkaBroker.start(options.dataDir().resolve("kafka"), options.kafkaPort(), log,
                    javaOptions("CHUNFENG_KAFKA_JAVA_OPTS", KafkaBroker.DEFAULT_JAVA_OPTIONS),
                    KafkaBroker.classpathForChild());
            register(() -> kafka = broker, broker::close);
            kafkaBootstrap = broker.bootstrapServers();
        }
        long mongoStart = System.nanoTime();
        String mongoUri = options.mongoUri();
        if (options.embeddedMongo()) {
            Path file = options.dataDir().resolve("mongo").resolve("chunfeng.mv");
            MongoWireServer server;
            try {
                server = MongoWireServer.onFile(file, "127.0.0.1", options.mongoPort());
            } catch (RuntimeException e) {
                throw new ComponentFailed("MongoDB (data in " + file + ") did not start: " + rootMessage(e), null);
            }
            register(() -> mongo = server, server::close);
            mongoUri = "mongodb://127.0.0.1:" + server.port();
            ready("mongodb", mongoStart, mongoUri);
        } else {
            awaitExternalMongo(mongoUri);
            ready("mongodb", mongoStart, redact(mongoUri) + " (external)");
        }
        try {
            if (kafka != null) {
                kafka.awaitReady(options.timeout());
            } else {
                KafkaBroker.awaitReachable(kafkaBootstrap, options.timeout(), () -> true);
            }
        } catch (IllegalStateException e) {
            throw new ComponentFailed(e.getMessage(), kafka == null ? null : kafka.process().log());
        }
        ready("kafka", kafkaStart, kafkaBootstrap + (kafka == null ? " (external)" : ""));
        addresses = new StackAddresses(kafkaBootstrap, mongoUri, apps.get(apps.size() - 1).url(), options.dataDir());
    }

    private void awaitExternalMongo(String uri) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        options.timeout().toMillis(), TimeUnit.MILLISECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
        } catch (RuntimeException e) {
            throw new ComponentFailed("MongoDB at " + redact(uri) + " did not answer: " + rootMessage(e), null);
        }
    }

    /** All applications start together once Kafka and MongoDB are up; they share the two cores while starting. */
    private void startApps() {
        accounts = LocalAccounts.decide(options.dataDir(), System.getenv());
        Map<App, Long> pending = new LinkedHashMap<>();
        for (App app : apps) {
            List<String> command = new ArrayList<>(runner.command(app));
            command.addAll(app.arguments(addresses, apps));
            if (app.isGateway()) {
                command.addAll(accounts.gatewayArguments());
            }
            // Run from the data folder: nothing in whatever folder the launcher was started from (an
            // application.properties, a config/ folder) can then change how an application behaves.
            ChildProcess child = ChildProcess.start(app.name(), command, freshLog(app.name()), options.dataDir(),
                    app.isGateway() ? accounts.gatewayEnvironment() : Map.of());
            register(() -> running.put(app, child), () -> child.stop(Duration.ZERO));
            pending.put(app, System.nanoTime());
        }
        while (!pending.isEmpty()) {
            // Asked all at once, so one slow answer does not delay noticing the others.
            Map<App, CompletableFuture<String>> answers = new LinkedHashMap<>();
            pending.keySet().forEach(app -> answers.put(app, readiness(app)));
            for (App app : answers.keySet()) {
                ChildProcess child = running.get(app);
                String answer = answers.get(app).join();
                if (!child.isAlive()) {
                    throw new ComponentFailed(app.name() + " exited with code " + child.exitCode()
                            + " while starting", child.log());
                }
                if (answer.equals("200")) {
                    ready(app.name(), pending.remove(app), app.url());
                } else if (System.nanoTime() - pending.get(app) > options.timeout().toNanos()) {
                    throw new ComponentFailed(app.name() + " was not healthy within " + options.timeout().toSeconds()
                            + " s (last answer from " + app.readinessUrl() + ": " + answer
                            + "); raise the limit with --timeout=<seconds>", child.log());
                }
            }
            if (!pending.isEmpty()) {
                sleep(250);
            }
        }
    }

    /** The HTTP status of the app's readiness probe, or why there was none. */
    private CompletableFuture<String> readiness(App app) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.readinessUrl()))
                .timeout(Duration.ofSeconds(2)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> String.valueOf(response.statusCode()))
                .exceptionally(e -> "no connection");
    }

    private void loadDemo() {
        if (!options.demo()) {
            return;
        }
        DemoLoader.find().ifPresent(loader -> {
            long start = System.nanoTime();
            out.println("Loading demo data: " + loader.description());
            try {
                loader.load(addresses);
                out.printf("Demo data loaded in %.1f s.%n", seconds(start));
            } catch (Exception | LinkageError e) {
                // The stack itself is healthy, so it keeps running; only the demo is missing. A LinkageError is a
                // demo jar that does not fit this launcher.
                if (!isStopping()) {
                    out.println("Loading demo data failed: " + rootMessage(e) + "\nChunfeng keeps running without"
                            + " it; the logs in " + logs + " may say more.");
                }
            }
        });
    }

    private void printSummary() {
        out.printf("%nChunfeng is up: everything healthy in %.1f s. Press Ctrl-C to stop it all.%n%n",
                seconds(startNanos));
        App gateway = apps.stream().filter(App::isGateway).findFirst().orElseThrow();
        row("Web app and API", gateway.url());
        row("Sign in", accounts.signIn());
        row("Swagger UI", gateway.url() + "/swagger-ui.html");
        for (App app : apps) {
            if (!app.isGateway()) {
                row(app.name(), app.url());
            }
        }
        row("Kafka", addresses.kafkaBootstrap());
        row("MongoDB", redact(addresses.mongoUri()));
        row("Data folder", options.dataDir().toString());
        row("Logs", logs.toString());
        out.println();
    }

    private void row(String label, String value) {
        out.printf("  %-20s %s%n", label, value);
    }

    private void ready(String component, long sinceNanos, String address) {
        out.printf("  %-20s healthy in %5.1f s   %s%n", component, seconds(sinceNanos), address);
    }

    private void reportFailure(RuntimeException e) {
        out.println();
        out.println("FAILED: " + e.getMessage());
        Path log = e instanceof ComponentFailed failed ? failed.log : null;
        if (log != null) {
            List<String> tail = ChildProcess.tail(log, TAIL_LINES);
            out.println("Last lines of " + log + ":");
            tail.forEach(line -> out.println("  | " + LogLines.readable(line)));
        } else if (!(e instanceof ComponentFailed)) {
            e.printStackTrace(out);
        }
        out.println();
    }

    /**
     * Blocks until one of the child processes ends on its own and returns it; a child that ends because the stack
     * is stopping is not reported.
     */
    public ChildProcess awaitUnexpectedExit() {
        List<CompletableFuture<ChildProcess>> exits = new ArrayList<>();
        synchronized (this) {
            running.values().forEach(child -> exits.add(child.onExit()));
            if (kafka != null) {
                exits.add(kafka.process().onExit());
            }
        }
        if (exits.isEmpty()) {
            return null;
        }
        ChildProcess ended = (ChildProcess) CompletableFuture.anyOf(exits.toArray(CompletableFuture[]::new)).join();
        if (isStopping()) {
            return null;
        }
        out.println();
        out.println(ended.name() + " stopped unexpectedly (exit code " + ended.exitCode() + "). Last lines of "
                + ended.log() + ":");
        ended.tail(TAIL_LINES).forEach(line -> out.println("  | " + LogLines.readable(line)));
        return ended;
    }

    public boolean isStopping() {
        return stopping;
    }

    /**
     * Stops the applications (SIGTERM, then SIGKILL after a grace period), then Kafka (a controlled shutdown), then
     * MongoDB, and checks that their ports are free. Safe to call more than once and from a shutdown hook; a second
     * caller waits for the first to finish.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopping = true;
        stopped = true;
        if (running.isEmpty() && kafka == null && mongo == null) {
            return;
        }
        out.println();
        out.println("Stopping Chunfeng...");
        runner.stopping();
        List<Thread> appStops = running.values().stream()
                .map(child -> new Thread(() -> stopChild(child, APP_GRACE), "stop-" + child.name())).toList();
        appStops.forEach(Thread::start);
        appStops.forEach(Stack::join);
        if (kafka != null) {
            stopChild(kafka.process(), Duration.ofSeconds(30));
        }
        if (mongo != null) {
            long start = System.nanoTime();
            mongo.close();
            out.printf("  %-20s stopped in %4.1f s%n", "mongodb", seconds(start));
        }
        pidFile.delete();
        List<Integer> busy = options.portsToOpen().stream().map(Options.PortUse::port)
                .filter(port -> !Ports.awaitFree(port, Duration.ofSeconds(10))).toList();
        if (busy.isEmpty()) {
            out.println("Everything stopped; no port left bound.");
        } else {
            out.println("Everything Chunfeng started has stopped, but these ports are still in use: " + busy);
        }
    }

    private void stopChild(ChildProcess child, Duration grace) {
        long start = System.nanoTime();
        boolean clean = child.stop(grace);
        String how = clean ? "stopped" : "killed after " + grace.toSeconds() + " s grace";
        synchronized (out) {
            out.printf("  %-20s %s in %4.1f s%n", child.name(), how, seconds(start));
        }
    }

    /**
     * Records something that was started, unless the stack is already stopping (Ctrl-C while starting): then it is
     * undone at once, so nothing started after the stop is left running.
     */
    private synchronized void register(Runnable record, Runnable undo) {
        if (stopping) {
            undo.run();
            throw new IllegalStateException("stopping");
        }
        record.run();
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("launcher", ProcessHandle.current().pid());
        if (kafka != null) {
            pids.put("kafka", kafka.process().pid());
        }
        running.forEach((app, child) -> pids.put(app.name(), child.pid()));
        pidFile.write(pids);
    }

    private Path freshLog(String name) {
        Path log = logs.resolve(name + ".log");
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot replace the log " + log + ": " + e.getMessage(), e);
        }
        return log;
    }

    private static List<String> javaOptions(String variable, List<String> defaults) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? defaults : List.of(value.trim().split("\\s+"));
    }

    /** Hides a password in a connection string before it is printed. */
    static String redact(String uri) {
        return uri.replaceAll("://([^:@/]+):[^@/]*@", "://$1:****@");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
