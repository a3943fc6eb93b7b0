package org.chunfeng.employment.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chunfeng.contracts.jobs.MatchProposed;
import org.chunfeng.contracts.jobs.PlacementConfirmed;
import org.chunfeng.contracts.transport.FareSubsidyGranted;
import org.chunfeng.contracts.transport.RiderArrived;
import org.chunfeng.contracts.transport.RiderBoarded;
import org.chunfeng.contracts.transport.RiderNoShow;
import org.chunfeng.contracts.transport.SeatAssigned;
import org.chunfeng.contracts.transport.TripCancelled;
import org.chunfeng.employment.Api;
import org.chunfeng.employment.Fixtures;
import org.chunfeng.employment.Journey;
import org.chunfeng.kit.testing.EventPublisher;
import org.chunfeng.kit.testing.ServiceTest;
import org.chunfeng.kit.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceTest
class TransportEventsTest {

    @Autowired
    RestTestClient http;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MeterRegistry meters;

    Api api;
    Journey journey;

    @BeforeEach
    void setUp() {
        api = new Api(http, json);
        journey = new Journey(new EventPublisher(kafka, json), mongo);
    }

    /** Registered, offered, accepted and confirmed: waiting for a seat or a subsidy. */
    PlacementConfirmed intentAgreed(boolean local) {
        String workerId = api.register(Fixtures.form(Fixtures.town()));
        MatchProposed match = Journey.match(workerId);
        journey.deliver(match);
        api.post("/api/workers/" + workerId + "/offers/" + match.matchId() + "/accept", null, Api.OFFICE, 200);
        PlacementConfirmed placement = Journey.placement(match, local);
        journey.deliver(placement);
        return placement;
    }

    @Test
    void aSeatShowsAsMyBusAndBoardingAndArrivalBringTheWorkerBackToWork() {
        PlacementConfirmed placement = intentAgreed(false);
        String workerId = placement.workerId();
        SeatAssigned seat = Journey.seat(placement, "trip-" + workerId, null);
        journey.deliver(seat);
        JsonNode mine = api.get("/api/workers/" + workerId, TestTokens.worker(workerId), 200);
        assertThat(mine.path("status").stringValue()).isEqualTo("TRANSPORT_ARRANGED");
        JsonNode bus = mine.path("transport");
        assertThat(bus.path("kind").stringValue()).isEqualTo("BUS_SEAT");
        assertThat(bus.path("tripId").stringValue()).isEqualTo(seat.tripId());
        assertThat(bus.path("plate").stringValue()).isEqualTo("皖K·D2345");
        assertThat(bus.path("seatNumber").asInt()).isEqualTo(12);
        assertThat(bus.path("pickupPoint").path("name").stringValue()).isEqualTo("李楼村村委会");
        assertThat(bus.path("pickupTime").stringValue()).isEqualTo("2026-02-23T23:30:00Z");
        assertThat(bus.path("driverPhone").stringValue()).isEqualTo("13955550000");
        long version = journey.version(workerId);
        journey.deliver(seat);
        assertThat(journey.version(workerId)).isEqualTo(version);

        RiderBoarded boarded = new RiderBoarded(seat.tripId(), workerId, placement.placementId(), Instant.now());
        journey.deliver(boarded);
        assertThat(api.worker(workerId).path("transport").path("boardedAt").isString()).isTrue();
        version = journey.version(workerId);
        journey.deliver(boarded);
        assertThat(journey.version(workerId)).isEqualTo(version);
        JsonNode late = api.post("/api/workers/" + workerId + "/withdraw", Map.of("reason", "changed mind"),
                Api.OFFICE, 409);
        assertThat(late.path("code").stringValue()).isEqualTo("already-departed");

        double returned = counter("chunfeng.workers.returned");
        RiderArrived arrived = new RiderArrived(seat.tripId(), workerId, placement.placementId(), "合肥电子厂",
                Instant.now());
        journey.deliver(arrived);
        JsonNode back = api.worker(workerId);
        assertThat(back.path("status").stringValue()).isEqualTo("RETURNED_TO_WORK");
        assertThat(back.path("returnedVia").stringValue()).contains("合肥电子厂");
        version = journey.version(workerId);
        journey.deliver(arrived);
        assertThat(journey.version(workerId)).isEqualTo(version);
        assertThat(counter("chunfeng.workers.returned") - returned).isEqualTo(1);
    }

    @Test
    void aWorkerWhoMissedTheBusIsListedAtRiskUntilSeatedAgain() {
        PlacementConfirmed placement = intentAgreed(false);
        String workerId = placement.workerId();
        SeatAssigned seat = Journey.seat(placement, "trip-" + workerId, null);
        journey.deliver(seat);
        RiderNoShow missed = new RiderNoShow(seat.tripId(), workerId, placement.placementId(), seat.travelDate(),
                Instant.now());
        journey.deliver(missed);
        JsonNode worker = api.worker(workerId);
        assertThat(worker.path("status").stringValue()).isEqualTo("TRANSPORT_ARRANGED");
        assertThat(worker.path("transport").path("missedAt").isString()).isTrue();
        long version = journey.version(workerId);
        journey.deliver(missed);
        assertThat(journey.version(workerId)).isEqualTo(version);
        String atRisk = "/api/monitoring/at-risk?size=200&town=" + worker.path("town").stringValue();
        assertThat(reasonsOf(api.get(atRisk, Api.OFFICE, 200), workerId)).containsExactly("MISSED_BUS");

        // Seated on a later bus, they are no longer a case to follow up.
        journey.deliver(Journey.seat(placement, "trip-later-" + workerId, seat.tripId()));
        assertThat(api.worker(workerId).path("transport").path("missedAt").isNull()).isTrue();
        assertThat(reasonsOf(api.get(atRisk, Api.OFFICE, 200), workerId)).isEmpty();
    }

    private static List<String> reasonsOf(JsonNode atRisk, String workerId) {
        List<String> codes = new ArrayList<>();
        atRisk.path("items").forEach(row -> {
            if (row.path("workerId").stringValue().equals(workerId)) {
                row.path("reasons").forEach(r -> codes.add(r.path("code").stringValue()));
            }
        });
        return codes;
    }

    @Test
    void aReplannedSeatReplacesTheOldOneWhichNeverComesBack() {
        PlacementConfirmed placement = intentAgreed(false);
        String workerId = placement.workerId();
        SeatAssigned first = Journey.seat(placement, "trip-a-" + workerId, null);
        SeatAssigned second = Journey.seat(placement, "trip-b-" + workerId, first.tripId());
        journey.deliver(first);
        journey.deliver(second);
        assertThat(api.worker(workerId).path("transport").path("tripId").stringValue()).isEqualTo(second.tripId());
        long version = journey.version(workerId);
        journey.deliver(first);
        assertThat(journey.version(workerId)).isEqualTo(version);
        assertThat(api.worker(workerId).path("transport").path("tripId").stringValue()).isEqualTo(second.tripId());
    }

    @Test
    void aCancelledTripWaitsForANewArrangementAndASubsidyCanBeIt() {
        PlacementConfirmed placement = intentAgreed(false);
        String workerId = placement.workerId();
        SeatAssigned seat = Journey.seat(placement, "trip-" + workerId, null);
        journey.deliver(seat);
        TripCancelled cancelled = new TripCancelled(seat.tripId(), workerId, placement.placementId(),
                "bus broke down", Instant.now());
        journey.deliver(cancelled);
        JsonNode worker = api.worker(workerId);
        assertThat(worker.path("status").stringValue()).isEqualTo("INTENT_AGREED");
        assertThat(worker.path("transport").isMissingNode() || worker.path("transport").isNull()).isTrue();
        long version = journey.version(workerId);
        journey.deliver(cancelled);
        journey.deliver(seat);
        assertThat(journey.version(workerId)).as("the cancelled trip does not come back").isEqualTo(version);

        FareSubsidyGranted subsidy = Journey.subsidy(placement);
        journey.deliver(subsidy);
        JsonNode paid = api.worker(workerId);
        assertThat(paid.path("status").stringValue()).isEqualTo("TRANSPORT_ARRANGED");
        assertThat(paid.path("transport").path("kind").stringValue()).isEqualTo("FARE_SUBSIDY");
        assertThat(paid.path("transport").path("amountYuan").stringValue()).isEqualTo("126.40");
        assertThat(paid.path("transport").path("distanceKm").asDouble()).isEqualTo(158.0);
        version = journey.version(workerId);
        journey.deliver(subsidy);
        assertThat(journey.version(workerId)).isEqualTo(version);

        JsonNode first = api.post("/api/workers/" + workerId + "/first-day", Map.of("date", "2026-02-24"),
                Api.OFFICE, 200);
        assertThat(first.path("status").stringValue()).isEqualTo("RETURNED_TO_WORK");
    }

    @Test
    void aLocalPlacementNeedsNoBusAndTheOfficeRecordsTheFirstDay() {
        PlacementConfirmed placement = intentAgreed(true);
        String workerId = placement.workerId();
        JsonNode worker = api.worker(workerId);
        assertThat(worker.path("status").stringValue()).isEqualTo("TRANSPORT_ARRANGED");
        assertThat(worker.path("transport").path("kind").stringValue()).isEqualTo("SELF");
        api.post("/api/workers/" + workerId + "/first-day", null, TestTokens.worker(workerId), 403);
        JsonNode back = api.post("/api/workers/" + workerId + "/first-day", Map.of("date", "2026-02-24"),
                Api.OFFICE, 200);
        assertThat(back.path("status").stringValue()).isEqualTo("RETURNED_TO_WORK");
        assertThat(back.path("history").values().stream().map(h -> h.path("to").stringValue()))
                .containsExactly("REGISTERED", "OFFERED", "INTENT_AGREED", "TRANSPORT_ARRANGED", "RETURNED_TO_WORK");
        long version = journey.version(workerId);
        api.post("/api/workers/" + workerId + "/first-day", Map.of("date", "2026-02-24"), Api.OFFICE, 200);
        assertThat(journey.version(workerId)).isEqualTo(version);
    }

    private double counter(String name) {
        var c = meters.find(name).counter();
        return c == null ? 0 : c.count();
    }
}
