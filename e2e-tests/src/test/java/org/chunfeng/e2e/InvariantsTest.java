package org.chunfeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.chunfeng.devstack.demo.GatewayClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The guarantees of the design, checked on the records the services keep after the demo campaign was played out:
 * read straight from their databases and through the API, and compared across services.
 */
@Order(2)
@WholeSystemTest
class InvariantsTest {

    /** The statuses behind each stage of the funnel, as the README and the monitoring API define them. */
    enum Stage {
        REGISTERED("registered", "REGISTERED", "OFFERED", "INTENT_AGREED", "TRANSPORT_ARRANGED", "RETURNED_TO_WORK",
                "WITHDRAWN"),
        OFFERED("offered", "OFFERED", "INTENT_AGREED", "TRANSPORT_ARRANGED", "RETURNED_TO_WORK"),
        INTENT_AGREED("intentAgreed", "INTENT_AGREED", "TRANSPORT_ARRANGED", "RETURNED_TO_WORK"),
        TRANSPORT_ARRANGED("transportArranged", "TRANSPORT_ARRANGED", "RETURNED_TO_WORK"),
        RETURNED_TO_WORK("returnedToWork", "RETURNED_TO_WORK"),
        WITHDRAWN("withdrawn", "WITHDRAWN");

        final String field;
        final List<String> statuses;

        Stage(String field, String... statuses) {
            this.field = field;
            this.statuses = List.of(statuses);
        }
    }

    private static final Set<String> PLACED = Set.of("INTENT_AGREED", "TRANSPORT_ARRANGED", "RETURNED_TO_WORK");
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private static ChunfengSystem system;
    private static MongoDatabase employment;
    private static MongoDatabase jobs;
    private static MongoDatabase transport;

    @BeforeAll
    static void playTheDemo(ChunfengSystem theSystem) {
        system = theSystem;
        system.demo();
        employment = system.database("employment");
        jobs = system.database("jobs");
        transport = system.database("transport");
    }

    @Test
    void noPostingHasMoreOpeningsReservedAndFilledThanItHas() {
        List<Document> postings = jobs.getCollection("jobs").find().into(new ArrayList<>());
        assertThat(postings).hasSizeGreaterThanOrEqualTo(system.demo().campaign().postings().size());
        assertThat(postings).allSatisfy(job -> {
            assertThat(number(job, "reserved")).as("reserved of %s", job.get("_id")).isNotNegative();
            assertThat(number(job, "filled")).as("filled of %s", job.get("_id")).isNotNegative();
            assertThat(number(job, "reserved") + number(job, "filled")).as("reserved + filled of %s", job.get("_id"))
                    .isLessThanOrEqualTo(number(job, "openings"));
        });
        assertThat(postings.stream().mapToLong(job -> number(job, "filled")).sum()).isPositive();

        // The API shows the same counters.
        for (int page = 0; ; page++) {
            JsonNode answer = system.office().get("/api/jobs?size=500&page=" + page);
            answer.path("items").forEach(job -> assertThat(job.path("reserved").asInt() + job.path("filled").asInt())
                    .as("GET /api/jobs: %s", job.path("id").asString())
                    .isLessThanOrEqualTo(job.path("openings").asInt()));
            if ((page + 1) * 500L >= answer.path("total").asLong()) {
                break;
            }
        }
    }

    @Test
    void eachPostingsCountersAreItsLiveOffersAndItsPlacements() {
        await().atMost(SETTLE).untilAsserted(() -> {
            Map<String, Long> offered = new HashMap<>();
            Map<String, Long> placed = new HashMap<>();
            for (Document c : jobs.getCollection("candidates").find()) {
                if ("OFFERED".equals(c.getString("state"))) {
                    offered.merge(c.getString("offerJobId"), 1L, Long::sum);
                }
                if ("PLACED".equals(c.getString("state"))) {
                    placed.merge(c.getString("placementJobId"), 1L, Long::sum);
                }
            }
            for (Document job : jobs.getCollection("jobs").find()) {
                String id = job.getString("_id");
                assertThat(number(job, "reserved")).as("openings of %s reserved by live offers", id)
                        .isEqualTo(offered.getOrDefault(id, 0L));
                assertThat(number(job, "filled")).as("openings of %s filled by placements", id)
                        .isEqualTo(placed.getOrDefault(id, 0L));
            }
        });
    }

    @Test
    void noWorkerHoldsTwoLiveOffers() {
        await().atMost(SETTLE).untilAsserted(() -> {
            Map<String, String> jobsSide = new HashMap<>();
            for (Document c : jobs.getCollection("candidates").find(Filters.eq("state", "OFFERED"))) {
                jobsSide.put(c.getString("_id"), c.get("offer", Document.class).getString("matchId"));
            }
            for (Document worker : employment.getCollection("workers").find()) {
                List<Document> live = offers(worker).stream()
                        .filter(o -> Set.of("OPEN", "ACCEPTED").contains(o.getString("state"))).toList();
                assertThat(live).as("live offers of worker %s", worker.get("_id")).hasSizeLessThanOrEqualTo(1);
                List<String> open = live.stream().filter(o -> o.getString("state").equals("OPEN"))
                        .map(o -> o.getString("offerId")).toList();
                // An offer open on the worker's side is the live match jobs-service reserved an opening for.
                assertThat(open).as("open offer of %s against jobs-service", worker.get("_id"))
                        .allMatch(offerId -> offerId.equals(jobsSide.get(worker.getString("_id"))));
            }
        });
    }

    @Test
    void noWorkerHasTwoSeats() {
        Map<String, List<String>> seats = new HashMap<>();
        for (Document trip : transport.getCollection("trips").find(Filters.ne("status", "CANCELLED"))) {
            for (Document rider : trip.getList("riders", Document.class, List.of())) {
                if (!"NO_SHOW".equals(rider.getString("status"))) {
                    seats.computeIfAbsent(rider.getString("workerId"), w -> new ArrayList<>())
                            .add(trip.getString("_id") + "#" + rider.get("seatNumber"));
                }
            }
        }
        assertThat(seats).isNotEmpty();
        assertThat(seats).allSatisfy((worker, held) -> assertThat(held).as("seats of %s", worker).hasSize(1));
        Map<String, Set<Object>> seatNumbers = new HashMap<>();
        for (Document trip : transport.getCollection("trips").find(Filters.ne("status", "CANCELLED"))) {
            for (Document rider : trip.getList("riders", Document.class, List.of())) {
                assertThat(seatNumbers.computeIfAbsent(trip.getString("_id"), t -> new java.util.HashSet<>())
                        .add(rider.get("seatNumber"))).as("seat %s on %s given once", rider.get("seatNumber"),
                                trip.get("_id")).isTrue();
            }
        }
    }

    @Test
    void everyPlacedWorkerWhoTravelsHasASeatOrAFareSubsidy() {
        await().atMost(SETTLE).untilAsserted(() -> {
            Map<String, Document> riders = new HashMap<>();
            transport.getCollection("riders").find().forEach(r -> riders.put(r.getString("_id"), r));
            Map<String, Set<String>> manifests = new HashMap<>();
            for (Document trip : transport.getCollection("trips").find(Filters.ne("status", "CANCELLED"))) {
                for (Document rider : trip.getList("riders", Document.class, List.of())) {
                    manifests.computeIfAbsent(rider.getString("workerId"), w -> new java.util.HashSet<>())
                            .add(trip.getString("_id"));
                }
            }
            int travelling = 0;
            for (Document worker : employment.getCollection("workers").find(Filters.in("status", PLACED))) {
                String id = worker.getString("_id");
                Document placement = worker.get("placement", Document.class);
                assertThat(placement).as("placement of %s", id).isNotNull();
                if (placement.getBoolean("local", false)) {
                    assertThat(worker.getString("status")).as("a local placement travels by themselves: %s", id)
                            .isIn("TRANSPORT_ARRANGED", "RETURNED_TO_WORK");
                    continue;
                }
                travelling++;
                assertThat(worker.getString("status")).as("status of %s", id).isNotEqualTo("INTENT_AGREED");
                Document rider = riders.get(id);
                assertThat(rider).as("transport-service's rider %s", id).isNotNull();
                Document transportView = worker.get("transport", Document.class);
                switch (rider.getString("status")) {
                    case "SEATED", "BOARDED", "ARRIVED", "NO_SHOW" -> {
                        String tripId = rider.get("seat", Document.class).getString("tripId");
                        assertThat(manifests.getOrDefault(id, Set.of())).as("manifests naming %s", id)
                                .containsExactly(tripId);
                        assertThat(transportView.getString("kind")).isEqualTo("BUS_SEAT");
                        assertThat(transportView.getString("tripId")).as("trip of %s as employment has it", id)
                                .isEqualTo(tripId);
                    }
                    case "SUBSIDISED" -> {
                        assertThat(transport.getCollection("subsidies")
                                .countDocuments(Filters.eq("_id", rider.getString("placementId"))))
                                .as("subsidy for %s", id).isEqualTo(1);
                        assertThat(manifests).as("a subsidised rider is on no bus").doesNotContainKey(id);
                        assertThat(transportView.getString("kind")).isEqualTo("FARE_SUBSIDY");
                    }
                    default -> throw new AssertionError("Worker " + id + " is placed and travels, but transport-service"
                            + " has them " + rider.getString("status"));
                }
            }
            assertThat(travelling).isPositive();
        });
    }

    @Test
    void everyFigureOfTheDashboardIsTheCountOfTheWorkersBehindIt() {
        await().atMost(SETTLE).untilAsserted(() -> {
            JsonNode summary = system.office().get("/api/monitoring/summary");
            List<String> mismatches = new ArrayList<>();
            check(summary.path("total"), Map.of(), mismatches);
            for (JsonNode v : summary.path("byVillage")) {
                check(v.path("funnel"), Map.of("town", v.path("town").asString(), "village",
                        v.path("village").asString()), mismatches);
            }
            for (JsonNode p : summary.path("byPovertyStatus")) {
                check(p.path("funnel"), Map.of("povertyStatus", p.path("povertyStatus").asString()), mismatches);
            }
            for (JsonNode g : summary.path("specialGroups")) {
                check(g.path("funnel"), Map.of("specialGroup", g.path("specialGroup").asString()), mismatches);
            }
            assertThat(summary.path("byVillage")).hasSizeGreaterThan(10);
            assertThat(summary.path("specialGroups")).isNotEmpty();
            JsonNode after = system.office().get("/api/monitoring/summary");
            for (String part : List.of("total", "byVillage", "byPovertyStatus", "specialGroups")) {
                assertThat(after.path(part)).as("%s did not move while counting", part).isEqualTo(summary.path(part));
            }
            assertThat(mismatches).isEmpty();
        });
    }

    /** Each stage's figure against the drill-down's total and a count of the worker records. */
    private static void check(JsonNode funnel, Map<String, String> filter, List<String> mismatches) {
        GatewayClient office = system.office();
        for (Stage stage : Stage.values()) {
            long figure = funnel.path(stage.field).asLong();
            StringBuilder query = new StringBuilder("/api/monitoring/summary/drill?size=1&stage=" + stage.name());
            List<Bson> conditions = new ArrayList<>(List.of(Filters.in("status", stage.statuses)));
            filter.forEach((name, value) -> {
                query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                conditions.add(Filters.eq(name.equals("specialGroup") ? "specialGroups" : name, value));
            });
            long drilled = office.get(query.toString()).path("total").asLong();
            long counted = employment.getCollection("workers").countDocuments(Filters.and(conditions));
            if (figure != drilled || figure != counted) {
                mismatches.add(stage + " " + filter + ": figure " + figure + ", drill " + drilled + ", records "
                        + counted);
            }
        }
    }

    @Test
    void theFunnelAddsUp() {
        JsonNode total = system.office().get("/api/monitoring/summary").path("total");
        long registered = total.path("registered").asLong();

        assertThat(registered).isEqualTo(employment.getCollection("workers").countDocuments());
        assertThat(total.path("offered").asLong()).isBetween(total.path("intentAgreed").asLong(), registered);
        assertThat(total.path("transportArranged").asLong()).isLessThanOrEqualTo(total.path("intentAgreed").asLong());
        assertThat(total.path("returnedToWork").asLong()).isPositive()
                .isLessThanOrEqualTo(total.path("transportArranged").asLong());
    }

    private static List<Document> offers(Document worker) {
        return worker.getList("offers", Document.class, List.of());
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
