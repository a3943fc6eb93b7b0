package org.chunfeng.gateway.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chunfeng.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The web app is the gateway's static folder: its pages, both dictionaries, and Chart.js and Leaflet from their
 * WebJars at version-less paths, all open without a token.
 */
@GatewayTest
class WebAppTest {

    @Autowired
    WebTestClient http;

    @Test
    void theAppAndItsLibrariesAreServedWithoutSignIn() {
        http.get().uri("/").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        http.get().uri("/js/app.js").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript");
        http.get().uri("/css/app.css").exchange().expectStatus().isOk();
        // The county's places come from employment-service (GET /api/places): one list for the forms and the checks.
        http.get().uri("/data/places.json").exchange().expectStatus().isNotFound();
        http.get().uri("/webjars/chart.js/dist/chart.umd.min.js").exchange().expectStatus().isOk();
        http.get().uri("/webjars/leaflet/dist/leaflet.js").exchange().expectStatus().isOk();
        http.get().uri("/webjars/leaflet/dist/leaflet.css").exchange().expectStatus().isOk();
    }

    @Test
    void bothDictionariesHaveTheSameWords() {
        Map<String, Object> chinese = dictionary("zh-CN");
        Map<String, Object> english = dictionary("en");

        assertThat(chinese).isNotEmpty();
        assertThat(english.keySet()).isEqualTo(chinese.keySet());
    }

    private Map<String, Object> dictionary(String language) {
        return http.get().uri("/i18n/" + language + ".json").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody();
    }
}
