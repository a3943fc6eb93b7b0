package org.chunfeng.employment.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.chunfeng.contracts.jobs.MatchProposed;
import org.chunfeng.contracts.jobs.PlacementConfirmed;
import org.chunfeng.contracts.transport.RiderArrived;
import org.chunfeng.contracts.transport.SeatAssigned;
import org.chunfeng.employment.Api;
import org.chunfeng.employment.Fixtures;
import org.chunfeng.employment.Journey;
import org.chunfeng.employment.worker.WorkerRepository;
import org.chunfeng.kit.testing.EventPublisher;
import org.chunfeng.kit.testing.ServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceTest
class MonitoringTest {

    static final String[] STAGES = {"REGISTERED", "OFFERED", "INTENT_AGREED", "TRANSPORT_ARRANGED", "RETURNED_TO_WORK",
        "WITHDRAWN"};
    static final String[] FIGURES = {"registered", "offered", "intentAgreed", "transportArranged", "returnedToWork",
        "withdrawn"};

    @Autowired
    RestTestClient http;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    AtRiskGauge atRiskGauge;

    Api api;
    Journey journey;

    @BeforeEach
    void setUp() {
        api = new Api(http, json);
        journey = new Journey(new EventPublisher(kafka, json), mongo);
    }

    String register(String town, String village, String poverty, List<String> groups) {
        Map<String, Object> form = Fixtures.form(town, village, Fixtures.idNumber());
        form.put("povertyStatus", poverty);
        form.put("specialGroups", groups);
        return api.register(form);
    }

    MatchProposed offer(String workerId) {
        MatchProposed m = Journey.match(workerId);
        journey.deliver(m);
        return m;
    }

    PlacementConfirmed agree(String workerId) {
        MatchProposed m = offer(workerId);
        api.post("/api/workers/" + workerId + "/offers/" + m.matchId() + "/accept", null, Api.OFFICE, 200);
        PlacementConfirmed p = Journey.placement(m, false);
        journey.deliver(p);
        return p;
    }

    SeatAssigned seat(String workerId) {
        PlacementConfirmed p = agree(workerId);
        SeatAssigned s = Journey.seat(p, "trip-" + workerId, null);
        journey.deliver(s);
        return s;
    }

    @Test
    void everyFigureEqualsTheNumberOfWorkersItDrillsDownTo() {
        String town = Fixtures.town();
        register(town, "李楼村", "POOR", List.of());
        register(town, "李楼村", "POOR", List.of("ELDERLY"));
        offer(register(town, "李楼村", "MARGINAL", List.of("DISABLED")));
        agree(register(town, "李楼村", "UNSTABLE", List.of()));
        seat(register(town, "张庄村", "POOR", List.of("ELDERLY", "SERIOUSLY_ILL")));
        SeatAssigned s = seat(register(town, "张庄村", "NONE", List.of()));
        journey.deliver(new RiderArrived(s.tripId(), s.workerId(), s.placementId(), "合肥电子厂", Instant.now()));
        String leaving = register(town, "张庄村", "POOR", List.of("DISABLED"));
        api.post("/api/workers/" + leaving + "/withdraw", Map.of("reason", "moved away"), Api.OFFICE, 200);

        JsonNode summary = api.get("/api/monitoring/summary?town=" + town, Api.OFFICE, 200);
        JsonNode total = summary.path("total");
        assertThat(figures(total)).containsExactly(7L, 4L, 3L, 2L, 1L, 1L);
        assertThat(summary.path("byTown").size()).isEqualTo(1);
        assertThat(summary.path("byVillage").values().stream().map(v -> v.path("village").stringValue()))
                .containsExactlyInAnyOrder("李楼村", "张庄村");

        int checked = 0;
        checked += checkAgainstDrill(total, "town=" + town);
        for (JsonNode v : summary.path("byVillage")) {
            checked += checkAgainstDrill(v.path("funnel"), "town=" + town + "&village=" + v.path("village")
                    .stringValue());
        }
        for (JsonNode p : summary.path("byPovertyStatus")) {
            checked += checkAgainstDrill(p.path("funnel"), "town=" + town + "&povertyStatus="
                    + p.path("povertyStatus").stringValue());
        }
        for (JsonNode g : summary.path("specialGroups")) {
            checked += checkAgainstDrill(g.path("funnel"), "town=" + town + "&specialGroup="
                    + g.path("specialGroup").stringValue());
        }
        assertThat(checked).isEqualTo(6 * (1 + 2 + 4 + 3));

        JsonNode village = api.get("/api/monitoring/summary?town=" + town + "&village=张庄村", Api.OFFICE, 200);
        assertThat(figures(village.path("total"))).containsExactly(3L, 2L, 2L, 2L, 1L, 1L);
        JsonNode elderly = summary.path("specialGroups").values().stream()
                .filter(g -> g.path("specialGroup").stringValue().equals("ELDERLY")).findFirst().orElseThrow();
        assertThat(elderly.path("funnel").path("registered").asLong()).isEqualTo(2);

        JsonNode drill = api.get("/api/monitoring/summary/drill?stage=TRANSPORT_ARRANGED&town=" + town, Api.OFFICE,
                200);
        assertThat(drill.path("items").values()).allSatisfy(row -> assertThat(row.has("phone")).isFalse());
        api.get("/api/monitoring/summary/drill?stage=HAPPY&town=" + town, Api.OFFICE, 400);
        api.get("/api/monitoring/summary/drill?town=" + town, Api.OFFICE, 400);
    }

    @Test
    void theAtRiskListSaysWhyEachWorkerIsOnIt() {
        String town = Fixtures.town();
        String waiting = register(town, "李楼村", "POOR", List.of());
        String fresh = register(town, "李楼村", "NONE", List.of());
        String decliner = register(town, "张庄村", "NONE", List.of());
        for (int i = 0; i < 2; i++) {
            MatchProposed m = offer(decliner);
            api.post("/api/workers/" + decliner + "/offers/" + m.matchId() + "/decline", Map.of("reason", "太远"),
                    Api.OFFICE, 200);
        }
        String placed = register(town, "张庄村", "POOR", List.of());
        agree(placed);
        // Registered ten days ago, as if the campaign had been running.
        for (String id : List.of(waiting, placed)) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("registeredAt",
                    Date.from(Instant.now().minus(Duration.ofDays(10)))), WorkerRepository.COLLECTION);
        }
        JsonNode list = api.get("/api/monitoring/at-risk?days=7&town=" + town, Api.OFFICE, 200);
        List<String> ids = new ArrayList<>();
        list.path("items").forEach(r -> ids.add(r.path("workerId").stringValue()));
        assertThat(ids).containsExactlyInAnyOrder(waiting, decliner);
        JsonNode first = list.path("items").values().stream().filter(r -> r.path("workerId").stringValue()
                .equals(waiting)).findFirst().orElseThrow();
        assertThat(first.path("reasons").values().stream().map(r -> r.path("code").stringValue()))
                .containsExactlyInAnyOrder("NO_ACCEPTED_OFFER", "HOUSEHOLD_NOT_PLACED");
        assertThat(first.path("reasons").get(0).path("zh").stringValue()).isNotBlank();
        assertThat(first.path("daysSinceRegistered").asLong()).isEqualTo(10);
        assertThat(first.path("phoneMasked").stringValue()).contains("****");
        JsonNode second = list.path("items").values().stream().filter(r -> r.path("workerId").stringValue()
                .equals(decliner)).findFirst().orElseThrow();
        assertThat(second.path("reasons").get(0).path("code").stringValue()).isEqualTo("DECLINED_OFFERS");
        assertThat(ids).doesNotContain(fresh, placed);
        assertThat(api.get("/api/monitoring/at-risk?days=11&town=" + town, Api.OFFICE, 200).path("total").asInt())
                .isEqualTo(1);
        api.get("/api/monitoring/at-risk?days=0", Api.OFFICE, 400);

        // The gauge counts the same list with the configured 7 days, town by town.
        assertThat(atRiskGauge.refresh()).containsEntry(town, 2L);
        String scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        assertThat(scrape).contains("chunfeng_workers_at_risk{application=\"employment-service\",town=\"" + town
                + "\"} 2.0");
        // Once those workers leave, the town reports 0 instead of disappearing from the graph.
        api.post("/api/workers/" + waiting + "/withdraw", Map.of("reason", "外出自找工作"), Api.OFFICE, 200);
        api.post("/api/workers/" + decliner + "/withdraw", Map.of("reason", "外出自找工作"), Api.OFFICE, 200);
        assertThat(atRiskGauge.refresh()).containsEntry(town, 0L);
    }

    int checkAgainstDrill(JsonNode funnel, String filter) {
        for (int i = 0; i < STAGES.length; i++) {
            long figure = funnel.path(FIGURES[i]).asLong();
            JsonNode drill = api.get("/api/monitoring/summary/drill?stage=" + STAGES[i] + "&" + filter + "&size=200",
                    Api.OFFICE, 200);
            assertThat(drill.path("total").asLong()).as(STAGES[i] + " " + filter).isEqualTo(figure);
            assertThat(drill.path("items").size()).isEqualTo((int) figure);
        }
        return STAGES.length;
    }

    static List<Long> figures(JsonNode funnel) {
        List<Long> out = new ArrayList<>();
        for (String f : FIGURES) {
            out.add(funnel.path(f).asLong());
        }
        return out;
    }
}
