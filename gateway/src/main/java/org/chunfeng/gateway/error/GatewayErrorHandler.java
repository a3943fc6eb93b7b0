package org.chunfeng.gateway.error;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every error that reaches the top of the gateway, from its own endpoints or from routing, leaves as problem+json.
 * Runs before Boot's default handler, which would answer in its own JSON shape.
 */
@Order(-2)
public class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ProblemResponses responses;

    public GatewayErrorHandler(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        return responses.write(exchange, problemFor(exchange, error));
    }

    private ProblemDetail problemFor(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ProblemException problem) {
            return problem.problem();
        }
        if (error instanceof RequestTooLargeException tooLarge) {
            return Problems.tooLarge(tooLarge.limitBytes());
        }
        if (error instanceof WebExchangeBindException invalid) {
            List<Map<String, String>> errors = invalid.getFieldErrors().stream()
                    .map(GatewayErrorHandler::violation).toList();
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                    errors.size() == 1 ? errors.get(0).get("field") + ": " + errors.get(0).get("message")
                            : errors.size() + " fields are invalid");
            problem.setProperty("errors", errors);
            return problem;
        }
        if (error instanceof ServerWebInputException) {
            return Problems.of(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request",
                    "The request body or parameters could not be read; send JSON as documented.");
        }
        if (error instanceof MethodNotAllowedException) {
            return Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                    exchange.getRequest().getMethod() + " is not supported here.");
        }
        if (error instanceof UnsupportedMediaTypeStatusException) {
            return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                    "Send application/json.");
        }
        if (error instanceof ResponseStatusException status) {
            return forStatus(exchange, status.getStatusCode());
        }
        log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), error);
        return Problems.internal();
    }

    private static ProblemDetail forStatus(ServerWebExchange exchange, HttpStatusCode status) {
        if (status.value() == 404) {
            return Problems.notFound("Nothing is found at " + exchange.getRequest().getPath().value() + ".");
        }
        if (status.value() == 413) {
            return Problems.of(status, "too-large", "Request too large", "The request is too large.");
        }
        if (status.value() == 504) {
            return Problems.of(status, "service-timeout", "Service too slow",
                    "The service did not answer in time; try again shortly.");
        }
        if (status.is5xxServerError()) {
            return Problems.of(status, "service-unavailable", "Service unavailable",
                    "The request could not be completed; try again shortly.");
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        String title = known == null ? "Error " + status.value() : known.getReasonPhrase();
        return Problems.of(status, title.toLowerCase().replace(' ', '-'), title, title + ".");
    }

    private static Map<String, String> violation(FieldError error) {
        return Map.of("field", error.getField(),
                "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }
}
