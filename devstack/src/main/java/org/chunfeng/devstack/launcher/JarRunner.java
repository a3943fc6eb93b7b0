package org.chunfeng.devstack.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.chunfeng.devstack.infra.ChildProcess;

/**
 * Runs each application from the fat jar its module builds ({@code <module>/target/<module>.jar}), unpacked into
 * {@code <module>/target/run/<build>/}: a plain classpath starts faster than jars nested in a jar, and it allows a
 * class-data-sharing archive. The first run after a build lists the classes each application loads and builds the
 * archive from that list in the background; later runs map it and start about a third faster. A new build replaces
 * both.
 */
public final class JarRunner implements AppRunner {

    /**
     * Small heaps, the serial collector and the client compiler: four Spring Boot JVMs beside Kafka must start in
     * well under a minute on two cores and stay within the stack's memory budget. For the same reason jobs-service
     * skips its start-up warm-up of the batch (three generated batches of 10,000 workers, seconds of both cores, for a
     * compiler that stops at its first tier and demo campaigns of a few thousand workers).
     * {@code CHUNFENG_APP_JAVA_OPTS} replaces them, e.g. for load tests that want the optimising compiler.
     */
    public static final List<String> DEFAULT_JAVA_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Dchunfeng.matching.warm-up-batches=0");

    private static final String ARCHIVE = "app.jsa";
    private static final List<String> NICE = Files.isExecutable(Path.of("/usr/bin/nice"))
            ? List.of("/usr/bin/nice", "-n", "10") : List.of();
    private static final String STAMP = "unpacked-from";

    private final Path home;
    private final List<String> javaOptions;
    private ChildProcess archiving;
    private boolean closed;

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

    Path jar(App app) {
        return home.resolve(app.name()).resolve("target").resolve(app.name() + ".jar");
    }

    private Path target(App app) {
        return home.resolve(app.name()).resolve("target");
    }

    /**
     * One folder per build of the jar: unpacking a new build then never pulls the files from under an application
     * still running from the previous one (another launcher's, say).
     */
    Path runDir(App app) {
        return target(app).resolve("run").resolve(stamp(app));
    }

    private Path unpackLog(App app) {
        return target(app).resolve("unpack.log");
    }

    @Override
    public void prepare(List<App> apps, PrintStream out) {
        List<String> missing = apps.stream().filter(app -> !Files.isRegularFile(jar(app)))
                .map(app -> "  " + jar(app)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Not built yet:\n" + String.join("\n", missing) + "\n"
                    + "Run ./chunfeng up without --no-build, or build them with ./mvnw -DskipTests install.");
        }
        List<App> stale = apps.stream().filter(app -> !unpackedFrom(app).equals(stamp(app))).toList();
        if (stale.isEmpty()) {
            return;
        }
        out.println("Unpacking " + stale.size() + " application jar(s) after a build...");
        List<Thread> unpacking = stale.stream().map(app -> new Thread(() -> unpack(app), "unpack-" + app.name()))
                .toList();
        unpacking.forEach(Thread::start);
        for (Thread thread : unpacking) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while unpacking the application jars", e);
            }
        }
        List<String> failed = stale.stream().filter(app -> !unpackedFrom(app).equals(stamp(app)))
                .map(app -> "  " + app.name() + ": see " + unpackLog(app)).toList();
        if (!failed.isEmpty()) {
            throw new IllegalStateException("Could not unpack the application jars:\n" + String.join("\n", failed));
        }
    }

    /**
     * Spring Boot's own tools jar mode lays the jar out as the application jar plus lib/. Another launcher (the
     * end-to-end tests use one) may be at the same module: the lock keeps them from unpacking over each other.
     */
    private void unpack(App app) {
        Path dir = runDir(app);
        try (FileChannel lockFile = FileChannel.open(lockFile(app), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            if (unpackedFrom(app).equals(stamp(app))) {
                return;
            }
            deleteRecursively(dir);
            List<String> command = List.of(java(), "-Djarmode=tools", "-jar", jar(app).toString(),
                    "extract", "--destination", dir.toString());
            Path log = unpackLog(app);
            Files.deleteIfExists(log);
            if (ChildProcess.run("unpack " + app.name(), command, log, Duration.ofMinutes(2)) == 0) {
                Files.writeString(dir.resolve(STAMP), stamp(app));
                removeOlderBuilds(app);
            }
        } catch (IOException | RuntimeException e) {
            // reported by prepare, which finds no stamp
        }
    }

    private Path lockFile(App app) {
        return target(app).resolve("run.lock");
    }

    /** Keeps the folder of the previous build too, for a stack that may still be running from it. */
    private void removeOlderBuilds(App app) throws IOException {
        try (Stream<Path> builds = Files.list(target(app).resolve("run"))) {
            List<Path> older = builds.filter(dir -> !dir.equals(runDir(app)))
                    .sorted(Comparator.comparing((Path dir) -> dir.toFile().lastModified()).reversed()).toList();
            for (Path dir : older.subList(Math.min(1, older.size()), older.size())) {
                deleteRecursively(dir);
            }
        }
    }

    @Override
    public List<String> command(App app) {
        Path dir = runDir(app);
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(javaOptions);
        command.add(Files.isRegularFile(dir.resolve(ARCHIVE))
                ? "-XX:SharedArchiveFile=" + dir.resolve(ARCHIVE)
                : "-XX:DumpLoadedClassList=" + classList(app));
        // The archive's own warnings (classes it cannot take) would only clutter the application's log.
        command.add("-Xlog:cds=off");
        command.addAll(List.of("-jar", dir.resolve(app.name() + ".jar").toString()));
        return command;
    }

    /**
     * Builds the archive of each application that ran without one, from the classes it loaded while starting, one
     * at a time in a low-priority JVM of its own. Neither a dump inside the running application (jcmd, or at exit)
     * would do: the first leaves it some 250 MB larger, the second makes the first stop after a build take up to a
     * minute on a busy machine.
     */
    @Override
    public void allHealthy(Map<App, Long> pids, PrintStream out) {
        List<App> unarchived = pids.keySet().stream()
                .filter(app -> !Files.isRegularFile(runDir(app).resolve(ARCHIVE))
                        && Files.isRegularFile(classList(app)))
                .toList();
        if (unarchived.isEmpty()) {
            return;
        }
        out.println("Building class-data archives in the background (once after a build), so the next start is"
                + " faster.");
        Thread builder = new Thread(() -> {
            int built = 0;
            for (App app : unarchived) {
                if (buildArchive(app)) {
                    built++;
                }
            }
            if (built > 0) {
                out.println("Class-data archives built for " + built + " application(s): the next start will be"
                        + " faster.");
            }
        }, "build-class-data-archives");
        builder.setDaemon(true);
        builder.start();
    }

    private boolean buildArchive(App app) {
        Path dir = runDir(app);
        Path building = dir.resolve(ARCHIVE + "." + ProcessHandle.current().pid());
        try (FileChannel lockFile = FileChannel.open(lockFile(app), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.tryLock()) {
            if (lock == null || Files.isRegularFile(dir.resolve(ARCHIVE))) {
                return false; // another launcher is building it, or has built it
            }
            // The application keeps adding classes to its list; the archive takes those it had when it was ready.
            Path ready = dir.resolve("classes." + ProcessHandle.current().pid() + ".ready");
            Files.copy(classList(app), ready, StandardCopyOption.REPLACE_EXISTING);
            List<String> command = new ArrayList<>(NICE);
            command.addAll(List.of(java(), "-Xshare:dump", "-XX:+UseSerialGC", "-Xmx256m",
                    "-XX:TieredStopAtLevel=1", "-XX:SharedClassListFile=" + ready,
                    "-XX:SharedArchiveFile=" + building, "-cp", dir.resolve(app.name() + ".jar").toString()));
            Path log = target(app).resolve("archive.log");
            Files.deleteIfExists(log);
            ChildProcess dump;
            synchronized (this) {
                if (closed) {
                    return false;
                }
                dump = ChildProcess.start("archive " + app.name(), command, log);
                archiving = dump;
            }
            int exit = dump.onExit().join().exitCode();
            Files.deleteIfExists(ready);
            if (exit == 0 && Files.isRegularFile(building)) {
                Files.move(building, dir.resolve(ARCHIVE), StandardCopyOption.ATOMIC_MOVE);
                try (Stream<Path> lists = Files.list(dir)) {
                    for (Path list : lists.filter(f -> f.getFileName().toString().endsWith(".lst")).toList()) {
                        Files.deleteIfExists(list); // no longer needed, by this launcher or another
                    }
                }
                return true;
            }
        } catch (IOException | RuntimeException e) {
            // Without an archive the next start is just slower.
        }
        try {
            Files.deleteIfExists(building);
        } catch (IOException e) {
            // left in target/, which the next build's unpacking clears
        }
        return false;
    }

    /** Each launcher lists classes in its own file: two stacks may run from the same modules at once. */
    private Path classList(App app) {
        return runDir(app).resolve("classes." + ProcessHandle.current().pid() + ".lst");
    }

    /** The stack is stopping: an archive still being built is abandoned (the next run starts over). */
    @Override
    public synchronized void stopping() {
        closed = true;
        if (archiving != null) {
            archiving.stop(Duration.ofSeconds(5));
        }
    }

    private String unpackedFrom(App app) {
        try {
            return Files.readString(runDir(app).resolve(STAMP));
        } catch (IOException e) {
            return "";
        }
    }

    private String stamp(App app) {
        try {
            return Files.size(jar(app)) + "-" + Files.getLastModifiedTime(jar(app)).toMillis();
        } catch (IOException e) {
            return "missing";
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
