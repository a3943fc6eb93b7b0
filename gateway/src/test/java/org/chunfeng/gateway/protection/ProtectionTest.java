package org.chunfeng.gateway.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.gateway.support.Clients;
import org.chunfeng.gateway.support.GatewayTest;
import org.chunfeng.gateway.support.Tokens;
import org.chunfeng.gateway.token.SigningKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** Rate limits, body size limits and closed CORS, each answered by the gateway with problem+json. */
@GatewayTest
class ProtectionTest {

    @Autowired
    WebTestClient http;

    @Autowired
    SigningKey key;

    @LocalServerPort
    int port;

    @Test
    void aClientOverItsRateGets429WithRetryAfterWhileOthersGoOn() {
        String greedy = new Tokens(key).bearer("greedy-" + System.nanoTime(), Role.LABOUR_OFFICE);
        EntityExchangeResult<String> refused = null;
        for (int i = 0; i < 500 && refused == null; i++) {
            EntityExchangeResult<String> answer = http.get().uri("/api/jobs")
                    .header(HttpHeaders.AUTHORIZATION, greedy).exchange().expectBody(String.class).returnResult();
            if (answer.getStatus().value() == 429) {
                refused = answer;
            }
        }
        assertThat(refused).as("a 429 within 500 calls").isNotNull();
        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst("Retry-After"))).isPositive();
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getResponseBody()).contains("https://chunfeng.org/problems/rate-limited");

        // Another signed-in user is not held back by the first one.
        http.get().uri("/api/jobs").header(HttpHeaders.AUTHORIZATION,
                new Tokens(key).bearer("patient-" + System.nanoTime(), Role.LABOUR_OFFICE)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void signInAttemptsFromOneAddressAreLimitedStrictly() {
        String client = Clients.newAddress();
        for (int i = 0; i < 5; i++) {
            http.post().uri("/api/auth/token").header("X-Forwarded-For", client)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"username\":\"office\",\"password\":\"guess\"}")
                    .exchange().expectStatus().isUnauthorized();
        }
        http.post().uri("/api/auth/token").header("X-Forwarded-For", client)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"username\":\"office\",\"password\":\"guess\"}")
                .exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().value("Retry-After", value -> assertThat(Long.parseLong(value)).isPositive());
        // The same client may still use the rest of the API.
        http.get().uri("/.well-known/jwks.json").header("X-Forwarded-For", client).exchange()
                .expectStatus().isOk();
    }

    @Test
    void selfRegistrationIsLimitedPerAddress() {
        String client = Clients.newAddress();
        int accepted = 0;
        int status = 200;
        while (status == 200 && accepted < 100) {
            status = http.post().uri("/api/workers/self-register").header("X-Forwarded-For", client)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .returnResult(String.class).getStatus().value();
            if (status == 200) {
                accepted++;
            }
        }
        assertThat(status).isEqualTo(429);
        assertThat(accepted).isEqualTo(20);
    }

    @Test
    void aBodyOverTheLimitGets413AndAnImportMayBeLarger() {
        String office = new Tokens(key).bearer("office-bodies", Role.LABOUR_OFFICE);
        byte[] large = new byte[100 * 1024];
        Arrays.fill(large, (byte) 'a');

        http.post().uri("/api/workers").header(HttpHeaders.AUTHORIZATION, office)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(large).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://chunfeng.org/problems/too-large");

        http.post().uri("/api/workers/import").header(HttpHeaders.AUTHORIZATION, office)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(large).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.bodyBytes").isEqualTo(large.length);

        http.post().uri("/api/workers/import").header(HttpHeaders.AUTHORIZATION, office)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[2 * 1024 * 1024]).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void aStreamedBodyIsCutOffWhenItPassesTheLimit() {
        String office = new Tokens(key).bearer("office-stream", Role.LABOUR_OFFICE);
        Flux<DataBuffer> chunks = Flux.range(0, 20)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[8 * 1024]));

        http.post().uri("/api/workers").header(HttpHeaders.AUTHORIZATION, office)
                .contentType(MediaType.APPLICATION_JSON).body(chunks, DataBuffer.class).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void anotherOriginIsRefusedAndTheGatewaysOwnIsNot() {
        http.options().uri("/api/workers").header(HttpHeaders.ORIGIN, "https://elsewhere.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET").exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody().jsonPath("$.type").isEqualTo("https://chunfeng.org/problems/cors-rejected");
        http.post().uri("/api/auth/token").header(HttpHeaders.ORIGIN, "https://elsewhere.example")
                .header("X-Forwarded-For", Clients.newAddress())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

        http.get().uri("/api/workers").header(HttpHeaders.ORIGIN, "http://localhost:" + port)
                .header(HttpHeaders.AUTHORIZATION, new Tokens(key).bearer("office-cors", Role.LABOUR_OFFICE))
                .exchange().expectStatus().isOk();
    }

    @Test
    void pathsThatHideAnotherPathAreRefused() {
        String worker = new Tokens(key).worker("W1");
        http.get().uri(java.net.URI.create("http://localhost:" + port + "/api/workers/W1/../W2")).header(HttpHeaders.AUTHORIZATION, worker).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://chunfeng.org/problems/rejected-request");
        http.get().uri(java.net.URI.create("http://localhost:" + port + "/api/workers/W1%2F..%2FW2")).header(HttpHeaders.AUTHORIZATION, worker).exchange()
                .expectStatus().isBadRequest();
    }
}
