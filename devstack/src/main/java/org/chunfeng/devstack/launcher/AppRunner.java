package org.chunfeng.devstack.launcher;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** How an application's JVM is started: the command that comes before the application's own arguments. */
public interface AppRunner {

    /**
     * Gets every application ready to run, before anything starts. Throws {@link IllegalStateException}, with a
     * message for the person at the terminal, if one cannot run.
     */
    void prepare(List<App> apps, PrintStream out);

    List<String> command(App app);

    /** Told once every application is healthy, with their process ids. */
    default void allHealthy(Map<App, Long> pids, PrintStream out) {
    }

    /** The stack is stopping: end whatever the runner does in the background. */
    default void stopping() {
    }
}
