package org.chunfeng.gateway.support;

import java.util.concurrent.ThreadLocalRandom;

/** Client addresses for {@code X-Forwarded-For}, so each test has rate-limit buckets of its own. */
public final class Clients {

    private Clients() {
    }

    public static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
