package org.chunfeng.kit.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.chunfeng.kit.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

@ServiceTest
class HealthAndMetricsTest {

    @Autowired
    RestTestClient http;

    @Test
    void readinessIncludesKafkaAndMongo() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP");
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void prometheusShowsTheKitsMetricsWithoutSigningIn() {
        String scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).contains("chunfeng_outbox_backlog").contains("chunfeng_outbox_published_total")
                .contains("application=\"kit-sample\"")
                // counted from 0 for each topic the service consumes, before any record has failed
                .contains("chunfeng_dead_letters_total{application=\"kit-sample\",topic=\"employment.workers.v1\"}");
    }
}
