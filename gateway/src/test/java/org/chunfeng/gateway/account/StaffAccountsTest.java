package org.chunfeng.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.reactivestreams.client.MongoClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.gateway.support.Clients;
import org.chunfeng.gateway.support.GatewayTest;
import org.chunfeng.gateway.support.Tokens;
import org.chunfeng.gateway.token.AuthProperties;
import org.chunfeng.gateway.token.SigningKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Staff accounts through {@code /api/users}, and the accounts the gateway makes sure of at start. */
@GatewayTest
class StaffAccountsTest {

    @Autowired
    WebTestClient http;

    @Autowired
    SigningKey key;

    @Autowired
    MongoClient mongoClient;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void anAdministratorCreatesAnAccountThatCanSignIn() {
        String admin = new Tokens(key).bearer("admin", Role.ADMIN);
        String username = "clerk-" + UUID.randomUUID().toString().substring(0, 8);

        http.post().uri("/api/users").header(HttpHeaders.AUTHORIZATION, admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username.toUpperCase(), "password", "a-long-password",
                        "roles", java.util.List.of("LABOUR_OFFICE")))
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/users/" + username)
                .expectBody().jsonPath("$.username").isEqualTo(username)
                .jsonPath("$.createdBy").isEqualTo("admin")
                .jsonPath("$.passwordHash").doesNotExist();

        http.get().uri("/api/users").header(HttpHeaders.AUTHORIZATION, admin).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.username == '" + username + "')].roles[0]").isEqualTo("LABOUR_OFFICE")
                .jsonPath("$[*].passwordHash").doesNotExist();

        http.post().uri("/api/auth/token").header("X-Forwarded-For", Clients.newAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", "a-long-password")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.roles[0]").isEqualTo("LABOUR_OFFICE");

        http.post().uri("/api/users").header(HttpHeaders.AUTHORIZATION, admin).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", "another-long-password",
                        "roles", java.util.List.of("ADMIN")))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://chunfeng.org/problems/username-taken");
    }

    @Test
    void aBadAccountIsRefusedFieldByField() {
        http.post().uri("/api/users").header(HttpHeaders.AUTHORIZATION, new Tokens(key).bearer("admin", Role.ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "x", "password", "short", "roles", java.util.List.of("WORKER")))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://chunfeng.org/problems/invalid-input")
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .contains("username", "password", "roles"));
        http.post().uri("/api/users").header(HttpHeaders.AUTHORIZATION, new Tokens(key).bearer("admin", Role.ADMIN))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{not json").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://chunfeng.org/problems/unreadable-body");
    }

    @Test
    void theDemoAccountsExistWithTheirRoles() {
        String admin = new Tokens(key).bearer("admin", Role.ADMIN);
        for (AccountBootstrap.DemoAccount demo : AccountBootstrap.DEMO_ACCOUNTS) {
            http.get().uri("/api/users/" + demo.username()).header(HttpHeaders.AUTHORIZATION, admin).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.roles[0]").isEqualTo(demo.role().name());
        }
    }

    @Test
    void outsideDemoModeTheConfiguredAdministratorIsCreatedAndWithoutOneTheGatewayRefusesToStart() {
        StaffAccounts fresh = accountsInANewDatabase();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new AccountBootstrap(fresh, new AuthProperties.Admin(null, null), false, null, out)
                .ensureAccounts()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chunfeng.auth.admin.username");

        new AccountBootstrap(fresh, new AuthProperties.Admin("Chief", "chief-password-1"), false, null, out)
                .ensureAccounts();
        StaffAccount chief = fresh.authenticate("chief", "chief-password-1").block();
        assertThat(chief.roles()).containsExactly(Role.ADMIN);
        // Started again without configuration: an administrator exists, so that is fine.
        new AccountBootstrap(fresh, new AuthProperties.Admin(null, null), false, null, out).ensureAccounts();
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("chief-password-1");
    }

    @Test
    void demoModeWithoutAPasswordPrintsAGeneratedOneOnceAndKeepsIt() {
        StaffAccounts fresh = accountsInANewDatabase();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

        new AccountBootstrap(fresh, new AuthProperties.Admin(null, null), true, null, out).ensureAccounts();
        String printed = console.toString(StandardCharsets.UTF_8);
        String password = printed.replaceAll("(?s).*password: (\\S+).*", "$1");
        assertThat(password).hasSize(14);
        assertThat(fresh.authenticate("office", password).block()).isNotNull();
        assertThat(fresh.authenticate("coordinator", password).block().roles())
                .containsExactly(Role.TRANSPORT_COORDINATOR);

        console.reset();
        new AccountBootstrap(fresh, new AuthProperties.Admin(null, null), true, null, out).ensureAccounts();
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain(password).contains("keep their password");
        assertThat(fresh.authenticate("admin", password).block()).isNotNull();

        new AccountBootstrap(fresh, new AuthProperties.Admin(null, null), true, "from-the-environment", out)
                .ensureAccounts();
        assertThat(fresh.authenticate("admin", "from-the-environment").block()).isNotNull();
        assertThat(fresh.authenticate("admin", password).block()).isNull();
    }

    private StaffAccounts accountsInANewDatabase() {
        return new StaffAccounts(new ReactiveMongoTemplate(mongoClient, "gateway-" + UUID.randomUUID()), passwords,
                Clock.systemUTC());
    }
}
