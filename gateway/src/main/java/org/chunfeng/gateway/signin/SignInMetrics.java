package org.chunfeng.gateway.signin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code chunfeng_signins_total{kind, outcome}}: staff, worker and refresh sign-ins that succeeded or failed. */
public class SignInMetrics {

    public enum Kind { STAFF, WORKER, REFRESH }

    public enum Outcome { SUCCESS, FAILURE, UNAVAILABLE }

    private final MeterRegistry registry;

    public SignInMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Kind kind : Kind.values()) {
            for (Outcome outcome : Outcome.values()) {
                counter(kind, outcome);
            }
        }
    }

    public void record(Kind kind, Outcome outcome) {
        counter(kind, outcome).increment();
    }

    private Counter counter(Kind kind, Outcome outcome) {
        return Counter.builder("chunfeng.signins").description("Sign-ins by kind and outcome")
                .tag("kind", kind.name().toLowerCase()).tag("outcome", outcome.name().toLowerCase())
                .register(registry);
    }
}
