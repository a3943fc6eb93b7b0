package org.chunfeng.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewaySmokeTest {

    @Autowired
    WebTestClient http;

    @Test
    void startsHealthyWithItsRoutesAndMetrics() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/gateway/routes").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.route_id == 'employment')]").exists()
                .jsonPath("$[?(@.route_id == 'jobs')]").exists()
                .jsonPath("$[?(@.route_id == 'transport')]").exists();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }
}
