package org.chunfeng.gateway.routing;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import org.chunfeng.gateway.error.ProblemResponses;
import org.chunfeng.gateway.error.Problems;
import org.chunfeng.gateway.error.RequestTooLargeException;
import org.chunfeng.gateway.protection.ProtectionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import reactor.core.publisher.Mono;

/**
 * Where a circuit breaker sends a call that got no answer: 503 naming the service (with {@code Retry-After}) while
 * it is down or its breaker is open, 504 when it answered too slowly.
 */
@RestController
@Hidden
public class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    static final String PATH = "/fallback/";

    private final ProblemResponses problems;
    private final long retryAfterSeconds;

    public FallbackController(ProblemResponses problems, ProtectionProperties properties) {
        this.problems = problems;
        this.retryAfterSeconds = Math.max(1, properties.circuitBreaker().openFor().toSeconds());
    }

    @RequestMapping(PATH + "{service}")
    public Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        ProblemDetail problem;
        if (has(cause, RequestTooLargeException.class) instanceof RequestTooLargeException tooLarge) {
            problem = Problems.tooLarge(tooLarge.limitBytes());
        } else if (has(cause, TimeoutException.class) != null || isGatewayTimeout(cause)) {
            problem = Problems.serviceTimeout(service);
        } else {
            exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
            problem = Problems.serviceUnavailable(service);
        }
        problem.setInstance(originalPath(exchange));
        logCause(service, problem, cause);
        return problems.write(exchange, problem);
    }

    /**
     * Why the call failed, so an operator can tell a refused connection from a reset or a slow service. Once the
     * breaker is open every call is refused without trying, which says nothing new: those only at debug.
     */
    private static void logCause(String service, ProblemDetail problem, Throwable cause) {
        if (cause == null) {
            return;
        }
        if (has(cause, CallNotPermittedException.class) != null) {
            log.debug("{} refused for {}: its circuit breaker is open", problem.getInstance(), service);
        } else {
            log.warn("{} got no answer from {}: {}", problem.getInstance(), service, cause.toString());
        }
    }

    /** The path the client asked for: the forward here wraps the client's exchange, which still has it. */
    private static URI originalPath(ServerWebExchange exchange) {
        ServerWebExchange original = exchange;
        while (original instanceof ServerWebExchangeDecorator decorator) {
            original = decorator.getDelegate();
        }
        try {
            return URI.create(original.getRequest().getPath().value());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isGatewayTimeout(Throwable cause) {
        return cause instanceof ResponseStatusException status && status.getStatusCode().value() == 504;
    }

    private static Throwable has(Throwable cause, Class<? extends Throwable> type) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
