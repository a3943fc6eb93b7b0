package org.chunfeng.devstack.launcher;

import java.nio.file.Path;
import java.util.List;
import org.chunfeng.devstack.infra.ChildProcess;

/**
 * The one command behind {@code ./chunfeng}: {@code up} starts the whole stack and keeps it running until Ctrl-C or
 * SIGTERM, {@code status} shows what is running. The script builds what is missing and puts this class on a
 * classpath; {@code -Dchunfeng.home} names the repository folder.
 */
public final class Chunfeng {

    private Chunfeng() {
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("chunfeng.home", ".")).toAbsolutePath().normalize();
        Options options;
        try {
            options = Options.parse(List.of(args), home);
        } catch (Options.Invalid e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.command().equals("status")) {
            System.exit(new Status(options, System.out).print() ? 0 : 3);
        }
        System.exit(up(options, new JarRunner(home, JarRunner.javaOptionsFromEnvironment())));
    }

    /** Runs the stack until it is stopped; returns the exit code. */
    static int up(Options options, AppRunner runner) {
        // The launcher's own log (Kafka admin client, MongoDB server) goes to a file, not over the progress lines.
        System.setProperty("chunfeng.logs", options.dataDir().resolve("logs").toString());
        System.setProperty("log4j2.configurationFile", "org/chunfeng/devstack/launcher/launcher-log4j2.properties");
        Stack stack = new Stack(options, runner, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "chunfeng-stop"));
        try {
            stack.start();
        } catch (Stack.Failure e) {
            System.out.println(e.getMessage());
            return 1;
        }
        ChildProcess ended = stack.awaitUnexpectedExit();
        if (ended == null) {
            // Stopping on request: the shutdown hook finishes the job and the JVM exits with the signal's status.
            return 0;
        }
        stack.stop();
        return 1;
    }
}
