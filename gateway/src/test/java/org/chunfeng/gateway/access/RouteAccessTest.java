package org.chunfeng.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.gateway.support.Clients;
import org.chunfeng.gateway.support.GatewayTest;
import org.chunfeng.gateway.support.Tokens;
import org.chunfeng.gateway.token.SigningKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every route × every kind of caller, through real HTTP to the stub services: exactly the allowed calls reach the
 * right service, with the token relayed; the rest get the gateway's own 401 (no usable token) or 403 (wrong role,
 * another worker's record), or 404 for the hidden sign-in check.
 */
@GatewayTest
class RouteAccessTest {

    enum Caller { NONE, EXPIRED, OTHER_KEY, OFFICE, COORDINATOR, ADMIN, WORKER_W1, WORKER_WITHOUT_ID }

    private static final Set<Caller> STAFF_AND_WORKER = Set.of(Caller.OFFICE, Caller.COORDINATOR, Caller.ADMIN,
            Caller.WORKER_W1, Caller.WORKER_WITHOUT_ID);

    /** method, path, the service that must answer ("gateway" for its own endpoints), callers allowed. */
    record Call(HttpMethod method, String path, String service, Set<Caller> allowed) {
    }

    static final List<Call> CALLS = List.of(
            new Call(HttpMethod.GET, "/api/workers?town=Lixin", "employment", Set.of(Caller.OFFICE, Caller.COORDINATOR)),
            new Call(HttpMethod.POST, "/api/workers", "employment", Set.of(Caller.OFFICE)),
            new Call(HttpMethod.GET, "/api/workers/W1", "employment",
                    Set.of(Caller.OFFICE, Caller.COORDINATOR, Caller.WORKER_W1)),
            new Call(HttpMethod.PATCH, "/api/workers/W1", "employment", Set.of(Caller.OFFICE, Caller.WORKER_W1)),
            new Call(HttpMethod.GET, "/api/workers/W1/offers", "employment",
                    Set.of(Caller.OFFICE, Caller.COORDINATOR, Caller.WORKER_W1)),
            new Call(HttpMethod.POST, "/api/workers/W1/offers/M1/accept", "employment",
                    Set.of(Caller.OFFICE, Caller.WORKER_W1)),
            new Call(HttpMethod.POST, "/api/workers/W1/offers/M1/decline", "employment",
                    Set.of(Caller.OFFICE, Caller.WORKER_W1)),
            new Call(HttpMethod.GET, "/api/workers/W2", "employment", Set.of(Caller.OFFICE, Caller.COORDINATOR)),
            new Call(HttpMethod.POST, "/api/workers/W2/offers/M2/accept", "employment", Set.of(Caller.OFFICE)),
            new Call(HttpMethod.POST, "/api/workers/W2/withdraw", "employment", Set.of(Caller.OFFICE)),
            new Call(HttpMethod.POST, "/api/workers/import", "employment", Set.of(Caller.OFFICE)),
            // Coordinators read under /api/workers, but imports are the office's: refused at the gateway.
            new Call(HttpMethod.GET, "/api/workers/import/template?format=csv", "employment", Set.of(Caller.OFFICE)),
            new Call(HttpMethod.GET, "/api/workers/import/I1", "employment", Set.of(Caller.OFFICE)),
            new Call(HttpMethod.GET, "/api/monitoring/summary", "employment", Set.of(Caller.OFFICE)),
            new Call(HttpMethod.GET, "/api/monitoring/at-risk", "employment", Set.of(Caller.OFFICE)),
            new Call(HttpMethod.GET, "/api/households/H1", "employment", Set.of(Caller.OFFICE)),
            new Call(HttpMethod.GET, "/api/collection-points?village=Lilou", "employment", Set.of(Caller.OFFICE)),
            new Call(HttpMethod.GET, "/api/workers/skills", "employment",
                    Set.of(Caller.OFFICE, Caller.COORDINATOR, Caller.WORKER_W1, Caller.WORKER_WITHOUT_ID)),
            new Call(HttpMethod.POST, "/api/employers", "jobs", Set.of(Caller.OFFICE)),
            new Call(HttpMethod.GET, "/api/jobs", "jobs", Set.of(Caller.OFFICE, Caller.COORDINATOR)),
            new Call(HttpMethod.GET, "/api/jobs/J1", "jobs", Set.of(Caller.OFFICE, Caller.COORDINATOR)),
            new Call(HttpMethod.POST, "/api/jobs", "jobs", Set.of(Caller.OFFICE)),
            new Call(HttpMethod.POST, "/api/jobs/J1/close", "jobs", Set.of(Caller.OFFICE)),
            new Call(HttpMethod.POST, "/api/jobs/import", "jobs", Set.of(Caller.OFFICE)),
            // Coordinators read under /api/jobs, but imports are the office's: refused at the gateway.
            new Call(HttpMethod.GET, "/api/jobs/import/I1", "jobs", Set.of(Caller.OFFICE)),
            new Call(HttpMethod.GET, "/api/jobs/import/template?format=csv", "jobs", Set.of(Caller.OFFICE)),
            new Call(HttpMethod.GET, "/api/matching/explain?workerId=W1", "jobs", Set.of(Caller.OFFICE)),
            new Call(HttpMethod.POST, "/api/vehicles", "transport", Set.of(Caller.COORDINATOR)),
            new Call(HttpMethod.GET, "/api/vehicles", "transport", Set.of(Caller.COORDINATOR)),
            new Call(HttpMethod.POST, "/api/trips/plan?date=2027-02-10", "transport", Set.of(Caller.COORDINATOR)),
            new Call(HttpMethod.GET, "/api/trips/T1", "transport", Set.of(Caller.COORDINATOR)),
            new Call(HttpMethod.POST, "/api/trips/T1/riders/W1/board", "transport", Set.of(Caller.COORDINATOR)),
            new Call(HttpMethod.GET, "/api/subsidies", "transport", Set.of(Caller.COORDINATOR)),
            new Call(HttpMethod.GET, "/api/riders/W1", "transport", Set.of(Caller.COORDINATOR, Caller.OFFICE)),
            new Call(HttpMethod.GET, "/api/travel-dates", "transport", Set.of(Caller.COORDINATOR)),
            new Call(HttpMethod.POST, "/api/travel-dates", "transport", Set.of()),
            new Call(HttpMethod.GET, "/api/places", "employment", Set.of(Caller.values())),
            new Call(HttpMethod.POST, "/api/places", "employment", Set.of()),
            new Call(HttpMethod.GET, "/api/users", "gateway", Set.of(Caller.ADMIN)),
            new Call(HttpMethod.GET, "/actuator/metrics", "gateway", Set.of(Caller.ADMIN)),
            new Call(HttpMethod.GET, "/api/nothing-here", "none", Set.of()),
            new Call(HttpMethod.POST, "/api/workers/self-register", "employment", Set.of(Caller.values())));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient http;

    @Autowired
    SigningKey key;

    static Stream<Arguments> everyCallByEveryCaller() {
        List<Arguments> cases = new ArrayList<>();
        for (Call call : CALLS) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(call.method() + " " + call.path(), caller, call));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyCallByEveryCaller")
    void onlyTheAllowedCallsPass(String name, Caller caller, Call call) {
        String authorization = authorization(caller);
        WebTestClient.RequestBodySpec request = http.method(call.method()).uri(call.path())
                .header("X-Forwarded-For", Clients.newAddress());
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (call.method() == HttpMethod.POST || call.method() == HttpMethod.PATCH) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
        }
        EntityExchangeResult<String> result = request.exchange().expectBody(String.class).returnResult();
        int status = result.getStatus().value();
        JsonNode json = JSON.readTree(result.getResponseBody());
        Map<?, ?> body = json.isObject() ? JSON.convertValue(json, Map.class) : Map.of();

        if (call.allowed().contains(caller)) {
            assertThat(status).as("status").isEqualTo(200);
            if (!call.service().equals("gateway")) {
                assertThat(body.get("service")).isEqualTo(call.service());
                assertThat(body.get("uri")).isEqualTo(call.path());
                if (call.path().endsWith("self-register") || call.path().equals("/api/places")) {
                    // Open: a token sent along is neither checked nor passed on.
                    assertThat(body.get("authorization")).isNull();
                } else {
                    assertThat(body.get("authorization")).isEqualTo(authorization);
                }
            }
        } else {
            int expected = STAFF_AND_WORKER.contains(caller) ? 403 : 401;
            assertThat(status).as("status").isEqualTo(expected);
            assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(body.get("type")).isEqualTo("https://chunfeng.org/problems/"
                    + (expected == 401 ? "unauthorized" : "forbidden"));
            assertThat(body.containsKey("service")).isFalse();
        }
    }

    @ParameterizedTest(name = "POST /api/workers/sign-in-check as {0}")
    @org.junit.jupiter.params.provider.EnumSource(Caller.class)
    void theSignInCheckIsHiddenFromEveryone(Caller caller) {
        String authorization = authorization(caller);
        WebTestClient.RequestBodySpec request = http.post().uri("/api/workers/sign-in-check");
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        request.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reference\":\"GOOD-W1\"}").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://chunfeng.org/problems/not-found")
                .jsonPath("$.workerId").doesNotExist();
    }

    private String authorization(Caller caller) {
        Tokens tokens = new Tokens(key);
        return switch (caller) {
            case NONE -> null;
            case EXPIRED -> tokens.expired(Role.LABOUR_OFFICE);
            case OTHER_KEY -> tokens.signedByAnotherKey(Role.LABOUR_OFFICE);
            case OFFICE -> tokens.bearer("office-" + caller.ordinal(), Role.LABOUR_OFFICE);
            case COORDINATOR -> tokens.bearer("coordinator-" + caller.ordinal(), Role.TRANSPORT_COORDINATOR);
            case ADMIN -> tokens.bearer("admin-" + caller.ordinal(), Role.ADMIN);
            case WORKER_W1 -> tokens.worker("W1");
            // A WORKER token that names no worker reaches no worker's record.
            case WORKER_WITHOUT_ID -> tokens.bearer("W1", Role.WORKER);
        };
    }
}
