package org.chunfeng.devstack.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A program run as its own process, its output going to a log file.
 *
 * <p>On Linux every child gets its own session, so Ctrl-C in the terminal reaches only the launcher, which then
 * stops the children in order (apps before Kafka before Mongo) instead of all of them at once. Each child also gets
 * a parent-death signal (SIGTERM), so even a launcher killed with SIGKILL leaves no process behind.
 */
public final class ChildProcess {

    /**
     * The parent-death signal fires when the <em>thread</em> that started the child ends, not the process: every
     * child is therefore started from this one thread, which lives as long as the JVM.
     */
    private static final ExecutorService SPAWNER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "chunfeng-spawner");
        thread.setDaemon(true);
        return thread;
    });

    private static final List<String> WRAPPER = wrapper();

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts the command with stdout and stderr appended to the log file, in the current directory. */
    public static ChildProcess start(String name, List<String> command, Path log) {
        return start(name, command, log, null, Map.of());
    }

    /**
     * Starts the command in the given working directory, with these variables added to its environment (where
     * secrets go: unlike arguments, they are not visible to other users), stdout and stderr appended to the log.
     */
    public static ChildProcess start(String name, List<String> command, Path log, Path directory,
            Map<String, String> environment) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the folder for " + log, e);
        }
        List<String> full = new ArrayList<>(WRAPPER);
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .directory(directory == null ? null : directory.toFile());
        builder.environment().putAll(environment);
        try {
            Process process = SPAWNER.submit(builder::start).get();
            return new ChildProcess(name, process, log);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot start " + name + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting " + name, e);
        }
    }

    /** Runs the command to its end, its output appended to the log; returns its exit code. */
    public static int run(String name, List<String> command, Path log, Duration timeout) {
        ChildProcess child = start(name, command, log);
        try {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.stop(Duration.ofSeconds(5));
                throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s");
            }
            return child.process.exitValue();
        } catch (InterruptedException e) {
            child.stop(Duration.ZERO);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitCode() {
        return process.exitValue();
    }

    public CompletableFuture<ChildProcess> onExit() {
        return process.onExit().thenApply(p -> this);
    }

    /**
     * Asks the process to stop (SIGTERM) and waits up to the grace period; then kills it and anything it started.
     * Returns true if it stopped within the grace period.
     */
    public boolean stop(Duration grace) {
        if (!process.isAlive()) {
            return true;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        boolean clean = waitFor(grace);
        if (!clean) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return clean;
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The last lines of the log, for a message when something went wrong. */
    public List<String> tail(int lines) {
        return tail(log, lines);
    }

    public static List<String> tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            long from = Math.max(0, size - 64 * 1024);
            byte[] bytes = new byte[(int) (size - from)];
            in.seek(from);
            in.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n"));
            return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
    }

    /** setsid and setpriv come with util-linux; where they are missing, children run without these guards. */
    private static List<String> wrapper() {
        List<String> wrapper = new ArrayList<>();
        if (works("setsid", "true")) {
            wrapper.add("setsid");
        }
        if (works("setpriv", "--pdeathsig", "TERM", "true")) {
            wrapper.addAll(List.of("setpriv", "--pdeathsig", "TERM"));
        }
        return List.copyOf(wrapper);
    }

    private static boolean works(String... command) {
        try {
            Process probe = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
