package org.chunfeng.devstack.launcher;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Runs {@link FakeApp} in place of the applications' jars; the apps named in {@code failing} exit at once. */
final class FakeRunner implements AppRunner {

    private final Set<String> failing;

    FakeRunner(Set<String> failing) {
        this.failing = failing;
    }

    @Override
    public void prepare(List<App> apps, PrintStream out) {
    }

    @Override
    public List<String> command(App app) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", testClasses(), FakeApp.class.getName()));
        if (failing.contains(app.name())) {
            command.add("--fake.exit=3");
        }
        return command;
    }

    static String testClasses() {
        try {
            return Path.of(FakeApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
