package org.chunfeng.gateway.protection;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.chunfeng.gateway.protection.ProtectionProperties.RatePlan;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's {@link RateLimiter} on in-memory Bucket4j token buckets, one per plan and client. Gateway's
 * own limiters keep their buckets in Redis, which Chunfeng does not run; one gateway instance needs none. The
 * "route id" of the interface is the plan's name here. Idle buckets are forgotten once they would be full again.
 */
public class ClientRateLimiter implements RateLimiter<RatePlan> {

    public static final String DEFAULT = "default";
    public static final String SIGN_IN = "sign-in";
    public static final String SELF_REGISTER = "self-register";

    private static final Map<String, RatePlan> DEFAULT_PLANS = Map.of(
            DEFAULT, new RatePlan(200, 100, Duration.ofSeconds(1)),
            SIGN_IN, new RatePlan(10, 10, Duration.ofMinutes(1)),
            SELF_REGISTER, new RatePlan(20, 20, Duration.ofMinutes(1)));

    private final Map<String, RatePlan> plans;
    private final Cache<String, Bucket> buckets;

    public ClientRateLimiter(Map<String, RatePlan> configured) {
        Map<String, RatePlan> merged = new HashMap<>(DEFAULT_PLANS);
        merged.putAll(configured);
        this.plans = Map.copyOf(merged);
        Duration longestRefill = plans.values().stream().map(ClientRateLimiter::timeToFill)
                .max(Duration::compareTo).orElseThrow();
        this.buckets = Caffeine.newBuilder().expireAfterAccess(longestRefill).maximumSize(200_000).build();
    }

    @Override
    public Mono<Response> isAllowed(String plan, String client) {
        return Mono.just(tryConsume(plan, client));
    }

    /** Takes one token from the client's bucket of this plan; never blocks. */
    public Response tryConsume(String plan, String client) {
        RatePlan rates = plans.getOrDefault(plan, plans.get(DEFAULT));
        Bucket bucket = buckets.get(plan + '|' + client, key -> newBucket(rates));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        Map<String, String> headers = new HashMap<>();
        headers.put("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            headers.put("Retry-After", Long.toString(seconds));
        }
        return new Response(probe.isConsumed(), headers);
    }

    @Override
    public Map<String, RatePlan> getConfig() {
        return plans;
    }

    @Override
    public Class<RatePlan> getConfigClass() {
        return RatePlan.class;
    }

    @Override
    public RatePlan newConfig() {
        return DEFAULT_PLANS.get(DEFAULT);
    }

    private static Bucket newBucket(RatePlan plan) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(plan.capacity())
                .refillGreedy(plan.tokens(), plan.period()).build()).build();
    }

    private static Duration timeToFill(RatePlan plan) {
        return plan.period().multipliedBy(Math.max(1, (plan.capacity() + plan.tokens() - 1) / plan.tokens()));
    }
}
