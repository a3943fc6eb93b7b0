package org.chunfeng.employment.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.chunfeng.employment.Api;
import org.chunfeng.employment.Fixtures;
import org.chunfeng.employment.worker.WorkerRepository;
import org.chunfeng.kit.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.FileSystemResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thousands of rows stream through in several batches: every row reported, every good row stored and announced.
 * Not timed: the 50,000-row figure comes from bench/employment-import.
 */
@ServiceTest
class ImportScaleTest {

    static final int ROWS = Integer.getInteger("chunfeng.scale.rows", 2_000);

    @Autowired
    RestTestClient http;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;

    @Test
    void fiftyThousandRowsStreamThrough() throws IOException {
        String town = Fixtures.town();
        assertThat(ROWS).as("more than one database batch").isGreaterThan(500);
        Path file = Files.createTempFile("scale-", ".csv");
        Set<String> ids = new HashSet<>();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(Arrays.stream(ImportColumn.values()).map(ImportColumn::header).collect(Collectors.joining(","))
                    + "\n");
            int bad = 0;
            for (int i = 0; i < ROWS; i++) {
                String id = Fixtures.idNumber();
                while (!ids.add(id)) {
                    id = Fixtures.idNumber();
                }
                if (i % 1000 == 999) {
                    id = "123";
                    bad++;
                }
                out.write(String.join(",", "工人" + i, id, Fixtures.phone(), "H-" + (i / 3), i % 2 == 0 ? "POOR" : "边缘户",
                        "", "利辛县", town, "村" + (i % 40), "集合点" + (i % 40), "33.1" + (i % 10), "116.2" + (i % 10),
                        "", "", "电子装配、普工", "2", "均可", "合肥", "3000", "2026-02-20", "绿", "2026-01-10") + "\n");
            }
            assertThat(bad).isEqualTo(ROWS / 1000);
        }
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new FileSystemResource(file));
        String answer = http.post().uri("/api/workers/import").header(HttpHeaders.AUTHORIZATION, Api.OFFICE)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body).exchange().expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody();
        String jobId = json.readTree(answer).path("jobId").stringValue();
        long start = System.nanoTime();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> "DONE".equals(json
                .readTree(http.get().uri("/api/workers/import/" + jobId + "?size=1")
                        .header(HttpHeaders.AUTHORIZATION, Api.OFFICE).exchange().expectBody(String.class)
                        .returnResult().getResponseBody()).path("job").path("state").stringValue()));
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonNode progress = json.readTree(http.get().uri("/api/workers/import/" + jobId + "?size=1")
                .header(HttpHeaders.AUTHORIZATION, Api.OFFICE).exchange().expectBody(String.class).returnResult()
                .getResponseBody()).path("job").path("progress");
        System.out.printf("Imported %d of %d rows in %.1f s (%.0f rows/s)%n", progress.path("imported").asInt(),
                ROWS, seconds, ROWS / seconds);
        assertThat(progress.path("rowsRead").asInt()).isEqualTo(ROWS);
        assertThat(progress.path("imported").asInt()).isEqualTo(ROWS - ROWS / 1000);
        assertThat(progress.path("rejected").asInt()).isEqualTo(ROWS / 1000);
        assertThat(progress.path("percent").asInt()).isEqualTo(100);
        assertThat(mongo.count(Query.query(Criteria.where("town").is(town)), WorkerRepository.COLLECTION))
                .isEqualTo(ROWS - ROWS / 1000);
        long relayStart = System.nanoTime();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> mongo
                .getCollection(WorkerRepository.COLLECTION).countDocuments(new Document("town", town)
                        .append("outbox.0", new Document("$exists", true))) == 0);
        System.out.printf("Outbox drained %.1f s after the import finished%n", (System.nanoTime() - relayStart) / 1e9);
        Files.deleteIfExists(file);
    }
}
