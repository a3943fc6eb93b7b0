package org.chunfeng.transport.trip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.chunfeng.transport.Fixture.COORDINATOR;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chunfeng.contracts.Topic;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.contracts.transport.SeatAssigned;
import org.chunfeng.kit.testing.ServiceTest;
import org.chunfeng.kit.testing.TestTokens;
import org.chunfeng.kit.testing.TopicReader;
import org.chunfeng.transport.Fixture;
import org.chunfeng.transport.rider.RiderRecord;
import org.chunfeng.transport.rider.RiderStatus;
import org.chunfeng.transport.rider.RiderStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

@ServiceTest
class ReplanningTest {

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
    TripPlanning planning;

    @Test
    void aCrashBetweenWritingTripsAndTellingRidersConvergesOnTheNextPlan() {
        Fixture f = new Fixture(http, kafka, json);
        LocalDate date = Fixture.freshDate();
        f.vehicle(date, 45);
        List<String> workers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            workers.add(Fixture.id("w"));
        }
        // Riders arrive while no plan can run yet for them: the vehicle is added after, then we crash mid-plan.
        try (TopicReader events = new TopicReader(Topic.TRANSPORT_TRIPS.topicName())) {
            for (int i = 0; i < workers.size(); i++) {
                f.publish(f.placement(workers.get(i), date, i % 2 == 0 ? Fixture.VILLAGE_A : Fixture.VILLAGE_B,
                        i < 3 ? Fixture.HEFEI_SITE : Fixture.NANJING_SITE));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> workers.stream().allMatch(w -> riders.find(w)
                    .map(r -> r.status() == RiderStatus.SEATED).orElse(false)));
            List<ConsumerRecord<String, String>> beforeCrash = events.settle(Duration.ofSeconds(1));

            // Unseat everyone behind the planner's back, then plan trips only: the riders' documents lag behind.
            workers.forEach(w -> {
                RiderRecord r = riders.find(w).orElseThrow();
                riders.change(w, r.placementId(), List.of(RiderStatus.SEATED),
                        new org.springframework.data.mongodb.core.query.Update().set("status", RiderStatus.WAITING)
                                .unset("seat"), List.of());
            });
            planning.planTripsOnly(date);
            assertThat(trips.onDate(date).stream().mapToInt(t -> t.riders().size()).sum()).isEqualTo(6);

            TripPlanning.Summary summary = planning.plan(date);
            assertThat(summary.seated()).isEqualTo(6);
            assertConsistent(date, workers);

            TripPlanning.Summary again = planning.plan(date);
            assertThat(again.seatsChanged()).isZero();
            assertConsistent(date, workers);

            List<ConsumerRecord<String, String>> seen = events.settle(Duration.ofSeconds(2));
            for (String w : workers) {
                List<SeatAssigned> told = f.events(seen, SeatAssigned.class, List.of(w));
                int toldBefore = f.events(beforeCrash, SeatAssigned.class, List.of(w)).size();
                assertThat(told).as("told once more after the crash").hasSize(toldBefore + 1);
                assertThat(told.get(told.size() - 1).tripId()).isEqualTo(riders.find(w).orElseThrow().seat().tripId());
            }
        }
    }

    @Test
    void aRiderMovedToAnotherBusIsToldWhichTripTheNewSeatReplacesAndLockedTripsStayPut() {
        Fixture f = new Fixture(http, kafka, json);
        LocalDate date = Fixture.freshDate();
        String firstBus = f.vehicle(date, 45);
        String hefei = Fixture.id("w");
        String nanjing = Fixture.id("w");
        f.publish(f.placement(hefei, date, Fixture.VILLAGE_A, Fixture.HEFEI_SITE));
        f.publish(f.placement(nanjing, date, Fixture.VILLAGE_A, Fixture.NANJING_SITE));
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(hefei, nanjing).stream().allMatch(w ->
                riders.find(w).map(r -> r.status() == RiderStatus.SEATED).orElse(false)));
        String oldTrip = riders.find(hefei).orElseThrow().seat().tripId();

        http.get().uri("/api/trips/" + oldTrip + "/explain").header(AUTHORIZATION,
                TestTokens.bearer(Role.LABOUR_OFFICE)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.riders").isEqualTo(2)
                .jsonPath("$.cities.length()").isEqualTo(2)
                .jsonPath("$.boundBySeats").isEqualTo(1)
                .jsonPath("$.reasons[0]").value(r -> assertThat((String) r).contains("合肥").contains("南京")
                        .contains("one road"));

        try (TopicReader events = new TopicReader(Topic.TRANSPORT_TRIPS.topicName())) {
            // The first bus is no longer free that day (re-imported with other dates): its riders move.
            String plate = trips.get(oldTrip).plate();
            String csv = "plate,seats,operator,driverName,driverPhone,depotLat,depotLon,availableFrom,availableTo\n"
                    + plate + ",45,利辛县客运公司,张师傅,13912345678,33.144,116.208," + date.plusDays(3) + ","
                    + date.plusDays(4) + "\n";
            f.vehicle(date, 45);
            http.post().uri("/api/vehicles/import").header(AUTHORIZATION, COORDINATOR)
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(multipart("fleet.csv", csv.getBytes()))
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.updated").isEqualTo(1);
            List<ConsumerRecord<String, String>> seen = events.until(r -> f.events(r, SeatAssigned.class,
                    List.of(hefei)).stream().anyMatch(s -> oldTrip.equals(s.replacesTripId())));
            SeatAssigned moved = f.events(seen, SeatAssigned.class, List.of(hefei)).stream()
                    .filter(s -> oldTrip.equals(s.replacesTripId())).findFirst().orElseThrow();
            assertThat(moved.tripId()).isNotEqualTo(oldTrip);
            assertThat(trips.find(oldTrip)).isEmpty();
        }
        assertThat(firstBus).isNotNull();

        String newTrip = riders.find(hefei).orElseThrow().seat().tripId();
        TripRecord lockedBefore = trips.get(newTrip);
        http.post().uri("/api/trips/" + newTrip + "/lock").header(AUTHORIZATION, COORDINATOR).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.locked").isEqualTo(true);
        f.vehicle(date, 45);
        String newcomer = Fixture.id("w");
        f.publish(f.placement(newcomer, date, Fixture.VILLAGE_B, Fixture.HEFEI_SITE));
        await().atMost(Duration.ofSeconds(30)).until(() -> riders.find(newcomer)
                .map(r -> r.status() == RiderStatus.SEATED).orElse(false));
        TripRecord lockedAfter = trips.get(newTrip);
        assertThat(lockedAfter.riders()).isEqualTo(lockedBefore.riders());
        assertThat(lockedAfter.stops()).isEqualTo(lockedBefore.stops());
        assertThat(riders.find(newcomer).orElseThrow().seat().tripId()).isNotEqualTo(newTrip);
    }

    private void assertConsistent(LocalDate date, List<String> workers) {
        Map<String, String> tripOf = new java.util.HashMap<>();
        for (TripRecord trip : trips.onDate(date)) {
            trip.riders().forEach(r -> assertThat(tripOf.put(r.workerId(), trip.id())).as("one seat each").isNull());
        }
        for (String w : workers) {
            RiderRecord r = riders.find(w).orElseThrow();
            assertThat(r.status()).isEqualTo(RiderStatus.SEATED);
            assertThat(r.seat().tripId()).isEqualTo(tripOf.get(w));
        }
    }

    static org.springframework.util.MultiValueMap<String, Object> multipart(String name, byte[] content) {
        org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
        parts.add("file", new org.springframework.core.io.ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return parts;
    }
}
