package org.chunfeng.gateway.protection;

import java.net.InetSocketAddress;
import org.chunfeng.gateway.error.ProblemResponses;
import org.chunfeng.gateway.error.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits each client: a signed-in caller by the token's subject, anyone else by address. Sign-in and
 * self-registration have stricter plans of their own, always by address, against password guessing and form
 * flooding. Runs after the token check, so it knows who is calling; covers the gateway's own endpoints as well as
 * the routes. A refused request gets 429 problem+json with {@code Retry-After}.
 */
public class RateLimitFilter implements WebFilter, Ordered {

    public static final int ORDER = -50;

    private final ClientRateLimiter limiter;
    private final ProblemResponses problems;

    public RateLimitFilter(ClientRateLimiter limiter, ProblemResponses problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().value();
        if (path.startsWith("/actuator/")) {
            return chain.filter(exchange);
        }
        String strictPlan = strictPlan(request.getMethod(), path);
        Mono<String> client = strictPlan != null ? Mono.just(address(request))
                : ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                        .map(authentication -> "subject:" + authentication.getName())
                        .defaultIfEmpty(address(request));
        String plan = strictPlan != null ? strictPlan : ClientRateLimiter.DEFAULT;
        return client.flatMap(key -> {
            var answer = limiter.tryConsume(plan, key);
            if (answer.isAllowed()) {
                return chain.filter(exchange);
            }
            String retryAfter = answer.getHeaders().get("Retry-After");
            exchange.getResponse().getHeaders().set("Retry-After", retryAfter);
            return problems.write(exchange, Problems.rateLimited(Long.parseLong(retryAfter)));
        });
    }

    private static String strictPlan(HttpMethod method, String path) {
        if (!HttpMethod.POST.equals(method)) {
            return null;
        }
        return switch (path) {
            case "/api/auth/token", "/api/auth/worker", "/api/auth/refresh" -> ClientRateLimiter.SIGN_IN;
            case "/api/workers/self-register" -> ClientRateLimiter.SELF_REGISTER;
            default -> null;
        };
    }

    private static String address(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "address:unknown";
        }
        return "address:" + (remote.getAddress() != null ? remote.getAddress().getHostAddress()
                : remote.getHostString());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
