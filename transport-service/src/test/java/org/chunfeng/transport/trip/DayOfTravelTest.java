package org.chunfeng.transport.trip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chunfeng.transport.Fixture.COORDINATOR;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chunfeng.contracts.Topic;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.transport.RiderArrived;
import org.chunfeng.contracts.transport.RiderBoarded;
import org.chunfeng.contracts.transport.RiderNoShow;
import org.chunfeng.contracts.transport.SeatAssigned;
import org.chunfeng.contracts.transport.TripCancelled;
import org.chunfeng.kit.testing.ServiceTest;
import org.chunfeng.kit.testing.TopicReader;
import org.chunfeng.transport.Fixture;
import org.chunfeng.transport.rider.RiderStatus;
import org.chunfeng.transport.rider.RiderStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

@ServiceTest
class DayOfTravelTest {

    @Autowired
    RestTestClient http;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    RiderStore riders;
    @Autowired
    TripStore trips;

    @Test
    void ridersAreCheckedOnAndOffOneByOneAndWrongStepsAreRefused() {
        Fixture f = new Fixture(http, kafka, json);
        LocalDate date = Fixture.freshDate();
        f.vehicle(date, 45);
        String fit = Fixture.id("w");
        String unfit = Fixture.id("w");
        String absent = Fixture.id("w");
        String late = Fixture.id("w");
        f.publish(f.placement(fit, date, Fixture.VILLAGE_A, Fixture.HEFEI_SITE));
        f.publish(f.placement(unfit, date, Fixture.VILLAGE_A, Fixture.HEFEI_SITE, TravelFitness.YELLOW));
        f.publish(f.placement(absent, date, Fixture.VILLAGE_B, Fixture.HEFEI_SITE));
        f.publish(f.placement(late, date, Fixture.VILLAGE_B, Fixture.HEFEI_SITE));
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(fit, unfit, absent, late).stream()
                .allMatch(w -> riders.find(w).map(r -> r.status() == RiderStatus.SEATED).orElse(false)));
        String trip = riders.find(fit).orElseThrow().seat().tripId();
        assertThat(riders.find(late).orElseThrow().seat().tripId()).isEqualTo(trip);

        try (TopicReader events = new TopicReader(Topic.TRANSPORT_TRIPS.topicName())) {
            action(trip, fit, "board").expectStatus().isOk().expectBody()
                    .jsonPath("$.riders[?(@.workerId == '" + fit + "')].status").isEqualTo("BOARDED");
            action(trip, fit, "board").expectStatus().isOk();
            action(trip, unfit, "board").expectStatus().isEqualTo(409).expectBody()
                    .jsonPath("$.code").isEqualTo("not-fit-to-travel");
            action(trip, absent, "no-show").expectStatus().isOk();
            action(trip, absent, "no-show").expectStatus().isOk();
            action(trip, absent, "board").expectStatus().isEqualTo(409).expectBody()
                    .jsonPath("$.code").isEqualTo("rider-no-show");
            action(trip, fit, "arrive").expectStatus().isEqualTo(409).expectBody()
                    .jsonPath("$.code").isEqualTo("trip-not-departed");
            http.post().uri("/api/trips/" + trip + "/cancel").header(AUTHORIZATION, COORDINATOR).exchange()
                    .expectStatus().isEqualTo(409);

            http.post().uri("/api/trips/" + trip + "/depart").header(AUTHORIZATION, COORDINATOR).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.trip.status").isEqualTo("DEPARTED")
                    .jsonPath("$.missing[*].workerId").value(ids -> assertThat((List<Object>) ids)
                            .containsExactlyInAnyOrder((Object) unfit, late));
            http.post().uri("/api/trips/" + trip + "/depart").header(AUTHORIZATION, COORDINATOR).exchange()
                    .expectStatus().isOk();
            action(trip, late, "board").expectStatus().isEqualTo(409).expectBody()
                    .jsonPath("$.code").isEqualTo("trip-departed");
            action(trip, late, "arrive").expectStatus().isEqualTo(409).expectBody()
                    .jsonPath("$.code").isEqualTo("rider-not-on-board");

            action(trip, fit, "arrive").expectStatus().isOk();
            action(trip, fit, "arrive").expectStatus().isOk();

            List<ConsumerRecord<String, String>> seen = events.until(r ->
                    Fixture.count(r, RiderArrived.class, fit) >= 1);
            RiderArrived arrived = f.events(seen, RiderArrived.class, List.of(fit)).get(0);
            assertThat(arrived.tripId()).isEqualTo(trip);
            assertThat(arrived.siteName()).isEqualTo(Fixture.HEFEI_SITE.name());
            List<ConsumerRecord<String, String>> all = events.settle(Duration.ofSeconds(1));
            assertThat(Fixture.count(all, RiderBoarded.class, fit)).isEqualTo(1);
            assertThat(Fixture.count(all, RiderArrived.class, fit)).isEqualTo(1);
            assertThat(Fixture.count(all, RiderBoarded.class, unfit)).isZero();
            // Recorded twice by the crew, announced once, so the village staff follow up on the missed bus.
            assertThat(Fixture.count(all, RiderNoShow.class, absent)).isEqualTo(1);
            RiderNoShow missed = f.events(all, RiderNoShow.class, List.of(absent)).get(0);
            assertThat(missed.tripId()).isEqualTo(trip);
            assertThat(missed.travelDate()).isEqualTo(date);
        }
        assertThat(riders.find(fit).orElseThrow().status()).isEqualTo(RiderStatus.ARRIVED);
        assertThat(riders.find(absent).orElseThrow().status()).isEqualTo(RiderStatus.NO_SHOW);
        TripRecord after = trips.get(trip);
        assertThat(after.status()).isEqualTo(TripStatus.COMPLETED);
        http.post().uri("/api/trips/plan?date=" + date).header(AUTHORIZATION, COORDINATOR).exchange()
                .expectStatus().isOk();
        assertThat(trips.get(trip).riders()).isEqualTo(after.riders());
    }

    @Test
    void cancellingATripTellsEachRiderAndSeatsThemOnAnotherBus() {
        Fixture f = new Fixture(http, kafka, json);
        LocalDate date = Fixture.freshDate();
        f.vehicle(date, 45);
        String a = Fixture.id("w");
        String b = Fixture.id("w");
        f.publish(f.placement(a, date, Fixture.VILLAGE_A, Fixture.NANJING_SITE));
        f.publish(f.placement(b, date, Fixture.VILLAGE_B, Fixture.NANJING_SITE));
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(a, b).stream()
                .allMatch(w -> riders.find(w).map(r -> r.status() == RiderStatus.SEATED).orElse(false)));
        String trip = riders.find(a).orElseThrow().seat().tripId();
        f.vehicle(date, 30);

        try (TopicReader events = new TopicReader(Topic.TRANSPORT_TRIPS.topicName())) {
            http.post().uri("/api/trips/" + trip + "/cancel").header(AUTHORIZATION, COORDINATOR)
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body(java.util.Map.of("reason", "车辆故障")).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.status").isEqualTo("CANCELLED");
            List<ConsumerRecord<String, String>> seen = events.until(r -> List.of(a, b).stream().allMatch(w ->
                    Fixture.count(r, TripCancelled.class, w) == 1 && f.events(r, SeatAssigned.class, List.of(w))
                            .stream().anyMatch(s -> !s.tripId().equals(trip))));
            assertThat(f.events(seen, TripCancelled.class, List.of(a))).singleElement()
                    .satisfies(c -> assertThat(c.reason()).isEqualTo("车辆故障"));
        }
        action(trip, a, "board").expectStatus().isEqualTo(409).expectBody().jsonPath("$.code")
                .isEqualTo("trip-cancelled");
        http.post().uri("/api/trips/" + trip + "/cancel").header(AUTHORIZATION, COORDINATOR).exchange()
                .expectStatus().isOk();
    }

    private RestTestClient.ResponseSpec action(String trip, String worker, String what) {
        return http.post().uri("/api/trips/" + trip + "/riders/" + worker + "/" + what)
                .header(AUTHORIZATION, COORDINATOR).exchange();
    }
}
