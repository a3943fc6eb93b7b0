package org.chunfeng.transport.rider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chunfeng.transport.Fixture.COORDINATOR;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chunfeng.contracts.Topic;
import org.chunfeng.contracts.jobs.PlacementConfirmed;
import org.chunfeng.contracts.transport.FareSubsidyGranted;
import org.chunfeng.contracts.transport.SeatAssigned;
import org.chunfeng.kit.testing.ServiceTest;
import org.chunfeng.kit.testing.TopicReader;
import org.chunfeng.transport.Fixture;
import org.chunfeng.transport.subsidy.SubsidyLedger;
import org.chunfeng.transport.trip.TripRecord;
import org.chunfeng.transport.trip.TripStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

@ServiceTest
class DemandAndSeatsTest {

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
    @Autowired
    SubsidyLedger ledger;

    Fixture fixture() {
        return new Fixture(http, kafka, json);
    }

    @Test
    void placementsBeyondTheCommuteGetASeatAndLocalOnesAreIgnored() {
        Fixture f = fixture();
        LocalDate date = Fixture.freshDate();
        f.vehicle(date, 45);
        String a = Fixture.id("w");
        String b = Fixture.id("w");
        String c = Fixture.id("w");
        String local = Fixture.id("w");
        try (TopicReader events = new TopicReader(Topic.TRANSPORT_TRIPS.topicName())) {
            f.publish(f.placement(a, date, Fixture.VILLAGE_A, Fixture.HEFEI_SITE));
            f.publish(f.placement(b, date, Fixture.VILLAGE_B, Fixture.HEFEI_SITE));
            f.publish(f.placement(c, date, Fixture.VILLAGE_A, Fixture.NANJING_SITE));
            PlacementConfirmed nearby = f.placement(local, date, Fixture.VILLAGE_A, Fixture.HEFEI_SITE);
            f.publish(new PlacementConfirmed(nearby.placementId(), nearby.matchId(), local, nearby.jobId(),
                    nearby.employerId(), nearby.employerName(), nearby.workerName(), nearby.phoneMasked(),
                    nearby.fitness(), nearby.town(), nearby.village(), nearby.collectionPoint(), nearby.site(),
                    nearby.startDate(), true, nearby.confirmedAt()));

            List<ConsumerRecord<String, String>> seen = events.until(r -> List.of(a, b, c).stream()
                    .allMatch(w -> Fixture.count(r, SeatAssigned.class, w) >= 1));
            List<SeatAssigned> seats = f.events(seen, SeatAssigned.class, List.of(a, b, c));
            SeatAssigned seatA = seats.stream().filter(s -> s.workerId().equals(a)).reduce((x, y) -> y).orElseThrow();
            assertThat(seatA.travelDate()).isEqualTo(date);
            assertThat(seatA.plate()).startsWith("皖S");
            assertThat(seatA.pickupPoint().id()).isEqualTo(Fixture.VILLAGE_A.id());
            assertThat(seatA.destination().id()).isEqualTo(Fixture.HEFEI_SITE.id());
            assertThat(seatA.driverPhone()).isEqualTo("13912345678");
            assertThat(seatA.driverName()).isEqualTo("张师傅");
            assertThat(seatA.pickupTime()).isAfter(date.atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
            assertThat(seats).extracting(SeatAssigned::tripId).containsOnly(seatA.tripId());
            assertThat(events.settle(Duration.ofSeconds(1)).stream().filter(r -> local.equals(r.key()))).isEmpty();
        }
        assertThat(riders.find(local)).isEmpty();

        http.get().uri("/api/trips?date=" + date).header(AUTHORIZATION, COORDINATOR).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].riders.length()").isEqualTo(3)
                .jsonPath("$[0].riders[0].phoneMasked").value(p -> assertThat((String) p).contains("****"))
                .jsonPath("$[0].driverPhone").isEqualTo("13912345678")
                .jsonPath("$[0].stops[0].kind").isEqualTo("PICKUP")
                .jsonPath("$[0].distanceKm").value(km -> assertThat(((Number) km).doubleValue()).isGreaterThan(300));
    }

    @Test
    void aRedeliveredPlacementMakesNoSecondRiderAndACancellationFreesTheSeat() {
        Fixture f = fixture();
        LocalDate date = Fixture.freshDate();
        f.vehicle(date, 45);
        String worker = Fixture.id("w");
        PlacementConfirmed placement = f.placement(worker, date, Fixture.VILLAGE_A, Fixture.HEFEI_SITE);
        String eventId = java.util.UUID.randomUUID().toString();
        try (TopicReader events = new TopicReader(Topic.TRANSPORT_TRIPS.topicName())) {
            f.publish(placement, eventId);
            f.publish(placement, eventId);
            f.publish(placement);
            events.until(r -> Fixture.count(r, SeatAssigned.class, worker) >= 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> riders.find(worker).orElseThrow().status()
                    == RiderStatus.SEATED);
            assertThat(riders.onDate(date)).hasSize(1);
            assertThat(Fixture.count(events.settle(Duration.ofSeconds(2)), SeatAssigned.class, worker)).isEqualTo(1);
        }
        String tripId = riders.find(worker).orElseThrow().seat().tripId();
        assertThat(trips.get(tripId).riders()).extracting(r -> r.workerId()).containsExactly(worker);

        f.publish(f.cancellation(placement));

        await().atMost(Duration.ofSeconds(20)).until(() -> riders.find(worker).orElseThrow().status()
                == RiderStatus.CANCELLED);
        await().atMost(Duration.ofSeconds(20)).until(() -> trips.find(tripId).map(TripRecord::riders)
                .map(List::isEmpty).orElse(true));
        assertThat(riders.find(worker).orElseThrow().seat()).isNull();
    }

    @Test
    void aRiderNoBusCanCarryIsSubsidisedOnceWithTheReason() {
        Fixture f = fixture();
        LocalDate date = Fixture.freshDate();
        f.vehicle(date, 45);
        String worker = Fixture.id("w");
        PlacementConfirmed placement = f.placement(worker, date, Fixture.VILLAGE_A, Fixture.URUMQI_SITE);
        try (TopicReader events = new TopicReader(Topic.TRANSPORT_TRIPS.topicName())) {
            f.publish(placement);
            List<ConsumerRecord<String, String>> seen = events.until(r ->
                    Fixture.count(r, FareSubsidyGranted.class, worker) >= 1);
            FareSubsidyGranted granted = f.events(seen, FareSubsidyGranted.class, List.of(worker)).get(0);
            assertThat(granted.placementId()).isEqualTo(placement.placementId());
            assertThat(granted.amountYuan()).isEqualByComparingTo("500");
            assertThat(granted.distanceKm()).isGreaterThan(2500);
            assertThat(granted.reason()).contains("over the 14.0 h limit");

            http.post().uri("/api/trips/plan?date=" + date).header(AUTHORIZATION, COORDINATOR).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.subsidised").isEqualTo(0)
                    .jsonPath("$.seated").isEqualTo(0);
            f.publish(placement);
            assertThat(Fixture.count(events.settle(Duration.ofSeconds(2)), FareSubsidyGranted.class, worker))
                    .isEqualTo(1);
        }
        assertThat(ledger.list(date, null)).hasSize(1);
        http.get().uri("/api/subsidies?date=" + date).header(AUTHORIZATION,
                org.chunfeng.kit.testing.TestTokens.bearer(org.chunfeng.contracts.access.Role.LABOUR_OFFICE))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.entries.length()").isEqualTo(1)
                .jsonPath("$.totals.riders").isEqualTo(1)
                .jsonPath("$.totals.byTown[0].key").isEqualTo("程家集镇")
                .jsonPath("$.totals.byDate[0].key").isEqualTo(date.toString());
        http.get().uri("/api/riders/" + worker + "/explain").header(AUTHORIZATION, COORDINATOR).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SUBSIDISED")
                .jsonPath("$.reasons[1]").value(r -> assertThat((String) r).contains("No bus").contains("500"));
    }
}
