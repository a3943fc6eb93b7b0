package org.chunfeng.gateway.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every answer names its trace: {@code X-Request-Id} is the trace id, which the services log with every line and
 * carry into their events, and {@code traceparent} (W3C) is the gateway's span. A user quoting the id from an error
 * lets an operator find the whole story across services.
 */
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan).orElse(null);
        if (span != null) {
            String traceId = span.context().traceId();
            String parent = "00-" + traceId + "-" + span.context().spanId() + "-"
                    + (Boolean.TRUE.equals(span.context().sampled()) ? "01" : "00");
            exchange.getResponse().beforeCommit(() -> {
                exchange.getResponse().getHeaders().set(REQUEST_ID, traceId);
                exchange.getResponse().getHeaders().set("traceparent", parent);
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
