package org.chunfeng.devstack.launcher;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Loads demonstration data into a running stack, for {@code ./chunfeng up --demo}. The launcher calls it once every
 * component is healthy. None exists yet: an implementation on the launcher's classpath, named in
 * {@code META-INF/services/org.chunfeng.devstack.launcher.DemoLoader}, is all it takes to add one. A loader should
 * notice data it loaded on an earlier run (the data folder survives restarts) and not load it twice.
 */
public interface DemoLoader {

    /** One line for the terminal, as in "1,284 workers of Chengjiaji Town and 60 job postings". */
    String description();

    void load(StackAddresses stack) throws Exception;

    static Optional<DemoLoader> find() {
        return ServiceLoader.load(DemoLoader.class).findFirst();
    }
}
