package org.chunfeng.employment.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chunfeng.contracts.CloudEventHeaders;
import org.chunfeng.contracts.EventType;
import org.chunfeng.contracts.Topic;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.employment.Api;
import org.chunfeng.employment.Fixtures;
import org.chunfeng.employment.LogCapture;
import org.chunfeng.employment.registration.CollectionPoints;
import org.chunfeng.kit.testing.ServiceTest;
import org.chunfeng.kit.testing.TestTokens;
import org.chunfeng.kit.testing.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceTest
class WorkerApiTest {

    @Autowired
    RestTestClient http;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http, json);
    }

    @Test
    void registeringAnnouncesTheWorkerWithTheMaskedIdOnlyAndNeverLogsTheNumber() {
        String idNumber = Fixtures.idNumber();
        Map<String, Object> form = Fixtures.form(Fixtures.town(), "李楼村", idNumber);
        try (LogCapture logs = new LogCapture(); TopicReader topic = new TopicReader(Topic.EMPLOYMENT_WORKERS.topicName())) {
            JsonNode created = api.post("/api/workers", form, Api.OFFICE, 201);
            String workerId = created.path("workerId").stringValue();
            assertThat(created.path("idNumberMasked").stringValue())
                    .isEqualTo(idNumber.substring(0, 6) + "**********" + idNumber.substring(16));
            assertThat(created.path("status").stringValue()).isEqualTo("REGISTERED");
            assertThat(created.path("phone").stringValue()).isEqualTo(form.get("phone"));
            assertThat(created.path("collectionPoint").path("id").stringValue()).startsWith("cp-");
            assertThat(created.toString()).doesNotContain(idNumber);

            ConsumerRecord<String, String> event = topic.until(records -> records.stream()
                    .anyMatch(r -> workerId.equals(r.key()))).stream().filter(r -> workerId.equals(r.key()))
                    .findFirst().orElseThrow();
            assertThat(TopicReader.header(event, CloudEventHeaders.TYPE))
                    .isEqualTo(EventType.WORKER_REGISTERED.ceType());
            JsonNode payload = json.readTree(event.value());
            assertThat(payload.path("profile").path("idNumberMasked").stringValue())
                    .isEqualTo(created.path("idNumberMasked").stringValue());
            assertThat(payload.path("profile").path("phoneMasked").stringValue())
                    .isEqualTo(Phone.mask((String) form.get("phone")));
            assertThat(event.value()).doesNotContain(idNumber).doesNotContain((String) form.get("phone"));
            for (var header : event.headers()) {
                assertThat(new String(header.value())).doesNotContain(idNumber);
            }
            assertThat(logs.text()).doesNotContain(idNumber).doesNotContain(idNumber.substring(0, 17));

            org.bson.Document stored = mongo.getCollection(WorkerRepository.COLLECTION)
                    .find(new org.bson.Document("_id", workerId)).first();
            assertThat(stored.toJson()).doesNotContain(idNumber);
            assertThat(stored.keySet()).doesNotContain("changed", "pendingEvents", "_class");
        }
    }

    @Test
    void theSameIdNumberTwiceIsAConflictNamingTheFirstWorker() {
        String town = Fixtures.town();
        String idNumber = Fixtures.idNumber();
        String first = api.register(Fixtures.form(town, "李楼村", idNumber));
        // typed differently: lower-case x or spaces must not slip past the check
        Map<String, Object> again = Fixtures.form(town, "张庄村", " " + idNumber.toLowerCase() + " ");
        JsonNode conflict = api.post("/api/workers", again, Api.OFFICE, 409);
        assertThat(conflict.path("code").stringValue()).isEqualTo("duplicate-id-number");
        assertThat(conflict.path("existingWorkerId").stringValue()).isEqualTo(first);
        assertThat(count(town)).isEqualTo(1);
    }

    @Test
    void everyInvalidFieldIsNamedInOneAnswerAndNothingIsStored() {
        String town = Fixtures.town();
        Map<String, Object> form = new HashMap<>(Fixtures.form(town));
        String good = (String) form.get("idNumber");
        form.put("name", " ");
        form.put("idNumber", good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1'));
        form.put("phone", "12345");
        form.put("povertyStatus", "RICH");
        form.put("specialGroups", List.of("ELDERLY", "TALL"));
        form.put("home", Map.of("lat", 95.0, "lon", 116.2));
        form.put("skills", List.of(Map.of("skill", "juggling", "years", 3), Map.of("skill", "COOKING", "years", 99)));
        form.put("intent", "");
        form.put("minMonthlyWage", -5);
        form.put("availableFrom", "2026-02-30");
        form.put("fitness", "BLUE");
        form.put("fitnessCheckedOn", "2099-01-01");
        JsonNode problem = api.post("/api/workers", form, Api.OFFICE, 400);
        assertThat(problem.path("type").stringValue()).isEqualTo("https://chunfeng.org/problems/invalid-input");
        List<String> fields = problem.path("errors").values().stream().map(e -> e.path("field").stringValue())
                .toList();
        assertThat(fields).containsExactlyInAnyOrder("name", "idNumber", "phone", "povertyStatus",
                "specialGroups[1]", "home.lat", "skills[0].skill", "skills[1].years", "intent", "minMonthlyWage",
                "availableFrom", "fitness", "fitnessCheckedOn");
        assertThat(problem.toString()).doesNotContain(good.substring(0, 17));
        assertThat(count(town)).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("town").is(town)), CollectionPoints.COLLECTION)).isZero();
    }

    @Test
    void listsArePagedAndFilteredWithPhonesMasked() {
        String town = Fixtures.town();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> form = Fixtures.form(town, i < 3 ? "李楼村" : "张庄村", Fixtures.idNumber());
            form.put("povertyStatus", i % 2 == 0 ? "POOR" : "边缘户");
            api.register(form);
        }
        JsonNode page0 = api.get("/api/workers?town=" + town + "&size=2", Api.OFFICE, 200);
        assertThat(page0.path("total").asLong()).isEqualTo(5);
        assertThat(page0.path("items").size()).isEqualTo(2);
        JsonNode page2 = api.get("/api/workers?town=" + town + "&size=2&page=2", Api.OFFICE, 200);
        assertThat(page2.path("items").size()).isEqualTo(1);
        assertThat(api.get("/api/workers?town=" + town + "&village=张庄村", Api.OFFICE, 200).path("total").asLong())
                .isEqualTo(2);
        assertThat(api.get("/api/workers?town=" + town + "&povertyStatus=MARGINAL", Api.OFFICE, 200)
                .path("total").asLong()).isEqualTo(2);
        assertThat(api.get("/api/workers?town=" + town + "&status=OFFERED", Api.OFFICE, 200).path("total")
                .asLong()).isZero();
        page0.path("items").values().forEach(row -> {
            assertThat(row.has("phone")).isFalse();
            assertThat(row.path("phoneMasked").stringValue()).matches("1\\d\\d\\*{4}\\d{4}");
        });
        JsonNode bad = api.get("/api/workers?status=SLEEPING&size=0", Api.OFFICE, 400);
        assertThat(bad.path("errors").get(0).path("field").stringValue()).isEqualTo("status");
        assertThat(api.get("/api/workers?size=500", Api.OFFICE, 400).path("errors").get(0).path("field")
                .stringValue()).isEqualTo("size");
    }

    @Test
    void aNameSearchFindsThePartAnywhereLatinInEitherCaseAndNeverRunsItAsAPattern() {
        String town = Fixtures.town();
        for (String name : List.of("王秀英", "王秀兰", "Li Xiuying", "Li.Na", "李(娜)")) {
            Map<String, Object> form = Fixtures.form(town);
            form.put("name", name);
            api.register(form);
        }
        assertThat(names(town, "秀")).containsExactlyInAnyOrder("王秀英", "王秀兰");
        assertThat(names(town, "xiuy")).containsExactly("Li Xiuying");
        assertThat(names(town, "li xiu")).containsExactly("Li Xiuying");
        assertThat(names(town, "LI.")).containsExactly("Li.Na");
        assertThat(names(town, "(娜")).containsExactly("李(娜)");
        assertThat(names(town, ".*")).isEmpty();
        assertThat(names(town, "[")).isEmpty();
        assertThat(names(town, " 秀英 ")).containsExactly("王秀英");
        assertThat(api.get("/api/workers?town=" + town + "&name=" + "秀".repeat(51), Api.OFFICE, 400)
                .path("errors").get(0).path("field").stringValue()).isEqualTo("name");
    }

    private List<String> names(String town, String part) {
        JsonNode page = json.readTree(http.get().uri("/api/workers?town={town}&name={name}", town, part)
                .header(org.springframework.http.HttpHeaders.AUTHORIZATION, Api.OFFICE).exchange().expectStatus()
                .isOk().expectBody(String.class).returnResult().getResponseBody());
        return page.path("items").values().stream().map(row -> row.path("name").stringValue()).toList();
    }

    @Test
    void aCorrectionIsAnnouncedWithTheWholeProfile() {
        String town = Fixtures.town();
        String workerId = api.register(Fixtures.form(town));
        try (TopicReader topic = new TopicReader(Topic.EMPLOYMENT_WORKERS.topicName())) {
            JsonNode updated = api.patch("/api/workers/" + workerId, Map.of("phone", "139 0000 1111",
                    "povertyStatus", "脱贫不稳定户", "skills", List.of(Map.of("skill", "护理", "years", 5))),
                    Api.OFFICE, 200);
            assertThat(updated.path("phone").stringValue()).isEqualTo("13900001111");
            assertThat(updated.path("povertyStatus").stringValue()).isEqualTo("UNSTABLE");
            assertThat(updated.path("town").stringValue()).isEqualTo(town);
            ConsumerRecord<String, String> event = topic.until(records -> records.stream().anyMatch(r ->
                    workerId.equals(r.key()) && EventType.WORKER_UPDATED.ceType()
                            .equals(TopicReader.header(r, CloudEventHeaders.TYPE)))).stream()
                    .filter(r -> workerId.equals(r.key()) && EventType.WORKER_UPDATED.ceType()
                            .equals(TopicReader.header(r, CloudEventHeaders.TYPE))).findFirst().orElseThrow();
            JsonNode profile = json.readTree(event.value()).path("profile");
            assertThat(profile.path("phoneMasked").stringValue()).isEqualTo("139****1111");
            assertThat(profile.path("skills").get(0).path("skill").stringValue()).isEqualTo("CARE_WORK");
            assertThat(profile.path("village").stringValue()).isEqualTo("李楼村");
        }
        JsonNode refused = api.patch("/api/workers/" + workerId, Map.of("idNumber", Fixtures.idNumber(),
                "phone", "99"), Api.OFFICE, 400);
        assertThat(refused.path("errors").values().stream().map(e -> e.path("field").stringValue()))
                .containsExactlyInAnyOrder("idNumber", "phone");
        assertThat(api.worker(workerId).path("phone").stringValue()).isEqualTo("13900001111");
        api.patch("/api/workers/nobody", Map.of("name", "x"), Api.OFFICE, 404);
    }

    @Test
    void withdrawingIsAnnouncedAndCannotHappenTwice() {
        String workerId = api.register(Fixtures.form(Fixtures.town()));
        try (TopicReader topic = new TopicReader(Topic.EMPLOYMENT_WORKERS.topicName())) {
            JsonNode withdrawn = api.post("/api/workers/" + workerId + "/withdraw",
                    Map.of("reason", "Found work by himself"), Api.OFFICE, 200);
            assertThat(withdrawn.path("status").stringValue()).isEqualTo("WITHDRAWN");
            topic.until(records -> records.stream().anyMatch(r -> workerId.equals(r.key())
                    && EventType.WORKER_WITHDRAWN.ceType().equals(TopicReader.header(r, CloudEventHeaders.TYPE))
                    && r.value().contains("Found work by himself")));
        }
        JsonNode again = api.post("/api/workers/" + workerId + "/withdraw", Map.of("reason", "again"), Api.OFFICE,
                409);
        assertThat(again.path("code").stringValue()).isEqualTo("illegal-transition");
        assertThat(again.path("detail").stringValue()).contains("WITHDRAWN");
        api.post("/api/workers/" + workerId + "/withdraw", Map.of("reason", ""), Api.OFFICE, 400);
        api.patch("/api/workers/" + workerId, Map.of("name", "新名字"), Api.OFFICE, 409);
    }

    @Test
    void anIllegalTransitionSaysWhichOne() {
        String workerId = api.register(Fixtures.form(Fixtures.town()));
        JsonNode problem = api.post("/api/workers/" + workerId + "/first-day", Map.of(), Api.OFFICE, 409);
        assertThat(problem.path("code").stringValue()).isEqualTo("illegal-transition");
        assertThat(problem.path("from").stringValue()).isEqualTo("REGISTERED");
        assertThat(problem.path("to").stringValue()).isEqualTo("RETURNED_TO_WORK");
        assertThat(problem.path("detail").stringValue()).contains("REGISTERED").contains("RETURNED_TO_WORK");
        assertThat(api.worker(workerId).path("status").stringValue()).isEqualTo("REGISTERED");
    }

    @Test
    void eachRoleSeesOnlyWhatItMay() {
        String town = Fixtures.town();
        Map<String, Object> form = Fixtures.form(town);
        String phone = (String) form.get("phone");
        String workerId = api.register(form);
        String other = api.register(Fixtures.form(town));

        assertThat(api.get("/api/workers/" + workerId, TestTokens.worker(workerId), 200).path("phone")
                .stringValue()).isEqualTo(phone);
        api.get("/api/workers/" + other, TestTokens.worker(workerId), 403);
        api.get("/api/workers?town=" + town, TestTokens.worker(workerId), 403);
        api.post("/api/workers", Fixtures.form(town), TestTokens.worker(workerId), 403);

        String coordinator = TestTokens.bearer(Role.TRANSPORT_COORDINATOR);
        JsonNode seen = api.get("/api/workers/" + workerId, coordinator, 200);
        assertThat(seen.path("phone").stringValue()).isEqualTo(Phone.mask(phone));
        assertThat(seen.toString()).doesNotContain(phone);
        assertThat(api.get("/api/workers?town=" + town, coordinator, 200).toString()).doesNotContain(phone);
        api.post("/api/workers/" + workerId + "/withdraw", Map.of("reason", "x"), coordinator, 403);
        api.get("/api/workers/" + workerId + "/offers", coordinator, 403);

        String admin = TestTokens.bearer(Role.ADMIN);
        api.get("/api/workers/" + workerId, admin, 403);
        api.get("/api/monitoring/summary", admin, 403);
        api.get("/api/workers/" + workerId, null, 401);
        api.get("/api/workers/nobody", Api.OFFICE, 404);
    }

    @Test
    void aWorkerRegistersThemselvesAndSignsInWithTheirReference() {
        Map<String, Object> form = ownForm("李庙村", "李庙村村委会集合点");
        JsonNode registered = api.post("/api/workers/self-register", form, null, 201);
        String workerId = registered.path("workerId").stringValue();
        String reference = registered.path("reference").stringValue();
        assertThat(reference).matches("CF-[2-9A-HJKMNP-Z]{6}");
        org.bson.Document stored = mongo.getCollection(WorkerRepository.COLLECTION)
                .find(new org.bson.Document("_id", workerId)).first();
        assertThat(stored.toJson()).doesNotContain(reference);
        assertThat(stored.getString("channel")).isEqualTo("SELF");

        Map<String, String> signIn = new HashMap<>(Map.of("idNumber", (String) form.get("idNumber"),
                "phone", (String) form.get("phone"), "reference", reference.toLowerCase()));
        assertThat(api.post("/api/workers/sign-in-check", signIn, null, 200).path("workerId").stringValue())
                .isEqualTo(workerId);
        for (String wrong : List.of("idNumber", "phone", "reference")) {
            Map<String, String> bad = new HashMap<>(signIn);
            bad.put(wrong, wrong.equals("idNumber") ? Fixtures.idNumber() : wrong.equals("phone")
                    ? Fixtures.phone() : "CF-222222");
            JsonNode refused = api.post("/api/workers/sign-in-check", bad, null, 401);
            assertThat(refused.path("detail").stringValue()).doesNotContain(wrong.equals("idNumber") ? "ID number is"
                    : "xyz");
            assertThat(refused.path("type").stringValue()).endsWith("/sign-in-failed");
        }
        // The same ID again, anonymously: refused without revealing whose record it is.
        JsonNode duplicate = api.post("/api/workers/self-register", form, null, 409);
        assertThat(duplicate.has("existingWorkerId")).isFalse();

        String newReference = api.post("/api/workers/" + workerId + "/reference", null, Api.OFFICE, 200)
                .path("reference").stringValue();
        api.post("/api/workers/sign-in-check", signIn, null, 401);
        signIn.put("reference", newReference);
        api.post("/api/workers/sign-in-check", signIn, null, 200);
    }

    @Test
    void aWorkerPicksTheirVillageAndCollectionPointFromTheCountysListWhichAnyoneMayRead() {
        JsonNode places = api.get("/api/places", null, 200);
        JsonNode town = places.path("counties").get(0).path("towns").get(0);
        assertThat(places.path("counties").get(0).path("name").stringValue()).isEqualTo("利辛县");
        assertThat(town.path("name").stringValue()).isEqualTo("程家集镇");
        assertThat(town.path("villages").values().stream().map(v -> v.path("name").stringValue()).toList())
                .hasSize(20).contains("李庙村", "郭湖村", "孙湖村");

        JsonNode unknownVillage = api.post("/api/workers/self-register", ownForm("李楼村", "李楼村村委会"), null, 400);
        assertThat(unknownVillage.path("errors").get(0).path("field").stringValue()).isEqualTo("village");
        Map<String, Object> otherTown = ownForm("李庙村", "李庙村村委会集合点");
        otherTown.put("town", Fixtures.town());
        assertThat(api.post("/api/workers/self-register", otherTown, null, 400).path("errors").get(0).path("field")
                .stringValue()).isEqualTo("town");
        Map<String, Object> madeUpPoint = ownForm("郭湖村", "我家门口");
        madeUpPoint.put("phone", "123");
        assertThat(api.post("/api/workers/self-register", madeUpPoint, null, 400).path("errors").values().stream()
                .map(e -> e.path("field").stringValue()).toList())
                .containsExactlyInAnyOrder("phone", "collectionPoint.name");
        assertThat(mongo.count(Query.query(Criteria.where("idHash").exists(true).and("village").is("李楼村")
                .and("channel").is("SELF")), WorkerRepository.COLLECTION)).isZero();

        // The office registers what the door-to-door checks found, villages not on the list yet included.
        api.post("/api/workers", Fixtures.form(Fixtures.town(), "李楼村", Fixtures.idNumber()), Api.OFFICE, 201);
    }

    /** A worker's own form: the demo county's town, one of its villages and the point named. */
    private static Map<String, Object> ownForm(String village, String point) {
        Map<String, Object> form = Fixtures.form("程家集镇", village, Fixtures.idNumber());
        form.put("collectionPoint", Map.of("name", point, "lat", 33.1607, "lon", 116.1575));
        return form;
    }

    @Test
    void theSkillTaxonomyHasChineseAndEnglishLabels() {
        JsonNode skills = api.get("/api/workers/skills", TestTokens.worker("anyone"), 200);
        Map<String, String> zh = skills.values().stream().collect(Collectors.toMap(s -> s.path("code")
                .stringValue(), s -> s.path("zh").stringValue()));
        assertThat(zh).hasSize(12).containsEntry("ELECTRONICS_ASSEMBLY", "电子装配").containsEntry("GENERAL_LABOUR", "普工");
    }

    @Test
    void theApiDocumentDescribesEveryEndpointAndItsProblems() {
        JsonNode doc = api.get("/v3/api-docs", null, 200);
        JsonNode paths = doc.path("paths");
        assertThat(paths.propertyNames()).contains("/api/workers", "/api/workers/{workerId}",
                "/api/workers/{workerId}/withdraw", "/api/workers/{workerId}/first-day",
                "/api/workers/{workerId}/reference", "/api/workers/self-register", "/api/workers/sign-in-check",
                "/api/workers/skills", "/api/workers/import", "/api/workers/import/{jobId}",
                "/api/workers/import/template", "/api/workers/{workerId}/offers",
                "/api/workers/{workerId}/offers/{offerId}/accept", "/api/workers/{workerId}/offers/{offerId}/decline",
                "/api/monitoring/summary", "/api/monitoring/summary/drill", "/api/monitoring/at-risk",
                "/api/households/{householdId}", "/api/collection-points", "/api/places");
        JsonNode register = paths.path("/api/workers").path("post").path("responses");
        assertThat(register.propertyNames()).contains("201", "400", "401", "403", "409");
        assertThat(register.path("409").path("content").has("application/problem+json")).isTrue();
        assertThat(paths.path("/api/workers").path("get").path("parameters").values().stream()
                .map(p -> p.path("name").stringValue())).contains("town", "village", "status", "povertyStatus",
                        "page", "size");
        assertThat(paths.path("/api/workers/{workerId}/offers/{offerId}/accept").path("post").path("responses")
                .propertyNames()).contains("200", "404", "409");
    }

    private long count(String town) {
        return mongo.count(Query.query(Criteria.where("town").is(town)), WorkerRepository.COLLECTION);
    }
}
