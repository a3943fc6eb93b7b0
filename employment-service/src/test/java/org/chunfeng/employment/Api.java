package org.chunfeng.employment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.kit.testing.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Short calls to the service under test, as the labour office unless a token is given. */
public final class Api {

    public static final String OFFICE = TestTokens.bearer(Role.LABOUR_OFFICE);

    private final RestTestClient http;
    private final JsonMapper json;

    public Api(RestTestClient http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    /** Registers through the office form; returns the new worker's id. */
    public String register(Map<String, Object> form) {
        return post("/api/workers", form, OFFICE, 201).path("workerId").stringValue();
    }

    public JsonNode worker(String workerId) {
        return get("/api/workers/" + workerId, OFFICE, 200);
    }

    public JsonNode get(String uri, String token, int status) {
        RestTestClient.RequestHeadersSpec<?> request = http.get().uri(uri);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, token);
        }
        return read(request.exchange().expectStatus().isEqualTo(status).expectBody(String.class).returnResult()
                .getResponseBody());
    }

    public JsonNode post(String uri, Object body, String token, int status) {
        return send(http.post().uri(uri), body, token, status);
    }

    public JsonNode patch(String uri, Object body, String token, int status) {
        return send(http.patch().uri(uri), body, token, status);
    }

    private JsonNode send(RestTestClient.RequestBodySpec request, Object body, String token, int status) {
        request.contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, token);
        }
        String answer = request.body(body == null ? Map.of() : body).exchange().expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult().getResponseBody();
        return read(answer);
    }

    private JsonNode read(String text) {
        assertThat(text).as("response body").isNotNull();
        return json.readTree(text);
    }
}
