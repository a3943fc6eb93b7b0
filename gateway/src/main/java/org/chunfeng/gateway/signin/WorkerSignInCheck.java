package org.chunfeng.gateway.signin;

import java.time.Duration;
import java.util.Map;
import org.chunfeng.gateway.token.TokenIssuer;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Asks employment-service whether an ID number, phone and registration reference belong together. Only employment
 * holds the ID numbers, so the gateway never sees more than the answer. The call shares employment's circuit
 * breaker with the route, so while employment is down sign-in fails fast with 503.
 */
public class WorkerSignInCheck {

    /** Employment's answer: the worker, or no match. */
    public sealed interface Answer {
        record Match(String workerId) implements Answer {
        }

        record NoMatch() implements Answer {
        }
    }

    private final WebClient employment;
    private final ReactiveCircuitBreaker breaker;
    private final TokenIssuer tokens;
    private final Duration timeout;

    public WorkerSignInCheck(WebClient.Builder builder, String employmentUrl,
            ReactiveCircuitBreakerFactory<?, ?> breakers, TokenIssuer tokens, Duration timeout) {
        // Its own metric name: Gateway's routed calls already own http.client.requests, with other tags.
        this.employment = builder.baseUrl(employmentUrl)
                .observationConvention(new DefaultClientRequestObservationConvention("chunfeng.gateway.sign-in-check"))
                .build();
        this.breaker = breakers.create("employment");
        this.tokens = tokens;
        this.timeout = timeout;
    }

    /** Errors when employment cannot answer; a wrong combination is a {@link Answer.NoMatch}, not an error. */
    public Mono<Answer> check(WorkerCredentials credentials) {
        Mono<Answer> call = employment.post().uri("/api/workers/sign-in-check")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.gatewayToken())
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue(credentials)
                .exchangeToMono(response -> {
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.bodyToMono(Map.class).map(body -> {
                            Object workerId = body.get("workerId");
                            return workerId instanceof String id && !id.isBlank() ? new Answer.Match(id)
                                    : (Answer) new Answer.NoMatch();
                        });
                    }
                    if (response.statusCode().is4xxClientError()) {
                        return response.releaseBody().thenReturn((Answer) new Answer.NoMatch());
                    }
                    return response.releaseBody().then(Mono.error(new IllegalStateException(
                            "employment-service answered " + response.statusCode().value())));
                })
                .timeout(timeout);
        return breaker.run(call, Mono::error);
    }

    /** What a worker types to sign in; relayed to employment as it is. */
    public record WorkerCredentials(String idNumber, String phone, String reference) {

        public boolean isComplete() {
            return filled(idNumber, 40) && filled(phone, 40) && filled(reference, 100);
        }

        /** Never the ID number or phone, should this ever reach a log. */
        @Override
        public String toString() {
            return "WorkerCredentials[hidden]";
        }

        private static boolean filled(String value, int max) {
            return value != null && !value.isBlank() && value.length() <= max;
        }
    }
}
