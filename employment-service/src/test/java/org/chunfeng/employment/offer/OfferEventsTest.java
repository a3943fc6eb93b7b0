package org.chunfeng.employment.offer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chunfeng.contracts.CloudEventHeaders;
import org.chunfeng.contracts.EventType;
import org.chunfeng.contracts.Topic;
import org.chunfeng.contracts.jobs.MatchExpired;
import org.chunfeng.contracts.jobs.MatchProposed;
import org.chunfeng.contracts.jobs.MatchWithdrawn;
import org.chunfeng.contracts.jobs.PlacementCancelled;
import org.chunfeng.contracts.jobs.PlacementConfirmed;
import org.chunfeng.employment.Api;
import org.chunfeng.employment.Fixtures;
import org.chunfeng.employment.Journey;
import org.chunfeng.kit.config.KafkaMessagingConfiguration;
import org.chunfeng.kit.testing.EventPublisher;
import org.chunfeng.kit.testing.ServiceTest;
import org.chunfeng.kit.testing.TestTokens;
import org.chunfeng.kit.testing.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceTest
class OfferEventsTest {

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

    @Test
    void anOfferArrivesOnceHoweverOftenItIsDelivered() {
        String workerId = api.register(Fixtures.form(Fixtures.town()));
        double received = counter("chunfeng.offers.received");
        MatchProposed match = Journey.match(workerId);
        journey.deliver(match);
        JsonNode worker = api.worker(workerId);
        assertThat(worker.path("status").stringValue()).isEqualTo("OFFERED");
        JsonNode offer = worker.path("offers").get(0);
        assertThat(offer.path("offerId").stringValue()).isEqualTo(match.matchId());
        assertThat(offer.path("jobTitle").stringValue()).isEqualTo("电子装配工");
        assertThat(offer.path("site").path("name").stringValue()).isEqualTo("合肥电子厂");
        assertThat(offer.path("reasons").get(0).path("reasonZh").stringValue()).contains("电子装配");
        assertThat(offer.path("state").stringValue()).isEqualTo("OPEN");
        assertThat(counter("chunfeng.offers.received") - received).isEqualTo(1);

        long version = journey.version(workerId);
        journey.deliver(match);
        assertThat(journey.version(workerId)).isEqualTo(version);
        assertThat(api.worker(workerId).path("offers").size()).isEqualTo(1);
        assertThat(counter("chunfeng.offers.received") - received).isEqualTo(1);

        JsonNode mine = api.get("/api/workers/" + workerId + "/offers", TestTokens.worker(workerId), 200);
        assertThat(mine.size()).isEqualTo(1);
        api.get("/api/workers/" + workerId + "/offers", TestTokens.worker("someone-else"), 403);
    }

    @Test
    void anExpiredOrWithdrawnMatchSendsTheWorkerBackOnce() {
        String workerId = api.register(Fixtures.form(Fixtures.town()));
        MatchProposed first = Journey.match(workerId);
        journey.deliver(first);
        MatchExpired expired = new MatchExpired(first.matchId(), workerId, first.jobId(), Instant.now());
        journey.deliver(expired);
        JsonNode worker = api.worker(workerId);
        assertThat(worker.path("status").stringValue()).isEqualTo("REGISTERED");
        assertThat(worker.path("offers").get(0).path("state").stringValue()).isEqualTo("EXPIRED");
        long version = journey.version(workerId);
        journey.deliver(expired);
        assertThat(journey.version(workerId)).isEqualTo(version);

        MatchProposed second = Journey.match(workerId);
        journey.deliver(second);
        MatchWithdrawn withdrawn = new MatchWithdrawn(second.matchId(), workerId, second.jobId(), "job closed",
                Instant.now());
        journey.deliver(withdrawn);
        worker = api.worker(workerId);
        assertThat(worker.path("status").stringValue()).isEqualTo("REGISTERED");
        assertThat(worker.path("offers").values().stream().filter(o -> o.path("offerId").stringValue()
                .equals(second.matchId())).findFirst().orElseThrow().path("note").stringValue())
                .isEqualTo("job closed");
        version = journey.version(workerId);
        journey.deliver(withdrawn);
        assertThat(journey.version(workerId)).isEqualTo(version);
        api.post("/api/workers/" + workerId + "/offers/" + second.matchId() + "/accept", null, Api.OFFICE, 409);
    }

    @Test
    void acceptingIsAnnouncedAndThePlacementMakesItAnIntention() {
        String workerId = api.register(Fixtures.form(Fixtures.town()));
        MatchProposed match = Journey.match(workerId);
        journey.deliver(match);
        try (TopicReader offers = new TopicReader(Topic.EMPLOYMENT_OFFERS.topicName())) {
            JsonNode accepted = api.post("/api/workers/" + workerId + "/offers/" + match.matchId() + "/accept", null,
                    TestTokens.worker(workerId), 200);
            assertThat(accepted.path("state").stringValue()).isEqualTo("ACCEPTED");
            ConsumerRecord<String, String> event = offers.until(rs -> rs.stream().anyMatch(r -> workerId.equals(
                    r.key()))).stream().filter(r -> workerId.equals(r.key())).findFirst().orElseThrow();
            assertThat(TopicReader.header(event, CloudEventHeaders.TYPE)).isEqualTo(EventType.OFFER_ACCEPTED.ceType());
            assertThat(json.readTree(event.value()).path("offerId").stringValue()).isEqualTo(match.matchId());
        }
        assertThat(api.worker(workerId).path("status").stringValue()).isEqualTo("OFFERED");

        PlacementConfirmed placement = Journey.placement(match, false);
        journey.deliver(placement);
        JsonNode worker = api.worker(workerId);
        assertThat(worker.path("status").stringValue()).isEqualTo("INTENT_AGREED");
        assertThat(worker.path("placement").path("placementId").stringValue()).isEqualTo(placement.placementId());
        assertThat(worker.path("placement").path("site").path("city").stringValue()).isEqualTo("合肥");
        assertThat(worker.path("offers").get(0).path("state").stringValue()).isEqualTo("CONFIRMED");
        long version = journey.version(workerId);
        journey.deliver(placement);
        assertThat(journey.version(workerId)).isEqualTo(version);

        PlacementCancelled cancelled = new PlacementCancelled(placement.placementId(), workerId, match.jobId(),
                "employer cancelled", Instant.now());
        journey.deliver(cancelled);
        worker = api.worker(workerId);
        assertThat(worker.path("status").stringValue()).isEqualTo("REGISTERED");
        assertThat(worker.path("placement").isMissingNode() || worker.path("placement").isNull()).isTrue();
        version = journey.version(workerId);
        journey.deliver(cancelled);
        journey.deliver(placement);
        assertThat(journey.version(workerId)).as("a cancelled placement is not confirmed again").isEqualTo(version);
    }

    @Test
    void twoAcceptsRacingOneWinsAndOneOfferAcceptedIsPublished() throws Exception {
        String workerId = api.register(Fixtures.form(Fixtures.town()));
        MatchProposed match = Journey.match(workerId);
        journey.deliver(match);
        String uri = "/api/workers/" + workerId + "/offers/" + match.matchId() + "/accept";
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (TopicReader offers = new TopicReader(Topic.EMPLOYMENT_OFFERS.topicName())) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String token : List.of(TestTokens.worker(workerId), Api.OFFICE)) {
                Callable<Integer> accept = () -> {
                    start.await();
                    return http.post().uri(uri).header("Authorization", token).exchange().returnResult()
                            .getStatus().value();
                };
                answers.add(pool.submit(accept));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            offers.until(rs -> rs.stream().anyMatch(r -> workerId.equals(r.key())));
            List<ConsumerRecord<String, String>> all = offers.settle(Duration.ofSeconds(2));
            assertThat(all.stream().filter(r -> workerId.equals(r.key()))).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOfferPastItsExpiryCannotBeAcceptedEvenBeforeJobsSaysSo() {
        String workerId = api.register(Fixtures.form(Fixtures.town()));
        MatchProposed late = Journey.match(workerId, Instant.now().minusSeconds(60));
        journey.deliver(late);
        assertThat(api.get("/api/workers/" + workerId + "/offers", Api.OFFICE, 200).get(0).path("state")
                .stringValue()).isEqualTo("EXPIRED");
        JsonNode refused = api.post("/api/workers/" + workerId + "/offers/" + late.matchId() + "/accept", null,
                TestTokens.worker(workerId), 409);
        assertThat(refused.path("code").stringValue()).isEqualTo("offer-expired");
        api.post("/api/workers/" + workerId + "/offers/" + late.matchId() + "/accept", null,
                TestTokens.worker("another-worker"), 403);
        api.post("/api/workers/" + workerId + "/offers/no-such-offer/accept", null, Api.OFFICE, 404);
    }

    @Test
    void decliningNeedsAReasonAndIsAnnouncedWithIt() {
        String workerId = api.register(Fixtures.form(Fixtures.town()));
        MatchProposed match = Journey.match(workerId);
        journey.deliver(match);
        String uri = "/api/workers/" + workerId + "/offers/" + match.matchId() + "/decline";
        api.post(uri, Map.of("reason", " "), TestTokens.worker(workerId), 400);
        try (TopicReader offers = new TopicReader(Topic.EMPLOYMENT_OFFERS.topicName())) {
            JsonNode declined = api.post(uri, Map.of("reason", "离家太远"), TestTokens.worker(workerId), 200);
            assertThat(declined.path("state").stringValue()).isEqualTo("DECLINED");
            ConsumerRecord<String, String> event = offers.until(rs -> rs.stream().anyMatch(r -> workerId.equals(
                    r.key()))).stream().filter(r -> workerId.equals(r.key())).findFirst().orElseThrow();
            assertThat(TopicReader.header(event, CloudEventHeaders.TYPE)).isEqualTo(EventType.OFFER_DECLINED.ceType());
            assertThat(json.readTree(event.value()).path("reason").stringValue()).isEqualTo("离家太远");
        }
        JsonNode worker = api.worker(workerId);
        assertThat(worker.path("status").stringValue()).isEqualTo("REGISTERED");
        assertThat(worker.path("declinedOffers").asInt()).isEqualTo(1);
        api.post(uri, Map.of("reason", "again"), Api.OFFICE, 409);
    }

    @Test
    void anEventAboutAWorkerNobodyKnowsIsParkedWithItsReason() {
        String stranger = "w-unknown-" + UUID.randomUUID();
        try (TopicReader dlt = new TopicReader(Topic.JOBS_MATCHES.deadLetter())) {
            String id = new EventPublisher(kafka, json).publish(Journey.match(stranger));
            ConsumerRecord<String, String> parked = dlt.until(rs -> rs.stream().anyMatch(r -> id.equals(
                    TopicReader.header(r, CloudEventHeaders.ID)))).stream().filter(r -> id.equals(
                    TopicReader.header(r, CloudEventHeaders.ID))).findFirst().orElseThrow();
            assertThat(TopicReader.header(parked, KafkaMessagingConfiguration.REASON_HEADER)).contains(stranger);
        }
    }

    private double counter(String name) {
        var c = meters.find(name).counter();
        return c == null ? 0 : c.count();
    }
}
