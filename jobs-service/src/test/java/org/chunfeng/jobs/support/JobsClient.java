package org.chunfeng.jobs.support;

import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.kit.testing.TestTokens;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The jobs API as the labour office calls it. */
public final class JobsClient {

    public static final LocalDate START = LocalDate.of(2027, 3, 1);

    private final RestTestClient http;

    public JobsClient(RestTestClient http) {
        this.http = http;
    }

    public static String office() {
        return TestTokens.bearer(Role.LABOUR_OFFICE);
    }

    public String employer(String name, String kind, String town) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "kind", kind));
        if (town != null) {
            body.put("town", town);
        }
        Map<?, ?> created = http.post().uri("/api/employers").header(AUTHORIZATION, office())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    public String employer(String name) {
        return employer(name, "ENTERPRISE", null);
    }

    /** A posting form; change any field before posting it. */
    public static Map<String, Object> posting(String employerId, String title, GeoPoint site, int openings) {
        Map<String, Object> form = new HashMap<>();
        form.put("employerId", employerId);
        form.put("title", title);
        form.put("category", "GARMENT");
        form.put("openings", openings);
        form.put("site", Map.of("name", title + "厂区", "city", "利辛县", "lat", site.lat(), "lon", site.lon()));
        form.put("monthlyWage", 4200);
        form.put("startDate", START.toString());
        form.put("accommodation", true);
        form.put("minAge", 18);
        form.put("maxAge", 60);
        form.put("suitableFor", List.of());
        return form;
    }

    public String post(Map<String, Object> form) {
        Map<?, ?> created = http.post().uri("/api/jobs").header(AUTHORIZATION, office())
                .contentType(MediaType.APPLICATION_JSON).body(form).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    public Map<?, ?> job(String id) {
        return http.get().uri("/api/jobs/{id}", id).header(AUTHORIZATION, office()).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    public int reserved(String id) {
        return ((Number) job(id).get("reserved")).intValue();
    }

    public int filled(String id) {
        return ((Number) job(id).get("filled")).intValue();
    }

    public void close(String id) {
        http.post().uri("/api/jobs/{id}/close", id).header(AUTHORIZATION, office())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", "名额已满，停止招聘")).exchange()
                .expectStatus().isOk();
    }
}
