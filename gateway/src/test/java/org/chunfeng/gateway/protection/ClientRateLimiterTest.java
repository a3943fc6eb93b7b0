package org.chunfeng.gateway.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.chunfeng.gateway.protection.ProtectionProperties.RatePlan;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    private final ClientRateLimiter limiter = new ClientRateLimiter(Map.of(
            ClientRateLimiter.SIGN_IN, new RatePlan(3, 3, Duration.ofMinutes(1))));

    @Test
    void aClientGetsItsBurstThenAWaitInWholeSeconds() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryConsume(ClientRateLimiter.SIGN_IN, "address:10.0.0.1").isAllowed()).isTrue();
        }
        var refused = limiter.tryConsume(ClientRateLimiter.SIGN_IN, "address:10.0.0.1");

        assertThat(refused.isAllowed()).isFalse();
        assertThat(Long.parseLong(refused.getHeaders().get("Retry-After"))).isBetween(1L, 20L);
        assertThat(refused.getHeaders()).containsEntry("X-RateLimit-Remaining", "0");
    }

    @Test
    void clientsAndPlansHaveBucketsOfTheirOwn() {
        for (int i = 0; i < 3; i++) {
            limiter.tryConsume(ClientRateLimiter.SIGN_IN, "address:10.0.0.2");
        }
        assertThat(limiter.tryConsume(ClientRateLimiter.SIGN_IN, "address:10.0.0.3").isAllowed()).isTrue();
        assertThat(limiter.tryConsume(ClientRateLimiter.DEFAULT, "address:10.0.0.2").isAllowed()).isTrue();
        assertThat(limiter.getConfig()).containsKeys(ClientRateLimiter.DEFAULT, ClientRateLimiter.SIGN_IN,
                ClientRateLimiter.SELF_REGISTER);
    }
}
