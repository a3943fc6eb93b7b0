package org.chunfeng.devstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chunfeng.devstack.launcher.FakeApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path dir;

    /** What a launcher killed with SIGKILL leaves behind: nothing, thanks to the parent-death signal. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aChildEndsWhenTheLauncherIsKilledOutright() throws Exception {
        int port = Ports.anyFree();
        Process launcher = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                StartsAFakeApp.class.getName(), String.valueOf(port), dir.resolve("fake.log").toString())
                .redirectErrorStream(true).start();
        long childPid;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            childPid = Long.parseLong(lines.readLine().trim());
        }
        ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();

        launcher.destroyForcibly().waitFor();

        child.onExit().get(30, TimeUnit.SECONDS);
        assertThat(child.isAlive()).isFalse();
        assertThat(Ports.awaitFree(port, Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void stopEndsTheProcessAndTailShowsItsLastLines() throws Exception {
        int port = Ports.anyFree();
        Path log = dir.resolve("fake.log");
        ChildProcess child = ChildProcess.start("fake", fakeApp(port), log);
        awaitListening(port, child);

        assertThat(child.stop(Duration.ofSeconds(20))).isTrue();

        assertThat(child.isAlive()).isFalse();
        assertThat(child.tail(5)).anyMatch(line -> line.contains("Fake app listening on " + port));
        assertThat(Ports.awaitFree(port, Duration.ofSeconds(10))).isTrue();
    }

    static void awaitListening(int port, ChildProcess child) throws InterruptedException {
        while (!Ports.accepts("127.0.0.1", port, Duration.ofMillis(200)) && child.isAlive()) {
            Thread.sleep(50);
        }
    }

    static List<String> fakeApp(int port) {
        return List.of(javaCommand(), "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                FakeApp.class.getName(), "--server.port=" + port);
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Plays the launcher: starts a fake app as its child, prints the child's pid, then waits to be killed. */
    public static final class StartsAFakeApp {
        public static void main(String[] args) throws Exception {
            int port = Integer.parseInt(args[0]);
            ChildProcess child = ChildProcess.start("fake", fakeApp(port), Path.of(args[1]));
            awaitListening(port, child);
            System.out.println(child.pid());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
