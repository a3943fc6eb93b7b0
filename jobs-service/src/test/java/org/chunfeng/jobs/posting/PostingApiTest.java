package org.chunfeng.jobs.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.util.List;
import java.util.Map;
import org.chunfeng.contracts.Topic;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.contracts.jobs.JobPosted;
import org.chunfeng.contracts.jobs.JobUpdated;
import org.chunfeng.jobs.support.Area;
import org.chunfeng.jobs.support.JobsClient;
import org.chunfeng.jobs.support.Topics;
import org.chunfeng.kit.testing.ServiceTest;
import org.chunfeng.kit.testing.TestTokens;
import org.chunfeng.kit.testing.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

@ServiceTest
class PostingApiTest {

    @Autowired
    RestTestClient http;
    @Autowired
    JsonMapper json;

    JobsClient jobs;
    Area area;
    String employer;

    @BeforeEach
    void setUp() {
        jobs = new JobsClient(http);
        area = Area.fresh();
        employer = jobs.employer("利辛县果树产业园 " + area.name(), "INDUSTRIAL_PARK", null);
    }

    @Test
    void aPostedJobIsAnnouncedAndShowsItsOpenings() {
        try (TopicReader postings = new TopicReader(Topic.JOBS_POSTINGS.topicName())) {
            String id = jobs.post(JobsClient.posting(employer, "果树修剪工", area.east(3), 12));
            Map<?, ?> job = jobs.job(id);
            assertThat(job.get("openings")).isEqualTo(12);
            assertThat(job.get("reserved")).isEqualTo(0);
            assertThat(job.get("filled")).isEqualTo(0);
            assertThat(job.get("status")).isEqualTo("OPEN");
            assertThat(job.get("employerKind")).isEqualTo("INDUSTRIAL_PARK");
            JobPosted posted = new Topics(json).await(postings, JobPosted.class, id, 1).get(0);
            assertThat(posted.posting().openings()).isEqualTo(12);
            assertThat(posted.posting().site().location().lat()).isEqualTo(area.east(3).lat());
        }
    }

    @Test
    void listsFilterByCategoryKindStatusAndDistance() {
        Map<String, Object> near = JobsClient.posting(employer, "近处岗位", area.east(5), 1);
        near.put("category", "FRUIT_GROWING");
        String nearId = jobs.post(near);
        String farId = jobs.post(JobsClient.posting(employer, "远处岗位", area.east(60), 1));
        Map<?, ?> page = list("near=" + area.centre().lat() + "," + area.centre().lon() + "&radiusKm=30&size=500");
        assertThat(ids(page)).contains(nearId).doesNotContain(farId);
        assertThat(ids(list("category=FRUIT_GROWING&employerKind=INDUSTRIAL_PARK&status=OPEN&size=500")))
                .contains(nearId).doesNotContain(farId);
        assertThat(ids(list("category=GARMENT&size=500"))).contains(farId).doesNotContain(nearId);
        http.get().uri("/api/jobs?near=north").header(AUTHORIZATION, JobsClient.office()).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("near");
        http.get().uri("/api/jobs?status=SOMETIMES").header(AUTHORIZATION, JobsClient.office()).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void badPostingsAreRefusedNamingEachField() {
        Map<String, Object> form = JobsClient.posting("emp-missing", "", area.east(1), 0);
        form.put("startDate", "next spring");
        http.post().uri("/api/jobs").header(AUTHORIZATION, JobsClient.office()).contentType(MediaType.APPLICATION_JSON)
                .body(form).exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("startDate");
        form.put("startDate", "2027-03-01");
        String body = http.post().uri("/api/jobs").header(AUTHORIZATION, JobsClient.office())
                .contentType(MediaType.APPLICATION_JSON).body(form).exchange().expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"title\"").contains("\"openings\"");
        form.put("title", "焊工");
        form.put("openings", 100_001);
        http.post().uri("/api/jobs").header(AUTHORIZATION, JobsClient.office()).contentType(MediaType.APPLICATION_JSON)
                .body(form).exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("openings");
        form.put("openings", 3);
        http.post().uri("/api/jobs").header(AUTHORIZATION, JobsClient.office()).contentType(MediaType.APPLICATION_JSON)
                .body(form).exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("employerId");
    }

    @Test
    void publicWelfarePostsBelongToTheProgrammesTown() {
        http.post().uri("/api/employers").header(AUTHORIZATION, JobsClient.office())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "无镇公益", "kind", "PUBLIC_WELFARE"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("town");
        String welfare = jobs.employer("程家集镇公益性岗位 " + area.name(), "PUBLIC_WELFARE", "程家集镇");
        Map<String, Object> form = JobsClient.posting(welfare, "村庄保洁员", area.east(2), 5);
        form.put("category", "CLEANING");
        String id = jobs.post(form);
        assertThat(jobs.job(id).get("publicWelfareTown")).isEqualTo("程家集镇");
    }

    @Test
    void aChangeIsAnnouncedAndOpeningsCannotDropBelowThoseTaken() {
        String id = jobs.post(JobsClient.posting(employer, "采摘工", area.east(2), 4));
        try (TopicReader postings = new TopicReader(Topic.JOBS_POSTINGS.topicName())) {
            http.patch().uri("/api/jobs/{id}", id).header(AUTHORIZATION, JobsClient.office())
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("monthlyWage", 5100, "openings", 6))
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.monthlyWage").isEqualTo(5100)
                    .jsonPath("$.openings").isEqualTo(6).jsonPath("$.title").isEqualTo("采摘工");
            JobUpdated updated = new Topics(json).await(postings, JobUpdated.class, id, 1).get(0);
            assertThat(updated.posting().monthlyWage()).isEqualTo(5100);
        }
        http.patch().uri("/api/jobs/{id}", id).header(AUTHORIZATION, JobsClient.office())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("minAge", 50, "maxAge", 40)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("maxAge");
        jobs.close(id);
        http.patch().uri("/api/jobs/{id}", id).header(AUTHORIZATION, JobsClient.office())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("openings", 9)).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("job-closed");
        http.get().uri("/api/jobs/job-nobody").header(AUTHORIZATION, JobsClient.office()).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void transportMayReadJobsButNotChangeThemAndWorkersMayNotList() {
        String id = jobs.post(JobsClient.posting(employer, "分拣员", area.east(2), 2));
        String transport = TestTokens.bearer(Role.TRANSPORT_COORDINATOR);
        http.get().uri("/api/jobs/{id}", id).header(AUTHORIZATION, transport).exchange().expectStatus().isOk();
        http.get().uri("/api/jobs/{id}/placements", id).header(AUTHORIZATION, transport).exchange()
                .expectStatus().isOk();
        http.post().uri("/api/jobs").header(AUTHORIZATION, transport).contentType(MediaType.APPLICATION_JSON)
                .body(JobsClient.posting(employer, "x", area.east(1), 1)).exchange().expectStatus().isForbidden();
        http.post().uri("/api/jobs/{id}/close", id).header(AUTHORIZATION, transport).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/employers").header(AUTHORIZATION, transport).exchange().expectStatus().isForbidden();
        http.post().uri("/api/matching/batch").header(AUTHORIZATION, transport).exchange().expectStatus().isForbidden();
        String worker = TestTokens.worker("w-1");
        http.get().uri("/api/jobs").header(AUTHORIZATION, worker).exchange().expectStatus().isForbidden();
        http.get().uri("/api/jobs/{id}", id).header(AUTHORIZATION, worker).exchange().expectStatus().isForbidden();
        http.get().uri("/api/matching/explain?workerId=w-1").header(AUTHORIZATION, worker).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/jobs").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theApiDocumentDescribesEveryEndpoint() {
        String docs = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(docs).contains("/api/employers", "/api/jobs", "/api/jobs/{id}", "/api/jobs/{id}/close",
                "/api/jobs/import", "/api/jobs/import/{importId}", "/api/jobs/import/template",
                "/api/jobs/{id}/placements", "/api/matching/batch", "/api/matching/explain");
    }

    private Map<?, ?> list(String query) {
        return http.get().uri("/api/jobs?" + query).header(AUTHORIZATION, JobsClient.office()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static List<Object> ids(Map<?, ?> page) {
        return ((List<?>) page.get("items")).stream().map(i -> ((Map<?, ?>) i).get("id")).map(Object.class::cast)
                .toList();
    }
}
