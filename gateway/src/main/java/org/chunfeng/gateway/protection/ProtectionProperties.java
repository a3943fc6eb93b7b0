package org.chunfeng.gateway.protection;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How the gateway protects the services and itself ({@code chunfeng.gateway.*}).
 *
 * @param rateLimits token buckets per client, by plan: {@code default}, {@code sign-in}, {@code self-register}
 * @param bodyLimit the largest request body on ordinary paths
 * @param uploadLimit the largest request body on {@code uploadPaths} (spreadsheet imports)
 * @param corsAllowedOrigins origins a browser may call the API from; empty (the default) closes CORS
 * @param responseTimeout how long to wait for a service's answer (also Gateway's HTTP client response timeout)
 * @param circuitBreaker when a service counts as down, and for how long it is left alone
 */
@ConfigurationProperties("chunfeng.gateway")
public record ProtectionProperties(Map<String, RatePlan> rateLimits, DataSize bodyLimit, DataSize uploadLimit,
        List<String> uploadPaths, List<String> corsAllowedOrigins, Duration responseTimeout,
        Breaker circuitBreaker) {

    public ProtectionProperties {
        rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
        bodyLimit = bodyLimit == null ? DataSize.ofMegabytes(1) : bodyLimit;
        uploadLimit = uploadLimit == null ? DataSize.ofMegabytes(50) : uploadLimit;
        uploadPaths = uploadPaths == null ? List.of("/api/*/import") : List.copyOf(uploadPaths);
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(30) : responseTimeout;
        circuitBreaker = circuitBreaker == null ? new Breaker(0, 0, 0, null) : circuitBreaker;
    }

    /**
     * A token bucket: up to {@code capacity} requests at once, refilled with {@code tokens} every {@code period}.
     */
    public record RatePlan(long capacity, long tokens, Duration period) {

        public RatePlan {
            if (capacity <= 0 || tokens <= 0 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("A rate plan needs a positive capacity, tokens and period");
            }
        }
    }

    /**
     * @param failureRate percentage of failed calls that opens the breaker
     * @param minimumCalls calls seen before the rate counts
     * @param window the number of recent calls the rate is taken over
     * @param openFor how long an open breaker answers 503 at once before it lets a few calls through again
     */
    public record Breaker(int failureRate, int minimumCalls, int window, Duration openFor) {

        public Breaker {
            failureRate = failureRate <= 0 ? 50 : failureRate;
            minimumCalls = minimumCalls <= 0 ? 5 : minimumCalls;
            window = window <= 0 ? 20 : window;
            openFor = openFor == null ? Duration.ofSeconds(10) : openFor;
        }
    }
}
