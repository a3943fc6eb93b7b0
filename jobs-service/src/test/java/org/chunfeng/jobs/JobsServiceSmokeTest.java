package org.chunfeng.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.chunfeng.kit.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

@ServiceTest
class JobsServiceSmokeTest {

    @Autowired
    RestTestClient http;

    @Test
    void isReadyWithKafkaAndMongoAndServesMetrics() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP");
        String scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).contains("chunfeng_outbox_backlog").contains("application=\"jobs-service\"");
    }

    @Test
    void apiDocumentIsServed() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.openapi").exists();
    }
}
