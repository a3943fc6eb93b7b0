package org.chunfeng.devstack.infra;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft combined mode (one node, broker and controller), run as its own JVM from the
 * Kafka jars on the classpath. Its topics live in {@code <dir>/data}, so they survive a restart on the same folder.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Kafka needs little heap for one node; the serial collector keeps its footprint small. */
    public static final List<String> DEFAULT_JAVA_OPTIONS =
            List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static final String LOG_CONFIG = "org/chunfeng/devstack/infra/kafka-log4j2.properties";

    private final ChildProcess process;
    private final int port;

    private KafkaBroker(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the broker on 127.0.0.1:port, formatting {@code <dir>/data} first when it is new; the broker's output
     * is appended to the log. Returns once the process runs; call {@link #awaitReady} before using it.
     */
    public static KafkaBroker start(Path dir, int port, Path log) {
        return start(dir, port, log, DEFAULT_JAVA_OPTIONS, classpathForChild());
    }

    public static KafkaBroker start(Path dir, int port, Path log, List<String> javaOptions, String classpath) {
        Path data = dir.resolve("data").toAbsolutePath();
        Path config = dir.resolve("server.properties").toAbsolutePath();
        try {
            Files.createDirectories(data);
            writeConfig(config, data, port, Ports.anyFree());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare the Kafka folder " + dir, e);
        }
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.addAll(javaOptions);
        java.addAll(List.of("-Dlog4j2.configurationFile=" + LOG_CONFIG, "-cp", classpath));

        if (!Files.exists(data.resolve("meta.properties"))) {
            List<String> format = new ArrayList<>(java);
            format.addAll(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted",
                    "-t", Uuid.randomUuid().toString(), "-c", config.toString()));
            int exit = ChildProcess.run("kafka-format", format, log, Duration.ofSeconds(60));
            if (exit != 0) {
                throw new IllegalStateException("Formatting the Kafka storage in " + data + " failed (exit " + exit
                        + "); see " + log);
            }
        }
        List<String> server = new ArrayList<>(java);
        server.addAll(List.of("kafka.Kafka", config.toString()));
        return new KafkaBroker(ChildProcess.start("kafka", server, log, dir, Map.of()), port);
    }

    private static void writeConfig(Path file, Path data, int port, int controllerPort) throws IOException {
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", data.toString()),
                Map.entry("num.partitions", "6"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                // Fifty offset partitions (the default) cost start-up time and memory a single node does not need.
                Map.entry("offsets.topic.num.partitions", "6"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // The log cleaner's dedupe buffer (128 MB by default) would be the largest thing on the heap.
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024)),
                Map.entry("auto.create.topics.enable", "true")));
        try (Writer out = Files.newBufferedWriter(file)) {
            p.store(out, "Written by the Chunfeng launcher at every start; edits are overwritten");
        }
    }

    /**
     * This JVM's classpath without the logging bridges that would send the broker's log4j output elsewhere (a test
     * classpath carries Logback and the log4j-to-slf4j bridge; the broker logs through log4j-core).
     */
    public static String classpathForChild() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> {
                    String name = Path.of(entry).getFileName().toString();
                    return !name.startsWith("logback-") && !name.startsWith("log4j-to-slf4j-");
                })
                .collect(Collectors.joining(File.pathSeparator));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public ChildProcess process() {
        return process;
    }

    /** Waits until the broker answers metadata requests; fails early if its process ends. */
    public void awaitReady(Duration timeout) {
        awaitReachable(bootstrapServers(), timeout, process::isAlive);
    }

    /**
     * Waits until the brokers at the bootstrap address answer a cluster description, for this broker or an external
     * one. Throws if the timeout passes or {@code stillWorthWaiting} turns false.
     */
    public static void awaitReachable(String bootstrapServers, Duration timeout, BooleanSupplier stillWorthWaiting) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 250,
                AdminClientConfig.CLIENT_ID_CONFIG, "chunfeng-launcher");
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!stillWorthWaiting.getAsBoolean()) {
                    throw new IllegalStateException("Kafka stopped while starting");
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (notYet instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted while waiting for Kafka", notYet);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within "
                            + timeout.toSeconds() + " s");
                }
                sleep(200);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    /** Controlled shutdown (SIGTERM), killed if it takes longer than 30 s. */
    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }
}
