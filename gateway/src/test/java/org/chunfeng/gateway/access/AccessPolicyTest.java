package org.chunfeng.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.gateway.access.AccessPolicy.Verdict;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** The rules that a table through HTTP cannot show cheaply: edges of paths, methods and worker ids. */
class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy();
    private final Caller office = new Caller("office", Set.of(Role.LABOUR_OFFICE), null);
    private final Caller coordinator = new Caller("coordinator", Set.of(Role.TRANSPORT_COORDINATOR), null);
    private final Caller worker = new Caller("W1", Set.of(Role.WORKER), "W1");
    private final Caller workerWithoutId = new Caller("W1", Set.of(Role.WORKER), null);

    @Test
    void aWorkerReachesOnlyTheirOwnRecordAndWhatIsBelowIt() {
        assertThat(policy.decide(HttpMethod.GET, "/api/workers/W1", worker)).isEqualTo(Verdict.ALLOWED);
        assertThat(policy.decide(HttpMethod.GET, "/api/workers/W1/offers", worker)).isEqualTo(Verdict.ALLOWED);
        assertThat(policy.decide(HttpMethod.GET, "/api/workers/W1/", worker)).isEqualTo(Verdict.ALLOWED);
        assertThat(policy.decide(HttpMethod.GET, "/api/workers/W10", worker)).isEqualTo(Verdict.DENIED);
        assertThat(policy.decide(HttpMethod.GET, "/api/workers/W", worker)).isEqualTo(Verdict.DENIED);
        assertThat(policy.decide(HttpMethod.GET, "/api/workers", worker)).isEqualTo(Verdict.DENIED);
        assertThat(policy.decide(HttpMethod.GET, "/api/workers/W1", workerWithoutId)).isEqualTo(Verdict.DENIED);
        assertThat(policy.decide(HttpMethod.GET, "/api/trips/T1", worker)).isEqualTo(Verdict.DENIED);
    }

    @Test
    void coordinatorsOnlyReadWorkersAndJobs() {
        assertThat(policy.decide(HttpMethod.GET, "/api/workers/W1", coordinator)).isEqualTo(Verdict.ALLOWED);
        assertThat(policy.decide(HttpMethod.HEAD, "/api/jobs", coordinator)).isEqualTo(Verdict.ALLOWED);
        assertThat(policy.decide(HttpMethod.DELETE, "/api/workers/W1", coordinator)).isEqualTo(Verdict.DENIED);
        assertThat(policy.decide(HttpMethod.POST, "/api/jobs", coordinator)).isEqualTo(Verdict.DENIED);
        assertThat(policy.decide(HttpMethod.GET, "/api/employers", coordinator)).isEqualTo(Verdict.DENIED);
        assertThat(policy.decide(HttpMethod.GET, "/api/travel-dates", coordinator)).isEqualTo(Verdict.ALLOWED);
        assertThat(policy.decide(HttpMethod.GET, "/api/travel-dates", office)).isEqualTo(Verdict.DENIED);
    }

    @Test
    void importsAndTheirTemplatesAreTheOfficesAloneHoweverTheyAreSpelled() {
        for (String path : new String[] {"/api/workers/import", "/api/workers/import/", "/api/workers/import/I1",
            "/api/workers/import/template", "/api/jobs/import", "/api/jobs/import/I1", "/api/jobs/import/template",
            "/api/jobs/%69mport/template"}) {
            assertThat(policy.decide(HttpMethod.GET, path, office)).as(path).isEqualTo(Verdict.ALLOWED);
            assertThat(policy.decide(HttpMethod.GET, path, coordinator)).as(path).isEqualTo(Verdict.DENIED);
            assertThat(policy.decide(HttpMethod.GET, path, worker)).as(path).isEqualTo(Verdict.DENIED);
        }
        assertThat(policy.decide(HttpMethod.GET, "/api/workers/importer", coordinator)).isEqualTo(Verdict.ALLOWED);
        // A worker whose id were "import" would still not reach the imports through their own-record rule.
        Caller named = new Caller("import", Set.of(Role.WORKER), "import");
        assertThat(policy.decide(HttpMethod.GET, "/api/workers/import", named)).isEqualTo(Verdict.DENIED);
    }

    @Test
    void theSignInCheckIsHiddenHoweverItIsSpelled() {
        assertThat(policy.decide(HttpMethod.POST, "/api/workers/sign-in-check", office)).isEqualTo(Verdict.HIDDEN);
        assertThat(policy.decide(HttpMethod.GET, "/api/workers/sign-in-check/", null)).isEqualTo(Verdict.HIDDEN);
        assertThat(policy.decide(HttpMethod.POST, "/api/workers/sign%2Din-check", null)).isEqualTo(Verdict.HIDDEN);
        assertThat(policy.isOpen(HttpMethod.POST, "/api/workers/sign-in-check")).isFalse();
    }

    @Test
    void onlyTheNamedPathsAreOpen() {
        assertThat(policy.isOpen(HttpMethod.POST, "/api/auth/token")).isTrue();
        assertThat(policy.isOpen(HttpMethod.POST, "/api/workers/self-register")).isTrue();
        assertThat(policy.isOpen(HttpMethod.GET, "/api/workers/self-register")).isFalse();
        assertThat(policy.isOpen(HttpMethod.GET, "/api/places")).isTrue();
        assertThat(policy.isOpen(HttpMethod.POST, "/api/places")).isFalse();
        assertThat(policy.isOpen(HttpMethod.GET, "/api/places/x")).isFalse();
        assertThat(policy.isOpen(HttpMethod.GET, "/.well-known/jwks.json")).isTrue();
        assertThat(policy.isOpen(HttpMethod.GET, "/actuator/health/readiness")).isTrue();
        assertThat(policy.isOpen(HttpMethod.GET, "/actuator/prometheus")).isTrue();
        assertThat(policy.isOpen(HttpMethod.GET, "/actuator/metrics")).isFalse();
        assertThat(policy.isOpen(HttpMethod.GET, "/v3/api-docs/employment")).isTrue();
        assertThat(policy.isOpen(HttpMethod.GET, "/index.html")).isTrue();
        assertThat(policy.isOpen(HttpMethod.GET, "/api")).isFalse();
        assertThat(policy.isOpen(HttpMethod.GET, "/api/users")).isFalse();
    }

    @Test
    void noRoleMeansNothingBeyondTheOpenPaths() {
        Caller nobody = new Caller("gateway", Set.of(), null);
        assertThat(policy.decide(HttpMethod.GET, "/api/workers/W1", nobody)).isEqualTo(Verdict.DENIED);
        assertThat(policy.decide(HttpMethod.POST, "/api/workers/self-register", nobody)).isEqualTo(Verdict.OPEN);
    }
}
