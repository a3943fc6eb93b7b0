package org.chunfeng.devstack.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs each application from the fat jar its module builds: {@code <module>/target/<module>.jar}. */
public final class JarRunner implements AppRunner {

    /**
     * Small heaps, the serial collector and the client compiler: four Spring Boot JVMs beside Kafka must start in
     * well under a minute on two cores and stay within the stack's memory budget.
     * {@code CHUNFENG_APP_JAVA_OPTS} replaces them, e.g. for load tests that want the optimising compiler.
     */
    public static final List<String> DEFAULT_JAVA_OPTIONS =
            List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Path home;
    private final List<String> javaOptions;

    public JarRunner(Path home, List<String> javaOptions) {
        this.home = home;
        this.javaOptions = List.copyOf(javaOptions);
    }

    /** The options from {@code CHUNFENG_APP_JAVA_OPTS} when it is set, otherwise the defaults. */
    public static List<String> javaOptionsFromEnvironment() {
        String fromEnvironment = System.getenv("CHUNFENG_APP_JAVA_OPTS");
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            return DEFAULT_JAVA_OPTIONS;
        }
        return Arrays.asList(fromEnvironment.trim().split("\\s+"));
    }

    public Path jar(App app) {
        return home.resolve(app.name()).resolve("target").resolve(app.name() + ".jar");
    }

    @Override
    public void check(App app) {
        if (!Files.isRegularFile(jar(app))) {
            throw new IllegalStateException(app.name() + " is not built: " + jar(app) + " is missing.\n"
                    + "Run ./chunfeng up without --no-build, or build it with ./mvnw -DskipTests install.");
        }
    }

    @Override
    public List<String> command(App app) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar(app).toString()));
        return command;
    }
}
