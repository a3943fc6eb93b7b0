package org.chunfeng.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.chunfeng.devstack.infra.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void startsEverythingInOrderThenStopsEveryChildAndLeavesNoPortBound() {
        Options options = options();
        Stack stack = stack(options, Set.of());

        StackAddresses addresses = stack.start();
        Collection<Long> pids = new PidFile(dataDir).read().values();
        stack.stop();

        assertThat(addresses.kafkaBootstrap()).isEqualTo("127.0.0.1:" + options.kafkaPort());
        assertThat(addresses.mongoUri("jobs")).isEqualTo("mongodb://127.0.0.1:" + options.mongoPort() + "/jobs");
        assertThat(output()).containsSubsequence("mongodb", "healthy", "kafka", "healthy", "Chunfeng is up",
                "Stopping Chunfeng", "Everything stopped; no port left bound.");
        for (App app : App.all(options)) {
            assertThat(output()).contains(app.name() + " ").contains(app.url());
            assertThat(Files.exists(dataDir.resolve("logs").resolve(app.name() + ".log"))).isTrue();
        }
        assertThat(pids).hasSize(6); // the launcher, Kafka and four applications
        assertStopped(pids);
        assertPortsFree(options);
        assertThat(new PidFile(dataDir).read()).isEmpty();
    }

    @Test
    void anApplicationThatCannotStartStopsTheRestAndShowsItsLog() {
        Options options = options();
        Stack stack = stack(options, Set.of("jobs-service"));
        List<Long> pids = new ArrayList<>();

        assertThatThrownBy(() -> {
            try {
                stack.start();
            } finally {
                pids.addAll(new PidFile(dataDir).read().values());
            }
        }).isInstanceOf(Stack.Failure.class).hasMessageContaining("jobs-service exited with code 3 while starting");

        assertThat(output()).contains("FAILED: jobs-service exited with code 3 while starting",
                "| Application run failed: cannot reach the database", "Everything stopped; no port left bound.");
        pids.remove(ProcessHandle.current().pid());
        assertStopped(pids);
        assertPortsFree(options);
    }

    @Test
    void aPortInUseIsNamedWithTheOptionThatMovesItAndNothingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Options options = options("--gateway-port=" + taken.getLocalPort());
            Stack stack = stack(options, Set.of());

            assertThatThrownBy(stack::start).isInstanceOf(Stack.Failure.class)
                    .hasMessageContaining("nothing was started");

            assertThat(output()).contains("Port " + taken.getLocalPort() + " is already in use, and Chunfeng needs it"
                    + " for gateway.", "--gateway-port=<port>");
            assertThat(new PidFile(dataDir).read()).isEmpty();
            assertThat(Files.exists(dataDir.resolve("kafka"))).isFalse();
        }
    }

    @Test
    void aSecondStackOnTheSameDataFolderIsToldAboutTheFirst() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Files.writeString(dataDir.resolve("running.properties"), "launcher=" + ProcessHandle.current().pid());
            Stack stack = stack(options("--gateway-port=" + taken.getLocalPort()), Set.of());

            assertThatThrownBy(stack::start).isInstanceOf(Stack.Failure.class);

            assertThat(output()).contains("Chunfeng already runs from this data folder (launcher pid "
                    + ProcessHandle.current().pid());
        }
    }

    @Test
    void freshRefusesToDeleteAFolderThatIsNotAChunfengDataFolder() throws Exception {
        Files.writeString(dataDir.resolve("thesis.txt"), "not Chunfeng's");
        Stack stack = stack(options("--fresh"), Set.of());

        assertThatThrownBy(stack::start).isInstanceOf(Stack.Failure.class);

        assertThat(output()).contains("--fresh would delete " + dataDir);
        assertThat(dataDir.resolve("thesis.txt")).exists();
    }

    private Options options(String... extra) {
        List<String> args = new ArrayList<>(List.of("up", "--data-dir=" + dataDir,
                "--kafka-port=" + Ports.anyFree(), "--mongo-port=" + Ports.anyFree(),
                "--gateway-port=" + Ports.anyFree(), "--employment-port=" + Ports.anyFree(),
                "--jobs-port=" + Ports.anyFree(), "--transport-port=" + Ports.anyFree()));
        args.addAll(List.of(extra));
        return Options.parse(args, dataDir);
    }

    private Stack stack(Options options, Set<String> failing) {
        return new Stack(options, new FakeRunner(failing), new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private static void assertStopped(Collection<Long> pids) {
        for (long pid : pids) {
            if (pid != ProcessHandle.current().pid()) {
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("process %d", pid)
                        .isIn(java.util.Optional.empty(), java.util.Optional.of(false));
            }
        }
    }

    private static void assertPortsFree(Options options) {
        for (Options.PortUse use : options.portsToOpen()) {
            assertThat(Ports.awaitFree(use.port(), Duration.ofSeconds(10))).as("port of %s", use.what()).isTrue();
        }
    }
}
