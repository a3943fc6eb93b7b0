package org.chunfeng.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.chunfeng.gateway.error.RequestTooLargeException;
import org.chunfeng.gateway.protection.ProtectionProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.route.builder.UriSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The routes: each service's API paths and its OpenAPI document, each behind that service's circuit breaker. While
 * a service is down its breaker answers at once with 503 problem+json naming it (see {@link FallbackController}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceUrls.class)
public class RoutesConfiguration {

    @Bean
    RouteLocator chunfengRoutes(RouteLocatorBuilder builder, ServiceUrls urls, JsonMapper json) {
        ApiDocsRewrite apiDocs = new ApiDocsRewrite(json);
        return builder.routes()
                .route("employment", r -> r.path("/api/workers/**", "/api/monitoring/**", "/api/households/**",
                                "/api/collection-points/**", "/api/places")
                        .filters(f -> guarded(f, "employment")).uri(urls.employmentUrl()))
                .route("jobs", r -> r.path("/api/employers/**", "/api/jobs/**", "/api/matching/**")
                        .filters(f -> guarded(f, "jobs")).uri(urls.jobsUrl()))
                .route("transport", r -> r.path("/api/vehicles/**", "/api/trips/**", "/api/subsidies/**",
                                "/api/riders/**", "/api/travel-dates", "/api/travel-dates/**")
                        .filters(f -> guarded(f, "transport")).uri(urls.transportUrl()))
                .route("employment-api-docs", r -> r.path("/v3/api-docs/employment")
                        .filters(f -> docs(f, "employment", apiDocs)).uri(urls.employmentUrl()))
                .route("jobs-api-docs", r -> r.path("/v3/api-docs/jobs")
                        .filters(f -> docs(f, "jobs", apiDocs)).uri(urls.jobsUrl()))
                .route("transport-api-docs", r -> r.path("/v3/api-docs/transport")
                        .filters(f -> docs(f, "transport", apiDocs)).uri(urls.transportUrl()))
                .build();
    }

    private static UriSpec guarded(GatewayFilterSpec filters, String service) {
        return filters.circuitBreaker(breaker -> breaker.setName(service)
                .setFallbackUri("forward:" + FallbackController.PATH + service));
    }

    private static UriSpec docs(GatewayFilterSpec filters, String service, ApiDocsRewrite rewrite) {
        // The document's servers would name the service's own address; Swagger UI must call through the gateway.
        return guarded(filters.setPath("/v3/api-docs").modifyResponseBody(String.class, String.class, rewrite),
                service);
    }

    @Bean
    static KeepAliveWorkaround keepAliveWorkaround() {
        return new KeepAliveWorkaround();
    }

    /**
     * One breaker per service: it opens when half of the recent calls failed to get an answer at all (refused
     * connection, timeout), and after {@code open-for} lets a few calls through to see whether the service is back.
     * Answers of any status, 5xx included, count as answers: a service's own error is not an outage.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(ProtectionProperties properties) {
        ProtectionProperties.Breaker breaker = properties.circuitBreaker();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(breaker.window())
                        .minimumNumberOfCalls(breaker.minimumCalls())
                        .failureRateThreshold(breaker.failureRate())
                        .waitDurationInOpenState(breaker.openFor())
                        .permittedNumberOfCallsInHalfOpenState(2)
                        .automaticTransitionFromOpenToHalfOpenEnabled(true)
                        .ignoreExceptions(RequestTooLargeException.class)
                        .build())
                // A little longer than the HTTP client's response timeout, which answers a slow service first.
                .timeLimiterConfig(TimeLimiterConfig.custom()
                        .timeoutDuration(properties.responseTimeout().plusSeconds(1)).build())
                .build());
    }
}
