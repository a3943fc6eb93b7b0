package org.chunfeng.gateway.access;

import org.chunfeng.gateway.error.ProblemResponses;
import org.chunfeng.gateway.error.Problems;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers 404 for the services' server-to-server endpoints, whoever asks: from outside they do not exist. Runs before
 * the token check, so not even a valid token reveals them.
 */
public class HiddenPathFilter implements WebFilter, Ordered {

    public static final int ORDER = -150;

    private final AccessPolicy policy;
    private final ProblemResponses problems;

    public HiddenPathFilter(AccessPolicy policy, ProblemResponses problems) {
        this.policy = policy;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        if (policy.decide(request.getMethod(), request.getPath().value(), null) == AccessPolicy.Verdict.HIDDEN) {
            return problems.write(exchange,
                    Problems.notFound("Nothing is found at " + request.getPath().value() + "."));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
