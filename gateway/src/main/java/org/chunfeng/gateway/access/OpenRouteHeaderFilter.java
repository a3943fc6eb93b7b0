package org.chunfeng.gateway.access;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * On open routes (self-registration, API documents) the gateway ignored any token, so it does not pass one on either:
 * a stale token left in a browser would make the service refuse a call that needs none.
 */
public class OpenRouteHeaderFilter implements GlobalFilter, Ordered {

    private final AccessPolicy policy;

    public OpenRouteHeaderFilter(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        var request = exchange.getRequest();
        if (request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                && policy.isOpen(request.getMethod(), request.getPath().value())) {
            return chain.filter(exchange.mutate()
                    .request(request.mutate().headers(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build())
                    .build());
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
