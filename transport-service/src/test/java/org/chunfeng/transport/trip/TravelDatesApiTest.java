package org.chunfeng.transport.trip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chunfeng.transport.Fixture.COORDINATOR;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.kit.testing.ServiceTest;
import org.chunfeng.kit.testing.TestTokens;
import org.chunfeng.transport.Fixture;
import org.chunfeng.transport.rider.RiderStatus;
import org.chunfeng.transport.rider.RiderStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

@ServiceTest
class TravelDatesApiTest {

    @Autowired
    RestTestClient http;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    RiderStore riders;

    @Test
    void aCoordinatorSeesEachTravelDateWithItsRidersBusesAndSubsidies() {
        Fixture f = new Fixture(http, kafka, json);
        LocalDate date = Fixture.freshDate();
        f.vehicle(date, 45);
        String a = Fixture.id("w");
        String b = Fixture.id("w");
        String far = Fixture.id("w");
        f.publish(f.placement(a, date, Fixture.VILLAGE_A, Fixture.HEFEI_SITE));
        f.publish(f.placement(b, date, Fixture.VILLAGE_B, Fixture.HEFEI_SITE));
        f.publish(f.placement(far, date, Fixture.VILLAGE_A, Fixture.URUMQI_SITE));
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(a, b).stream()
                .allMatch(w -> riders.find(w).map(r -> r.status() == RiderStatus.SEATED).orElse(false))
                && riders.find(far).map(r -> r.status() == RiderStatus.SUBSIDISED).orElse(false));

        List<Map<String, Object>> dates = travelDates(COORDINATOR);
        assertThat(dates).contains(Map.of("date", date.toString(), "riders", 3, "trips", 1, "seated", 2,
                "subsidised", 1, "unplanned", 0, "boarded", 0, "arrived", 0, "noShows", 0));
        List<String> days = dates.stream().map(d -> (String) d.get("date")).toList();
        assertThat(days).isSorted();

        assertThat(travelDates(TestTokens.bearer(Role.LABOUR_OFFICE))).isNotEmpty();
        http.get().uri("/api/travel-dates").header(AUTHORIZATION, TestTokens.bearer(Role.WORKER)).exchange()
                .expectStatus().isForbidden();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> travelDates(String token) {
        return http.get().uri("/api/travel-dates").header(AUTHORIZATION, token).exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
    }
}
