package org.chunfeng.devstack.launcher;

import java.util.List;

/** How an application's JVM is started: the command that comes before the application's own arguments. */
public interface AppRunner {

    /** Throws {@link IllegalStateException}, with a message for the person at the terminal, if the app cannot run. */
    void check(App app);

    List<String> command(App app);
}
