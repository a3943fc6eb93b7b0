package org.chunfeng.devstack.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The processes of a running stack ({@code <data>/running.properties}: component = pid), so that
 * {@code ./chunfeng status} can show what each one costs in memory. Removed when the stack stops.
 */
final class PidFile {

    private final Path file;

    PidFile(Path dataDir) {
        this.file = dataDir.resolve("running.properties");
    }

    void write(Map<String, Long> pids) {
        Properties properties = new Properties();
        pids.forEach((name, pid) -> properties.setProperty(name, String.valueOf(pid)));
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, "Processes of the running Chunfeng stack");
        } catch (IOException e) {
            // Only status output depends on this file; the stack runs fine without it.
        }
    }

    Map<String, Long> read() {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return pids;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            return pids;
        }
        properties.stringPropertyNames().forEach(name -> {
            try {
                pids.put(name, Long.parseLong(properties.getProperty(name).trim()));
            } catch (NumberFormatException ignored) {
                // a hand-edited line; skip it
            }
        });
        return pids;
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // stale entries are checked against live processes when read
        }
    }

    /** Resident memory of a live process in MB, from /proc on Linux; -1 where that is not available. */
    static long residentMegabytes(long pid) {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
