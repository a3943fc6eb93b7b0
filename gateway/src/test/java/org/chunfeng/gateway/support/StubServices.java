package org.chunfeng.gateway.support;

/** The three services' stand-ins, one set per test JVM, started on first use. */
public final class StubServices {

    public static final StubService EMPLOYMENT = new StubService("employment");
    public static final StubService JOBS = new StubService("jobs");
    public static final StubService TRANSPORT = new StubService("transport");

    static {
        EMPLOYMENT.start();
        JOBS.start();
        TRANSPORT.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            EMPLOYMENT.stop();
            JOBS.stop();
            TRANSPORT.stop();
        }, "stub-services-stop"));
    }

    private StubServices() {
    }

    public static StubService named(String name) {
        return switch (name) {
            case "employment" -> EMPLOYMENT;
            case "jobs" -> JOBS;
            case "transport" -> TRANSPORT;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
