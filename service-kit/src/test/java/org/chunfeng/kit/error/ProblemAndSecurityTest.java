package org.chunfeng.kit.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.chunfeng.contracts.access.Role;
import org.chunfeng.kit.testing.ServiceTest;
import org.chunfeng.kit.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@ServiceTest
class ProblemAndSecurityTest {

    @Autowired
    RestTestClient http;

    private RestTestClient.ResponseSpec post(String token, String body) {
        RestTestClient.RequestBodySpec request = http.post().uri("/api/sample").contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, token);
        }
        return request.body(body).exchange();
    }

    @Test
    void everyInvalidFieldIsNamed() {
        post(TestTokens.bearer(Role.LABOUR_OFFICE), "{\"name\":\"\",\"age\":12}")
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://chunfeng.org/problems/invalid-input")
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'age')]").exists();
    }

    @Test
    void aWrongEnumOrDateNamesTheFieldAndWhatItAccepts() {
        post(TestTokens.bearer(Role.LABOUR_OFFICE), "{\"name\":\"a\",\"age\":30,\"povertyStatus\":\"RICH\"}")
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("povertyStatus")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("POOR"));
        post(TestTokens.bearer(Role.LABOUR_OFFICE), "{\"name\":\"a\",\"age\":30,\"availableFrom\":\"next week\"}")
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("availableFrom")
                .jsonPath("$.errors[0].message").isEqualTo("must be a date like 2026-02-15");
        post(TestTokens.bearer(Role.LABOUR_OFFICE), "{\"name\": ")
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("https://chunfeng.org/problems/unreadable-body");
    }

    @Test
    void domainErrorsBecomeProblemsWithTheirDetails() {
        post(TestTokens.bearer(Role.LABOUR_OFFICE), "{\"name\":\"duplicate\",\"age\":30}")
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.code").isEqualTo("duplicate")
                .jsonPath("$.existingId").isEqualTo("w-1");
        post(TestTokens.bearer(Role.LABOUR_OFFICE), "{\"name\":\"domain\",\"age\":30}")
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.errors[0].message").isEqualTo("is reserved");
        http.get().uri("/api/sample/notanumber").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(Role.WORKER))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("page");
    }

    @Test
    void tokensAreCheckedByTheServiceItself() {
        String body = "{\"name\":\"a\",\"age\":30}";
        post(null, body).expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://chunfeng.org/problems/unauthorized");
        post(TestTokens.expired(Role.LABOUR_OFFICE), body).expectStatus().isUnauthorized();
        post(TestTokens.signedByAnotherKey(Role.LABOUR_OFFICE), body).expectStatus().isUnauthorized();
        post("Bearer not-a-token", body).expectStatus().isUnauthorized();
        post(TestTokens.bearer(Role.TRANSPORT_COORDINATOR), body).expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://chunfeng.org/problems/forbidden");
        post(TestTokens.bearer(Role.LABOUR_OFFICE), body).expectStatus().isOk();
        http.post().uri("/api/sample/open").exchange().expectStatus().isOk();
    }
}
