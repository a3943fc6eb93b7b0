package org.chunfeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.chunfeng.devstack.demo.DemoWorker;
import org.chunfeng.devstack.demo.GatewayClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each kind of user signs in at the gateway and reaches what their role allows, and nothing else. */
@Order(5)
@WholeSystemTest
class SignInTest {

    @Test
    void staffSignInWithTheDemoAccountsAndSeeWhatTheirRoleAllows(ChunfengSystem system) {
        String workerId = system.workerId(system.demo().campaign().workers().get(0));

        assertThat(system.office().subject()).isEqualTo("office");
        assertThat(system.office().call("GET", "/api/monitoring/summary", null).status()).isEqualTo(200);
        assertThat(system.office().call("GET", "/api/vehicles", null).status()).isEqualTo(403);

        assertThat(system.coordinator().call("GET", "/api/vehicles", null).status()).isEqualTo(200);
        JsonNode seenByCoordinator = system.coordinator().get("/api/workers/" + workerId);
        assertThat(seenByCoordinator.path("phone").asString()).isEqualTo(seenByCoordinator.path("phoneMasked")
                .asString()).contains("*");
        assertThat(system.coordinator().call("GET", "/api/monitoring/summary", null).status()).isEqualTo(403);

        assertThat(system.admin().call("GET", "/api/users", null).status()).isEqualTo(200);
        assertThat(system.office().call("GET", "/api/users", null).status()).isEqualTo(403);
    }

    @Test
    void aWorkerSignsInWithIdNumberPhoneAndReferenceAndSeesOnlyTheirOwnRecord(ChunfengSystem system) {
        DemoWorker demoWorker = system.demo().campaign().workers().get(1);
        String other = system.workerId(system.demo().campaign().workers().get(2));

        GatewayClient worker = system.worker(demoWorker);
        JsonNode own = worker.get("/api/workers/" + worker.subject());

        assertThat(own.path("name").asString()).isEqualTo(demoWorker.name());
        assertThat(own.path("phone").asString()).isEqualTo(demoWorker.phone());
        assertThat(worker.call("GET", "/api/workers/" + worker.subject() + "/offers", null).status()).isEqualTo(200);
        assertThat(worker.call("GET", "/api/workers/" + other, null).status()).isEqualTo(403);
        assertThat(worker.call("GET", "/api/monitoring/summary", null).status()).isEqualTo(403);
        assertThat(worker.call("GET", "/api/trips?date=2026-02-23", null).status()).isEqualTo(403);
    }

    @Test
    void aWrongPasswordIsRefusedAsSignInFailed(ChunfengSystem system) {
        GatewayClient.Answer wrong = system.office().call("POST", "/api/auth/token",
                java.util.Map.of("username", "office", "password", "not-the-password"));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.problem()).isEqualTo("sign-in-failed");
    }
}
