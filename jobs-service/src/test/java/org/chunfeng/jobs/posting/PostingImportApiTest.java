package org.chunfeng.jobs.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.chunfeng.contracts.Topic;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.contracts.jobs.JobPosted;
import org.chunfeng.jobs.match.OpeningLedger;
import org.chunfeng.jobs.support.Area;
import org.chunfeng.jobs.support.JobsClient;
import org.chunfeng.jobs.support.Topics;
import org.chunfeng.kit.importing.ImportJobs;
import org.chunfeng.kit.testing.ServiceTest;
import org.chunfeng.kit.testing.TestTokens;
import org.chunfeng.kit.testing.TopicReader;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The posting import as a clerk follows it: upload, a job at once, its progress, then the per-row report. */
@ServiceTest
class PostingImportApiTest {

    static final String HEADER = "employerId,title,category,openings,siteName,city,lat,lon,monthlyWage,startDate,"
            + "accommodation,maxAge,suitableFor\n";

    @Autowired
    RestTestClient http;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;

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
    void aCsvImportIsFollowedToItsReportOfEachRow() {
        String csv = "\uFEFF用人单位编号,岗位名称,工种,招聘人数,工作地点,所在城市,纬度,经度,月薪,开工日期,包住宿,最高年龄,适合群体\n"
                + employer + ",剪枝工,果树种植,8,一号园区," + "利辛县," + area.east(2).lat() + "," + area.east(2).lon()
                + ",3800,2027-03-05,是,65,老人\n"
                + employer + ",搬运工,LOGISTICS,abc,二号园区,利辛县,33.1,116.2,4000,2027-03-05,否,,\n"
                + "\n"
                + "emp-unknown,采摘工,FRUIT_GROWING,3,三号园区,利辛县,33.1,116.2,3900,2027/03/06,是,,\n"
                + employer + ",打包工,PACKING,2,四号园区,利辛县,95,116.2,3900,soon,maybe,,妖怪\n";
        JsonNode accepted = upload("jobs.csv", csv.getBytes(StandardCharsets.UTF_8), JobsClient.office(), 202);
        String importId = accepted.path("jobId").stringValue();
        assertThat(accepted.path("status").stringValue()).isEqualTo("/api/jobs/import/" + importId);

        JsonNode report = follow(importId);
        JsonNode job = report.path("job");
        assertThat(job.path("state").stringValue()).isEqualTo("DONE");
        assertThat(job.path("format").stringValue()).isEqualTo("CSV");
        assertThat(job.path("fileName").stringValue()).isEqualTo("jobs.csv");
        JsonNode progress = job.path("progress");
        assertThat(progress.path("rowsTotal").asInt()).isEqualTo(4);
        assertThat(progress.path("rowsRead").asInt()).isEqualTo(4);
        assertThat(progress.path("imported").asInt()).isEqualTo(1);
        assertThat(progress.path("duplicates").asInt()).isEqualTo(0);
        assertThat(progress.path("rejected").asInt()).isEqualTo(3);
        assertThat(progress.path("percent").asInt()).isEqualTo(100);

        Map<Integer, JsonNode> rows = byRow(report);
        assertThat(rows.keySet()).as("the blank line keeps its number").containsExactly(2, 3, 5, 6);
        assertThat(rows.get(2).path("outcome").stringValue()).isEqualTo("IMPORTED");
        Map<?, ?> created = jobs.job(rows.get(2).path("jobId").stringValue());
        assertThat(created.get("category")).isEqualTo("FRUIT_GROWING");
        assertThat(created.get("suitableFor")).isEqualTo(List.of("ELDERLY"));
        assertThat(created.get("accommodation")).isEqualTo(true);
        assertThat(fields(rows.get(3))).containsExactly("openings");
        assertThat(fields(rows.get(5))).containsExactly("employerId");
        assertThat(fields(rows.get(6))).contains("category", "startDate", "accommodation", "suitableFor");
        assertThat(rows.get(6).path("outcome").stringValue()).isEqualTo("REJECTED");
        assertThat(rows.get(6).path("jobId").isNull()).isTrue();

        JsonNode rejected = get("/api/jobs/import/" + importId + "?outcome=REJECTED&size=2", 200);
        assertThat(rejected.path("rows").path("total").asInt()).isEqualTo(3);
        assertThat(rejected.path("rows").path("items").size()).isEqualTo(2);
        assertThat(postingsOf(employer)).as("rejected rows post nothing").isEqualTo(1);
    }

    @Test
    void aSheetUploadedAgainPostsNothingTwice() {
        String row = employer + ",装卸工,LOGISTICS,6,物流园," + "利辛县," + area.east(3).lat() + "," + area.east(3).lon()
                + ",4200,2027-03-08,否,,\n";
        String other = employer + ",装卸工,LOGISTICS,7,物流园," + "利辛县," + area.east(3).lat() + ","
                + area.east(3).lon() + ",4200,2027-03-08,否,,\n";
        byte[] csv = (HEADER + row + row + other).getBytes(StandardCharsets.UTF_8);
        JsonNode first = importAndFollow("jobs.csv", csv);
        assertThat(first.path("job").path("progress").path("imported").asInt()).isEqualTo(2);
        assertThat(first.path("job").path("progress").path("duplicates").asInt()).isEqualTo(1);
        Map<Integer, JsonNode> rows = byRow(first);
        String id = rows.get(2).path("jobId").stringValue();
        assertThat(rows.get(3).path("outcome").stringValue()).isEqualTo("DUPLICATE");
        assertThat(rows.get(3).path("jobId").stringValue()).isEqualTo(id);
        assertThat(rows.get(4).path("jobId").stringValue()).as("a row that differs is a posting of its own")
                .isNotEqualTo(id);

        // The clerk lost the page, so the same sheet comes again: every row names the posting already there.
        JsonNode again = importAndFollow("jobs.csv", csv);
        assertThat(again.path("job").path("progress").path("imported").asInt()).isEqualTo(0);
        assertThat(again.path("job").path("progress").path("duplicates").asInt()).isEqualTo(3);
        assertThat(byRow(again).values().stream().map(r -> r.path("jobId").stringValue()).toList())
                .isEqualTo(rows.values().stream().map(r -> r.path("jobId").stringValue()).toList());
        assertThat(jobs.job(id).get("openings")).isEqualTo(6);
        assertThat(postingsOf(employer)).isEqualTo(2);
    }

    @Test
    void aLongSheetAcrossSeveralEmployersPostsEachRowOnceWithOneJobPostedEvenWhenImportedAgain() {
        List<String> employers = List.of(employer, jobs.employer("阜阳物流园 " + area.name(), "INDUSTRIAL_PARK", null),
                jobs.employer("颍上服装厂 " + area.name(), "INDUSTRIAL_PARK", null));
        // 650 rows span two batches of 500: every 40th repeats the row before it (in the same batch or, at row 502,
        // across the batch boundary), every 97th names no employer; the rest are postings of their own.
        StringBuilder csv = new StringBuilder(HEADER);
        Map<Integer, String> expected = new TreeMap<>();
        Map<Integer, Integer> repeats = new TreeMap<>();
        String previous = null;
        for (int row = 2; row <= 651; row++) {
            String line;
            if (row % 40 == 0 || row == 502) {
                line = previous;
                expected.put(row, "DUPLICATE");
                repeats.put(row, row - 1);
            } else if (row % 97 == 0) {
                line = "emp-unknown,分拣工" + row + ",LOGISTICS,1,物流园,利辛县,33.1,116.2,4000,2027-03-08,否,,\n";
                expected.put(row, "REJECTED");
            } else {
                line = employers.get(row % 3) + ",分拣工" + row + ",LOGISTICS,1,物流园,利辛县," + area.east(3).lat()
                        + "," + area.east(3).lon() + ",4000,2027-03-08,否,,\n";
                expected.put(row, "IMPORTED");
            }
            csv.append(line);
            previous = line;
        }
        byte[] sheet = csv.toString().getBytes(StandardCharsets.UTF_8);

        try (TopicReader postings = new TopicReader(Topic.JOBS_POSTINGS.topicName())) {
            Map<Integer, JsonNode> first = allRows(importAndFollow("jobs.csv", sheet));
            assertThat(first.keySet()).isEqualTo(expected.keySet());
            expected.forEach((row, outcome) -> assertThat(first.get(row).path("outcome").stringValue())
                    .as("row " + row).isEqualTo(outcome));
            repeats.forEach((row, original) -> assertThat(first.get(row).path("jobId").stringValue())
                    .as("row " + row + " names the posting of row " + original)
                    .isEqualTo(first.get(original).path("jobId").stringValue()));
            first.values().stream().filter(r -> r.path("outcome").stringValue().equals("REJECTED"))
                    .forEach(r -> assertThat(fields(r)).containsExactly("employerId"));
            List<String> imported = first.values().stream()
                    .filter(r -> r.path("outcome").stringValue().equals("IMPORTED"))
                    .map(r -> r.path("jobId").stringValue()).toList();
            assertThat(imported).doesNotHaveDuplicates().hasSize((int) expected.values().stream()
                    .filter("IMPORTED"::equals).count());
            assertThat(employers.stream().mapToLong(this::postingsOf).sum()).isEqualTo(imported.size());
            for (int k = 0; k < employers.size(); k++) {
                int of = k;
                assertThat(postingsOf(employers.get(k))).as("postings of employer " + k).isEqualTo(expected.entrySet()
                        .stream().filter(r -> r.getValue().equals("IMPORTED") && r.getKey() % 3 == of).count());
            }
            Topics topics = new Topics(json);
            postings.until(records -> imported.stream().allMatch(id -> !topics.of(records, JobPosted.class, id)
                    .isEmpty()));

            // The same sheet again: nothing is written, every row names the posting it named before.
            Map<Integer, JsonNode> again = allRows(importAndFollow("jobs.csv", sheet));
            expected.forEach((row, outcome) -> {
                assertThat(again.get(row).path("outcome").stringValue()).as("row " + row)
                        .isEqualTo(outcome.equals("REJECTED") ? "REJECTED" : "DUPLICATE");
                assertThat(again.get(row).path("jobId").stringValue()).as("row " + row)
                        .isEqualTo(first.get(row).path("jobId").stringValue());
            });
            assertThat(employers.stream().mapToLong(this::postingsOf).sum()).isEqualTo(imported.size());
            List<ConsumerRecord<String, String>> records = postings.settle(Duration.ofSeconds(2));
            for (String id : imported) {
                assertThat(topics.of(records, JobPosted.class, id)).as("JobPosted of " + id).hasSize(1);
            }
        }
    }

    /** Every row of a finished import's report, by row number, read a page at a time. */
    Map<Integer, JsonNode> allRows(JsonNode report) {
        String importId = report.path("job").path("jobId").stringValue();
        Map<Integer, JsonNode> rows = new TreeMap<>();
        for (int page = 0; ; page++) {
            JsonNode items = get("/api/jobs/import/" + importId + "?size=200&page=" + page, 200).path("rows")
                    .path("items");
            if (items.isEmpty()) {
                return rows;
            }
            items.values().forEach(r -> rows.put(r.path("row").asInt(), r));
        }
    }

    @Test
    void anXlsxImportReadsTheSameColumnsAndExcelDates() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "chunfeng", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("岗位");
            String[] header = {"employerId", "title", "category", "openings", "siteName", "city", "lat", "lon",
                    "monthlyWage", "startDate"};
            for (int c = 0; c < header.length; c++) {
                sheet.value(0, c, header[c]);
            }
            Object[][] rows = {
                    {employer, "电子装配工", "ELECTRONICS_ASSEMBLY", 30, "园区一号楼", "合肥", 31.82, 117.23, 5200,
                            LocalDate.of(2027, 3, 10)},
                    {employer, "", "GARMENT", 2, "园区二号楼", "合肥", 31.82, 117.23, 5200, "2027-03-10"},
                    // a date column left as numbers: Excel's day number of 2027-03-12
                    {employer, "缝纫工", "GARMENT", 3, "园区三号楼", "合肥", 31.82, 117.23, 4800, 46458}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        sheet.value(r + 1, c, n);
                    } else if (v instanceof LocalDate d) {
                        sheet.value(r + 1, c, d);
                        sheet.style(r + 1, c).format("yyyy-mm-dd").set();
                    } else {
                        sheet.value(r + 1, c, (String) v);
                    }
                }
            }
        }
        JsonNode report = importAndFollow("jobs.xlsx", out.toByteArray());
        assertThat(report.path("job").path("format").stringValue()).isEqualTo("XLSX");
        assertThat(report.path("job").path("progress").path("imported").asInt()).as(report.toString()).isEqualTo(2);
        Map<Integer, JsonNode> rows = byRow(report);
        Map<?, ?> job = jobs.job(rows.get(2).path("jobId").stringValue());
        assertThat(job.get("openings")).isEqualTo(30);
        assertThat(job.get("startDate")).isEqualTo("2027-03-10");
        assertThat(fields(rows.get(3))).containsExactly("title");
        assertThat(jobs.job(rows.get(4).path("jobId").stringValue()).get("startDate")).isEqualTo("2027-03-12");
    }

    @Test
    void everyBadUploadIsAProblemAtOnceAndLeavesNoJobAndNoPosting() {
        long importsBefore = mongo.getCollection(ImportJobs.JOBS).countDocuments();
        String good = employer + ",装卸工,LOGISTICS,6,物流园,利辛县,33.1,116.2,4200,2027-03-08,否,,\n";

        assertThat(message(upload("empty.csv", new byte[0], JobsClient.office(), 400))).contains("empty");
        assertThat(message(upload("scan.pdf", new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '4', '\n', 0, 1, 2},
                JobsClient.office(), 400))).contains("neither a CSV nor an XLSX");
        assertThat(message(upload("old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0},
                JobsClient.office(), 400))).contains(".xlsx");
        assertThat(message(upload("notes.csv", "\n\n".getBytes(StandardCharsets.UTF_8), JobsClient.office(), 400)))
                .contains("no header row");
        assertThat(message(upload("short.csv", ("岗位名称,招聘人数\n装卸工,6\n").getBytes(StandardCharsets.UTF_8),
                JobsClient.office(), 400))).contains("missing required columns").contains("用人单位编号 (employerId)")
                .contains("开工日期 (startDate)").doesNotContain("岗位名称 (title)");
        assertThat(message(upload("header.csv", HEADER.getBytes(StandardCharsets.UTF_8), JobsClient.office(), 400)))
                .contains("no rows below the header");
        // One row too many refuses the whole sheet: not even its first, good row is posted.
        StringBuilder tooLong = new StringBuilder(HEADER).append(good);
        for (int i = 0; i < 100_000; i++) {
            tooLong.append("x\n");
        }
        assertThat(message(upload("hq.csv", tooLong.toString().getBytes(StandardCharsets.UTF_8), JobsClient.office(),
                400))).contains("more than 100000 rows");

        upload("jobs.csv", (HEADER + good).getBytes(StandardCharsets.UTF_8),
                TestTokens.bearer(Role.TRANSPORT_COORDINATOR), 403);
        assertThat(mongo.getCollection(ImportJobs.JOBS).countDocuments()).as("no job was made")
                .isEqualTo(importsBefore);
        assertThat(postingsOf(employer)).isZero();

        JsonNode unknown = get("/api/jobs/import/no-such-import", 404);
        assertThat(unknown.path("type").stringValue()).endsWith("/not-found");
        String importId = upload("jobs.csv", (HEADER + good).getBytes(StandardCharsets.UTF_8), JobsClient.office(),
                202).path("jobId").stringValue();
        assertThat(get("/api/jobs/import/" + importId + "?size=0", 400).path("errors").get(0).path("field")
                .stringValue()).isEqualTo("size");
        follow(importId);
    }

    @Test
    void theTemplateComesInBothFormatsAndItsExampleRowImportsForARealEmployer() {
        byte[] xlsx = http.get().uri("/api/jobs/import/template?format=xlsx").header(AUTHORIZATION, JobsClient.office())
                .exchange().expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, d -> assertThat(d)
                        .contains("job-import-template.xlsx"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(xlsx).startsWith('P', 'K');
        String csv = http.get().uri("/api/jobs/import/template?format=CSV").header(AUTHORIZATION, JobsClient.office())
                .exchange().expectStatus().isOk().expectHeader().contentType("text/csv;charset=UTF-8")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).startsWith("\uFEFF用人单位编号,岗位名称,工种");

        JsonNode refused = get("/api/jobs/import/template?format=pdf", 400);
        assertThat(refused.path("errors").get(0).path("field").stringValue()).isEqualTo("format");
        assertThat(refused.path("errors").get(0).path("message").stringValue()).isEqualTo("must be xlsx or csv");
        http.get().uri("/api/jobs/import/template").header(AUTHORIZATION, TestTokens.bearer(Role.TRANSPORT_COORDINATOR))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/jobs/import/template").header(AUTHORIZATION, TestTokens.bearer(Role.WORKER))
                .exchange().expectStatus().isForbidden();

        // The clerk puts an employer's id in place of the stand-in and uploads the template as it is.
        String filled = csv.replace(PostingTemplate.EXAMPLE.get("employerId"), employer);
        JsonNode report = importAndFollow("岗位表.csv", filled.getBytes(StandardCharsets.UTF_8));
        assertThat(report.path("job").path("progress").path("imported").asInt()).isEqualTo(1);
        assertThat(report.path("job").path("progress").path("rejected").asInt()).isZero();
        assertThat(postingsOf(employer)).isEqualTo(1);
    }

    JsonNode importAndFollow(String name, byte[] file) {
        return follow(upload(name, file, JobsClient.office(), 202).path("jobId").stringValue());
    }

    JsonNode follow(String importId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String state = get("/api/jobs/import/" + importId + "?size=1", 200).path("job").path("state")
                    .stringValue();
            return !state.equals("QUEUED") && !state.equals("RUNNING");
        });
        return get("/api/jobs/import/" + importId + "?size=200", 200);
    }

    JsonNode upload(String name, byte[] content, String token, int status) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        var exchange = http.post().uri("/api/jobs/import").header(AUTHORIZATION, token)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body).exchange().expectStatus().isEqualTo(status);
        if (status == 202) {
            exchange.expectHeader().value(HttpHeaders.LOCATION, l -> assertThat(l).startsWith("/api/jobs/import/"));
        } else {
            exchange.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        String answer = exchange.expectBody(String.class).returnResult().getResponseBody();
        return json.readTree(answer == null ? "{}" : answer);
    }

    JsonNode get(String path, int status) {
        String answer = http.get().uri(path).header(AUTHORIZATION, JobsClient.office()).exchange().expectStatus()
                .isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
        return json.readTree(answer);
    }

    long postingsOf(String employerId) {
        return mongo.getCollection(OpeningLedger.JOBS).countDocuments(new Document("employerId", employerId));
    }

    static String message(JsonNode problem) {
        assertThat(problem.path("errors").get(0).path("field").stringValue()).isEqualTo("file");
        return problem.path("errors").get(0).path("message").stringValue();
    }

    static Map<Integer, JsonNode> byRow(JsonNode report) {
        return report.path("rows").path("items").values().stream().collect(Collectors.toMap(
                r -> r.path("row").asInt(), r -> r, (a, b) -> a, TreeMap::new));
    }

    static List<String> fields(JsonNode row) {
        return row.path("errors").values().stream().map(e -> e.path("field").stringValue()).toList();
    }
}
