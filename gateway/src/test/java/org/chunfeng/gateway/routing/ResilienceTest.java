package org.chunfeng.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.gateway.support.GatewayTest;
import org.chunfeng.gateway.support.StubService;
import org.chunfeng.gateway.support.StubServices;
import org.chunfeng.gateway.support.Tokens;
import org.chunfeng.gateway.token.SigningKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A stopped service gives a clear 503 naming it, and calls go through again once it is back. */
@GatewayTest
class ResilienceTest {

    @Autowired
    WebTestClient http;

    @Autowired
    SigningKey key;

    @Test
    void aStoppedServiceAnswers503NamingItAndRecoversWhenItReturns() {
        StubService transport = StubServices.TRANSPORT;
        String coordinator = new Tokens(key).bearer("coordinator-resilience", Role.TRANSPORT_COORDINATOR);
        transport.stop();
        try {
            // Refused connections first, then the open breaker: the same answer, at once.
            for (int i = 0; i < 6; i++) {
                http.get().uri("/api/vehicles").header(HttpHeaders.AUTHORIZATION, coordinator).exchange()
                        .expectStatus().isEqualTo(503)
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectHeader().exists("Retry-After")
                        .expectBody().jsonPath("$.type").isEqualTo("https://chunfeng.org/problems/service-unavailable")
                        .jsonPath("$.service").isEqualTo("transport")
                        .jsonPath("$.instance").isEqualTo("/api/vehicles");
            }
            // The other services are unaffected.
            http.get().uri("/api/jobs").header(HttpHeaders.AUTHORIZATION,
                            new Tokens(key).bearer("office-resilience", Role.LABOUR_OFFICE)).exchange()
                    .expectStatus().isOk();
        } finally {
            transport.start();
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                http.get().uri("/api/vehicles").header(HttpHeaders.AUTHORIZATION, coordinator).exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.service").isEqualTo("transport"));
    }

    @Test
    void workerSignInFailsFastWith503WhileEmploymentIsDown() {
        StubService employment = StubServices.EMPLOYMENT;
        employment.stop();
        try {
            http.post().uri("/api/auth/worker").header("X-Forwarded-For", "10.200.0.1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"idNumber\":\"34162319900101123X\",\"phone\":\"13800138000\",\"reference\":\"GOOD-W1\"}")
                    .exchange().expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.service").isEqualTo("employment");
        } finally {
            employment.start();
        }
        String office = new Tokens(key).bearer("office-resilience-2", Role.LABOUR_OFFICE);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                http.get().uri("/api/workers").header(HttpHeaders.AUTHORIZATION, office).exchange()
                        .expectStatus().isOk());
    }

    @Test
    void aServiceTooSlowToAnswerGets504() {
        String office = new Tokens(key).bearer("office-slow", Role.LABOUR_OFFICE);
        var answer = http.get().uri("/api/jobs/slow").header(HttpHeaders.AUTHORIZATION, office).exchange()
                .expectStatus().isEqualTo(504)
                .expectBody().jsonPath("$.type").isEqualTo("https://chunfeng.org/problems/service-timeout")
                .jsonPath("$.service").isEqualTo("jobs").returnResult();
        assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
