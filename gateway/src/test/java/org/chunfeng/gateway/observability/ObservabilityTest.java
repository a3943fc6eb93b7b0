package org.chunfeng.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.chunfeng.contracts.access.Role;
import org.chunfeng.gateway.support.GatewayTest;
import org.chunfeng.gateway.support.Tokens;
import org.chunfeng.gateway.token.SigningKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Health with the database and the broker, request ids and traces into the services, metrics, docs, web app. */
@GatewayTest
class ObservabilityTest {

    @Autowired
    WebTestClient http;

    @Autowired
    SigningKey key;

    @Test
    void readinessIncludesTheDatabaseAndTheBroker() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.details.database").isEqualTo("gateway")
                .jsonPath("$.components.kafka.status").isEqualTo("UP");
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void everyAnswerCarriesItsTraceIdAndTheServiceReceivesTheTrace() {
        EntityExchangeResult<String> routed = http.get().uri("/api/jobs")
                .header(HttpHeaders.AUTHORIZATION, new Tokens(key).bearer("office-trace", Role.LABOUR_OFFICE))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult();
        String requestId = routed.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(requestId).matches("[0-9a-f]{32}");
        assertThat(routed.getResponseHeaders().getFirst("traceparent")).startsWith("00-" + requestId + "-");
        JsonNode echo = JsonMapper.builder().build().readTree(routed.getResponseBody());
        assertThat(echo.path("traceparent").asString()).startsWith("00-" + requestId + "-");

        // Errors too, so a user can quote the id.
        String refused = http.get().uri("/api/jobs").exchange().expectStatus().isUnauthorized()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
        assertThat(refused).matches("[0-9a-f]{32}").isNotEqualTo(requestId);
    }

    @Test
    void theRoutesAndGatewayMetricsAreExposed() {
        http.get().uri("/api/jobs").header(HttpHeaders.AUTHORIZATION,
                new Tokens(key).bearer("office-metrics", Role.LABOUR_OFFICE)).exchange().expectStatus().isOk();
        String scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).contains("http_server_requests_seconds_count")
                .contains("spring_cloud_gateway_requests_seconds_count")
                .contains("chunfeng_signins_total");

        http.get().uri("/actuator/gateway/routes")
                .header(HttpHeaders.AUTHORIZATION, new Tokens(key).bearer("admin-routes", Role.ADMIN)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.route_id == 'employment')]").exists()
                .jsonPath("$[?(@.route_id == 'jobs')]").exists()
                .jsonPath("$[?(@.route_id == 'transport')]").exists();
    }

    @Test
    void swaggerUiListsEveryServiceAndTheirDocumentsPointAtTheGateway() {
        var swaggerConfig = http.get().uri("/v3/api-docs/gateway/swagger-config").exchange().expectStatus().isOk()
                .expectBody();
        for (String document : new String[] {"gateway", "employment", "jobs", "transport"}) {
            swaggerConfig.jsonPath("$.urls[?(@.url == '/v3/api-docs/" + document + "')]").exists();
        }
        http.get().uri("/v3/api-docs/employment").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.info.title").isEqualTo("employment-service")
                .jsonPath("$.servers[0].url").isEqualTo("/");
        http.get().uri("/v3/api-docs/gateway").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/auth/token']").exists()
                .jsonPath("$.paths['/api/users']").exists();
        http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void theWebAppIsServedWithoutSignIn() {
        http.get().uri("/").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        http.get().uri("/no-such-page.html").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
