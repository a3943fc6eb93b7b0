package org.chunfeng.gateway.protection;

import java.time.Duration;
import java.util.List;
import org.chunfeng.gateway.error.ProblemResponses;
import org.chunfeng.gateway.error.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The web app is served by the gateway itself, so browsers need no CORS; with no allowed origins configured (the
 * default) a request from any other origin is refused with 403 problem+json, preflight included. Listed origins get
 * the usual CORS answers, without credentials since tokens travel in headers.
 */
public class CorsFilter implements WebFilter, Ordered {

    public static final int ORDER = -250;

    private final CorsConfiguration configuration;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemResponses problems;

    public CorsFilter(List<String> allowedOrigins, ProblemResponses problems) {
        this.problems = problems;
        this.configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(allowedOrigins);
        configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Accept-Language",
                "X-Request-Id", "traceparent"));
        configuration.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location", "X-RateLimit-Remaining"));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(Duration.ofHours(1));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        boolean allowed = processor.process(configuration, exchange);
        if (!allowed) {
            exchange.getResponse().getHeaders().remove("Access-Control-Allow-Origin");
            return problems.write(exchange, Problems.of(HttpStatus.FORBIDDEN, "cors-rejected", "Origin not allowed",
                    "This API does not accept requests from other web sites."));
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            exchange.getResponse().setStatusCode(HttpStatus.OK);
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
