package org.chunfeng.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarRunnerTest {

    @TempDir
    Path home;

    private final List<App> apps = App.all(Options.parse(List.of("up"), Path.of("/unused")));
    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void namesEveryJarThatIsNotBuilt() throws Exception {
        JarRunner runner = new JarRunner(home, JarRunner.DEFAULT_JAVA_OPTIONS);
        Files.createDirectories(runner.jar(apps.get(0)).getParent());
        Files.writeString(runner.jar(apps.get(0)), "built");

        assertThatThrownBy(() -> runner.prepare(apps, out))
                .hasMessageContaining("Not built yet")
                .hasMessageNotContaining("employment-service.jar")
                .hasMessageContaining(home.resolve("gateway/target/gateway.jar").toString())
                .hasMessageContaining("./chunfeng up without --no-build");
    }

    @Test
    void listsTheClassesAnApplicationLoadsUntilItHasAnArchiveThenMapsIt() throws Exception {
        JarRunner runner = new JarRunner(home, List.of("-Xmx256m"));
        App jobs = apps.get(1);
        Path run = runner.runDir(jobs);
        Files.createDirectories(run);

        assertThat(runner.command(jobs)).contains("-Xmx256m", "-XX:DumpLoadedClassList=" + run.resolve("classes." + ProcessHandle.current().pid() + ".lst"))
                .endsWith("-jar", run.resolve("jobs-service.jar").toString());

        Files.writeString(run.resolve("app.jsa"), "archive");

        assertThat(runner.command(jobs)).contains("-XX:SharedArchiveFile=" + run.resolve("app.jsa"))
                .noneMatch(option -> option.startsWith("-XX:DumpLoadedClassList"));
    }
}
