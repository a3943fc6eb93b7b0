package org.chunfeng.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chunfeng.contracts.access.TokenClaims;
import org.chunfeng.gateway.support.Clients;
import org.chunfeng.gateway.support.GatewayTest;
import org.chunfeng.gateway.support.GatewayTestInitializer;
import org.chunfeng.gateway.support.StubServices;
import org.chunfeng.gateway.token.IssuedTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Staff and worker sign-in, refresh with rotation, sign-out, and tokens that verify against the served JWKS. */
@GatewayTest
class SignInTest {

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @Test
    void aStaffMemberSignsInAndTheTokenVerifiesAgainstTheServedKeySet() {
        IssuedTokens tokens = signIn("office", GatewayTestInitializer.DEMO_PASSWORD, Clients.newAddress());

        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.expiresIn()).isEqualTo(900);
        assertThat(tokens.refreshExpiresIn()).isEqualTo(8 * 3600);
        assertThat(tokens.roles()).containsExactly("LABOUR_OFFICE");
        assertThat(tokens.refreshToken()).isNotBlank().doesNotContain(".");

        http.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.keys[0].kty").isEqualTo("RSA")
                .jsonPath("$.keys[0].alg").isEqualTo("RS256")
                .jsonPath("$.keys[0].d").doesNotExist();
        Jwt jwt = NimbusReactiveJwtDecoder.withJwkSetUri("http://localhost:" + port + "/.well-known/jwks.json")
                .build().decode(tokens.accessToken()).block();
        assertThat(jwt.getClaimAsString("iss")).isEqualTo(TokenClaims.ISSUER);
        assertThat(jwt.getSubject()).isEqualTo("office");
        assertThat(jwt.getClaimAsStringList(TokenClaims.ROLES)).containsExactly("LABOUR_OFFICE");
        assertThat(jwt.getClaims()).doesNotContainKey(TokenClaims.WORKER_ID);

        http.get().uri("/api/workers").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.accessToken())
                .exchange().expectStatus().isOk();
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        String client = Clients.newAddress();
        String wrongPassword = failedSignIn(Map.of("username", "office", "password", "not-the-password"), client);
        String unknownUser = failedSignIn(Map.of("username", "nobody", "password", "not-the-password"), client);
        String empty = failedSignIn(Map.of(), client);

        assertThat(wrongPassword).isEqualTo(unknownUser).isEqualTo(empty);
        assertThat(wrongPassword).contains("https://chunfeng.org/problems/sign-in-failed");
    }

    @Test
    void aRefreshTokenIsGoodOnceAndReusingItEndsTheSignIn() {
        String client = Clients.newAddress();
        IssuedTokens first = signIn("coordinator", GatewayTestInitializer.DEMO_PASSWORD, client);

        IssuedTokens second = refresh(first.refreshToken(), client).expectStatus().isOk()
                .expectBody(IssuedTokens.class).returnResult().getResponseBody();
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(second.roles()).containsExactly("TRANSPORT_COORDINATOR");

        // The first token again: someone copied it. Neither it nor its successor works any more.
        refresh(first.refreshToken(), client).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://chunfeng.org/problems/refresh-failed");
        refresh(second.refreshToken(), client).expectStatus().isUnauthorized();
        refresh("made-up", client).expectStatus().isUnauthorized();
    }

    @Test
    void signingOutEndsTheRefreshToken() {
        String client = Clients.newAddress();
        IssuedTokens tokens = signIn("admin", GatewayTestInitializer.DEMO_PASSWORD, client);

        http.post().uri("/api/auth/sign-out").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", tokens.refreshToken())).exchange().expectStatus().isNoContent();

        refresh(tokens.refreshToken(), client).expectStatus().isUnauthorized();
    }

    @Test
    void aWorkerSignsInThroughEmploymentsCheckAndGetsATokenForTheirOwnRecord() {
        String client = Clients.newAddress();
        IssuedTokens tokens = http.post().uri("/api/auth/worker").header("X-Forwarded-For", client)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("idNumber", "34162319900101123X", "phone", "13800138000", "reference", "GOOD-W7"))
                .exchange().expectStatus().isOk().expectBody(IssuedTokens.class).returnResult().getResponseBody();

        assertThat(tokens.subject()).isEqualTo("W7");
        assertThat(tokens.workerId()).isEqualTo("W7");
        assertThat(tokens.roles()).containsExactly("WORKER");
        String bearer = "Bearer " + tokens.accessToken();
        http.get().uri("/api/workers/W7/offers").header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.service").isEqualTo("employment");
        http.get().uri("/api/workers/W8").header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isForbidden();

        // A worker's refresh keeps them the same worker.
        IssuedTokens refreshed = refresh(tokens.refreshToken(), client).expectStatus().isOk()
                .expectBody(IssuedTokens.class).returnResult().getResponseBody();
        assertThat(refreshed.workerId()).isEqualTo("W7");
        assertThat(refreshed.roles()).containsExactly("WORKER");
    }

    @Test
    void theGatewayCallsTheSignInCheckWithATokenOfItsOwnThatCarriesNoRole() {
        http.post().uri("/api/auth/worker").header("X-Forwarded-For", Clients.newAddress())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("idNumber", "34162319900101123X", "phone", "13800138000", "reference", "GOOD-W9"))
                .exchange().expectStatus().isOk();

        String sent = StubServices.EMPLOYMENT.lastSignInCheckAuthorization();
        assertThat(sent).startsWith("Bearer ");
        Jwt jwt = NimbusReactiveJwtDecoder.withJwkSetUri("http://localhost:" + port + "/.well-known/jwks.json")
                .build().decode(sent.substring("Bearer ".length())).block();
        assertThat(jwt.getSubject()).isEqualTo("gateway");
        assertThat(jwt.getClaimAsStringList(TokenClaims.ROLES)).isEmpty();
    }

    @Test
    void aWorkerWithAWrongReferenceIsRefusedLikeAnyoneElse() {
        String client = Clients.newAddress();
        String wrong = http.post().uri("/api/auth/worker").header("X-Forwarded-For", client)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("idNumber", "34162319900101123X", "phone", "13800138000", "reference", "BAD"))
                .exchange().expectStatus().isUnauthorized().expectBody(String.class).returnResult()
                .getResponseBody();
        String incomplete = http.post().uri("/api/auth/worker").header("X-Forwarded-For", client)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("phone", "13800138000"))
                .exchange().expectStatus().isUnauthorized().expectBody(String.class).returnResult()
                .getResponseBody();
        assertThat(wrong).isEqualTo(incomplete).contains("sign-in-failed").doesNotContain("34162319900101123X");
    }

    @Test
    void signInsAreCounted() {
        signIn("office", GatewayTestInitializer.DEMO_PASSWORD, Clients.newAddress());
        failedSignIn(Map.of("username", "office", "password", "wrong-password"), Clients.newAddress());

        String metrics = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).containsPattern("chunfeng_signins_total\\{[^}]*kind=\"staff\"[^}]*outcome=\"success\"[^}]*} [1-9]")
                .containsPattern("chunfeng_signins_total\\{[^}]*kind=\"staff\"[^}]*outcome=\"failure\"[^}]*} [1-9]");
    }

    private IssuedTokens signIn(String username, String password, String client) {
        return http.post().uri("/api/auth/token").header("X-Forwarded-For", client)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchange().expectStatus().isOk().expectBody(IssuedTokens.class).returnResult().getResponseBody();
    }

    private String failedSignIn(Map<String, String> body, String client) {
        return http.post().uri("/api/auth/token").header("X-Forwarded-For", client)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken, String client) {
        return http.post().uri("/api/auth/refresh").header("X-Forwarded-For", client)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("refreshToken", refreshToken)).exchange();
    }
}
