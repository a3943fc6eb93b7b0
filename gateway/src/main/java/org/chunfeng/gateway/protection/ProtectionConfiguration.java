package org.chunfeng.gateway.protection;

import org.chunfeng.gateway.access.AccessPolicy;
import org.chunfeng.gateway.access.HiddenPathFilter;
import org.chunfeng.gateway.error.ProblemResponses;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filters in front of every request, in this order: CORS (-250), body size (-200), hidden paths (-150), the
 * token check (Spring Security, -100), the rate limit (-50), then the routes and the gateway's own endpoints.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProtectionProperties.class)
public class ProtectionConfiguration {

    @Bean
    ClientRateLimiter clientRateLimiter(ProtectionProperties properties) {
        return new ClientRateLimiter(properties.rateLimits());
    }

    @Bean
    CorsFilter corsFilter(ProtectionProperties properties, ProblemResponses problems) {
        return new CorsFilter(properties.corsAllowedOrigins(), problems);
    }

    @Bean
    BodySizeLimitFilter bodySizeLimitFilter(ProtectionProperties properties, ProblemResponses problems) {
        return new BodySizeLimitFilter(properties, problems);
    }

    @Bean
    HiddenPathFilter hiddenPathFilter(AccessPolicy policy, ProblemResponses problems) {
        return new HiddenPathFilter(policy, problems);
    }

    @Bean
    RateLimitFilter rateLimitFilter(ClientRateLimiter limiter, ProblemResponses problems) {
        return new RateLimitFilter(limiter, problems);
    }
}
