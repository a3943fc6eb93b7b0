package org.chunfeng.employment.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.chunfeng.employment.Api;
import org.chunfeng.employment.Fixtures;
import org.chunfeng.employment.worker.WorkerRepository;
import org.chunfeng.kit.testing.ServiceTest;
import org.chunfeng.kit.testing.TestTokens;
import org.chunfeng.contracts.access.Role;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceTest
class ImportTest {

    @Autowired
    RestTestClient http;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http, json);
    }

    @Test
    void anXlsxSheetIsImportedRowByRowWithAReportThatSaysWhichAndWhy() throws Exception {
        String town = Fixtures.town();
        String idA = Fixtures.idNumber();
        String idB = Fixtures.idNumber();
        String idKnown = Fixtures.idNumber();
        String idC = Fixtures.idNumber();
        String known = api.register(Fixtures.form(town, "张庄村", idKnown));
        String badCheck = idC.substring(0, 17) + (idC.charAt(17) == '1' ? '2' : '1');

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("登记表");
        ImportColumn[] columns = ImportColumn.values();
        for (int c = 0; c < columns.length; c++) {
            sheet.value(0, c, columns[c].header());
        }
        // row 2: good, in Chinese words, dates as real Excel dates
        row(sheet, 1, Map.ofEntries(Map.entry(ImportColumn.NAME, "李明"), Map.entry(ImportColumn.ID_NUMBER, idA),
                Map.entry(ImportColumn.PHONE, "13812345678"), Map.entry(ImportColumn.HOUSEHOLD_ID, "H-A"),
                Map.entry(ImportColumn.POVERTY_STATUS, "建档立卡贫困户"),
                Map.entry(ImportColumn.SPECIAL_GROUPS, "贫困残疾人"), Map.entry(ImportColumn.COUNTY, "利辛县"),
                Map.entry(ImportColumn.TOWN, town), Map.entry(ImportColumn.VILLAGE, "李楼村"),
                Map.entry(ImportColumn.COLLECTION_POINT, "李楼村村委会"), Map.entry(ImportColumn.LAT, 33.141),
                Map.entry(ImportColumn.LON, 116.209), Map.entry(ImportColumn.COLLECTION_POINT_LAT, 33.1432),
                Map.entry(ImportColumn.COLLECTION_POINT_LON, 116.2101),
                Map.entry(ImportColumn.SKILLS, "电子装配:3、普工"), Map.entry(ImportColumn.YEARS, 1),
                Map.entry(ImportColumn.INTENT, "外出务工"), Map.entry(ImportColumn.PREFERRED_CITIES, "合肥、苏州"),
                Map.entry(ImportColumn.MIN_MONTHLY_WAGE, 3500),
                Map.entry(ImportColumn.AVAILABLE_FROM, LocalDate.of(2026, 2, 20)),
                Map.entry(ImportColumn.FITNESS, "绿"), Map.entry(ImportColumn.FITNESS_CHECKED_ON,
                        LocalDate.of(2026, 1, 10))));
        // row 3: good; same collection point name with other coordinates: the first ones stay
        row(sheet, 2, good(idB, town, "13900001111", 33.5, 116.5));
        // row 4: the same ID number as row 2
        row(sheet, 3, good(idA, town, "13900002222", null, null));
        // row 5: registered before
        row(sheet, 4, good(idKnown, town, "13900003333", null, null));
        // row 6: bad in several cells
        Map<ImportColumn, Object> bad = new HashMap<>(good(badCheck, town, "12345", null, null));
        bad.put(ImportColumn.POVERTY_STATUS, "富裕户");
        bad.put(ImportColumn.LAT, "abc");
        row(sheet, 5, bad);
        // row 7 is left blank; row 8: the ID number typed as a number, which Excel cuts to 15 digits
        Map<ImportColumn, Object> numeric = new HashMap<>(good(Fixtures.idNumber(), town, "13900004444", null, null));
        numeric.put(ImportColumn.ID_NUMBER, idNumberExcelMangled());
        row(sheet, 7, numeric);
        workbook.finish();

        JsonNode report = importAndWait(out.toByteArray(), "入户排查.xlsx");
        JsonNode job = report.path("job");
        assertThat(job.path("state").stringValue()).isEqualTo("DONE");
        assertThat(job.path("format").stringValue()).isEqualTo("XLSX");
        JsonNode progress = job.path("progress");
        assertThat(progress.path("rowsTotal").asInt()).isEqualTo(6);
        assertThat(progress.path("rowsRead").asInt()).isEqualTo(6);
        assertThat(progress.path("imported").asInt()).as(report.toString()).isEqualTo(2);
        assertThat(progress.path("duplicates").asInt()).as(report.toString()).isEqualTo(2);
        assertThat(progress.path("rejected").asInt()).isEqualTo(2);
        assertThat(progress.path("percent").asInt()).isEqualTo(100);

        Map<Integer, JsonNode> rows = byRow(report);
        assertThat(rows.keySet()).containsExactly(2, 3, 4, 5, 6, 8);
        assertThat(rows.get(2).path("outcome").stringValue()).isEqualTo("IMPORTED");
        assertThat(rows.get(3).path("outcome").stringValue()).isEqualTo("IMPORTED");
        assertThat(rows.get(4).path("outcome").stringValue()).isEqualTo("DUPLICATE");
        assertThat(rows.get(4).path("errors").get(0).path("message").stringValue()).isEqualTo("same ID number as row 2");
        assertThat(rows.get(5).path("outcome").stringValue()).isEqualTo("DUPLICATE");
        assertThat(rows.get(5).path("workerId").stringValue()).isEqualTo(known);
        assertThat(rows.get(6).path("outcome").stringValue()).isEqualTo("REJECTED");
        assertThat(fields(rows.get(6))).containsExactlyInAnyOrder("身份证号", "手机号", "户类型", "纬度");
        assertThat(rows.get(6).toString()).doesNotContain(badCheck);
        assertThat(rows.get(8).path("outcome").stringValue()).isEqualTo("REJECTED");
        assertThat(rows.get(8).path("errors").get(0).path("message").stringValue()).contains("format the column as text");

        String workerA = rows.get(2).path("workerId").stringValue();
        JsonNode a = api.worker(workerA);
        assertThat(a.path("povertyStatus").stringValue()).isEqualTo("POOR");
        assertThat(a.path("specialGroups").get(0).stringValue()).isEqualTo("DISABLED");
        assertThat(a.path("intent").stringValue()).isEqualTo("AWAY");
        assertThat(a.path("fitness").stringValue()).isEqualTo("GREEN");
        assertThat(a.path("availableFrom").stringValue()).isEqualTo("2026-02-20");
        assertThat(a.path("fitnessCheckedOn").stringValue()).isEqualTo("2026-01-10");
        assertThat(a.path("skills").values().stream().map(s -> s.path("skill").stringValue() + ":"
                + s.path("years").asInt())).containsExactly("ELECTRONICS_ASSEMBLY:3", "GENERAL_LABOUR:1");
        assertThat(a.path("channel").stringValue()).isEqualTo("IMPORT");
        JsonNode b = api.worker(rows.get(3).path("workerId").stringValue());
        assertThat(b.path("collectionPoint").path("id").stringValue())
                .isEqualTo(a.path("collectionPoint").path("id").stringValue());
        assertThat(b.path("collectionPoint").path("location").path("lat").asDouble()).isEqualTo(33.1432);

        // Rejected and duplicate rows stored nothing: the town holds the earlier worker and the two imported.
        assertThat(mongo.count(Query.query(Criteria.where("town").is(town)), WorkerRepository.COLLECTION))
                .isEqualTo(3);
        JsonNode rejectedOnly = api.get("/api/workers/import/" + job.path("jobId").stringValue()
                + "?outcome=REJECTED", Api.OFFICE, 200);
        assertThat(rejectedOnly.path("rows").path("total").asInt()).isEqualTo(2);
        // Imported workers are announced like any other.
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.getCollection(WorkerRepository.COLLECTION)
                .find(new Document("_id", workerA)).first().getList("outbox", Object.class).isEmpty());
    }

    @Test
    void aCsvWithBomAndEnglishHeadersIsImportedToo() {
        String town = Fixtures.town();
        String good = Fixtures.idNumber();
        String known = Fixtures.idNumber();
        api.register(Fixtures.form(town, "李楼村", known));
        String impossible = "341623" + "19990230" + "011";
        impossible = impossible + org.chunfeng.employment.worker.NationalId.checkDigit(impossible);
        String header = "name,idNumber,phone,householdId,povertyStatus,county,town,village,collectionPoint,lat,lon,"
                + "intent,preferredCities,fitness,fitnessCheckedOn,skills";
        String csv = "\uFEFF" + header + "\r\n"
                + "周强," + good + ",13811112222,H-9,MARGINAL,利辛县," + town + ",李楼村,村口,33.14,116.21,EITHER,"
                + "\"合肥,苏州\",GREEN,2026/1/5,LOGISTICS\r\n"
                + "吴刚," + known + ",13811113333,H-9,MARGINAL,利辛县," + town + ",李楼村,村口,33.14,116.21,EITHER,,"
                + "GREEN,2026-01-05,\r\n"
                + "郑芳," + impossible + ",13811114444,H-9,NONE,利辛县," + town + ",李楼村,村口,33.14,116.21,EITHER,,"
                + "GREEN,2026-01-05,flying\r\n";
        JsonNode report = importAndWait(csv.getBytes(StandardCharsets.UTF_8), "workers.csv");
        assertThat(report.path("job").path("state").stringValue()).isEqualTo("DONE");
        Map<Integer, JsonNode> rows = byRow(report);
        assertThat(rows.get(2).path("outcome").stringValue()).isEqualTo("IMPORTED");
        assertThat(rows.get(3).path("outcome").stringValue()).isEqualTo("DUPLICATE");
        assertThat(rows.get(4).path("outcome").stringValue()).isEqualTo("REJECTED");
        assertThat(rows.get(4).path("errors").values().stream().map(e -> e.path("field").stringValue() + ": "
                + e.path("message").stringValue())).containsExactlyInAnyOrder(
                        "idNumber: contains a birth date that does not exist",
                        "skills: must be a code or label from GET /api/workers/skills");
        JsonNode worker = api.worker(rows.get(2).path("workerId").stringValue());
        assertThat(worker.path("preferredCities").values().stream().map(JsonNode::stringValue))
                .containsExactly("合肥", "苏州");
        assertThat(worker.path("fitnessCheckedOn").stringValue()).isEqualTo("2026-01-05");
        assertThat(worker.path("povertyStatus").stringValue()).isEqualTo("MARGINAL");
    }

    @Test
    void aSheetWithoutTheRequiredColumnsIsRefusedAtOnceWithTheirNames() {
        long jobsBefore = mongo.getCollection(org.chunfeng.kit.importing.ImportJobs.JOBS).countDocuments();
        JsonNode refused = upload("姓名,手机号\r\n张三,13800000000\r\n".getBytes(StandardCharsets.UTF_8),
                "short.csv", Api.OFFICE, 400);
        assertThat(refused.path("errors").get(0).path("field").stringValue()).isEqualTo("file");
        assertThat(refused.path("errors").get(0).path("message").stringValue()).contains("身份证号")
                .contains("idNumber");
        assertThat(mongo.getCollection(org.chunfeng.kit.importing.ImportJobs.JOBS).countDocuments())
                .as("a refused upload leaves no job").isEqualTo(jobsBefore);
    }

    @Test
    void anOldXlsWorkbookOrNothingIsRefusedAtOnce() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0};
        JsonNode refused = upload(ole2, "old.xls", Api.OFFICE, 400);
        assertThat(refused.path("errors").get(0).path("message").stringValue()).contains(".xlsx");
        upload(new byte[0], "empty.csv", Api.OFFICE, 400);
        String header = java.util.Arrays.stream(ImportColumn.values()).map(ImportColumn::header)
                .collect(Collectors.joining(","));
        JsonNode noRows = upload((header + "\r\n").getBytes(StandardCharsets.UTF_8), "header-only.csv", Api.OFFICE,
                400);
        assertThat(noRows.path("errors").get(0).path("message").stringValue()).contains("no rows");
        upload("a,b".getBytes(StandardCharsets.UTF_8), "x.csv", TestTokens.bearer(Role.TRANSPORT_COORDINATOR), 403);
        api.get("/api/workers/import/no-such-job", Api.OFFICE, 404);
    }

    @Test
    void theTemplateHasTheChineseHeadersInBothFormats() throws Exception {
        byte[] xlsx = http.get().uri("/api/workers/import/template?format=xlsx")
                .header(HttpHeaders.AUTHORIZATION, Api.OFFICE).exchange().expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Row header = workbook.getFirstSheet().read().get(0);
            assertThat(header.stream().map(c -> c.getText()).toList()).startsWith("姓名", "身份证号", "手机号", "户编号",
                    "户类型", "特殊群体", "县", "乡镇", "村", "集合点", "纬度", "经度");
            assertThat(workbook.getSheets().map(s -> s.getName()).toList()).contains("说明");
        }
        String csv = http.get().uri("/api/workers/import/template?format=csv")
                .header(HttpHeaders.AUTHORIZATION, Api.OFFICE).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).startsWith("\uFEFF姓名,身份证号,手机号");
        api.get("/api/workers/import/template?format=pdf", Api.OFFICE, 400);
    }

    static Map<ImportColumn, Object> good(String id, String town, String phone, Double pointLat, Double pointLon) {
        Map<ImportColumn, Object> row = new HashMap<>(Map.ofEntries(Map.entry(ImportColumn.NAME, "赵六"),
                Map.entry(ImportColumn.ID_NUMBER, id), Map.entry(ImportColumn.PHONE, phone),
                Map.entry(ImportColumn.HOUSEHOLD_ID, "H-B"), Map.entry(ImportColumn.POVERTY_STATUS, "边缘户"),
                Map.entry(ImportColumn.COUNTY, "利辛县"), Map.entry(ImportColumn.TOWN, town),
                Map.entry(ImportColumn.VILLAGE, "李楼村"), Map.entry(ImportColumn.COLLECTION_POINT, "李楼村村委会"),
                Map.entry(ImportColumn.LAT, 33.15), Map.entry(ImportColumn.LON, 116.22),
                Map.entry(ImportColumn.INTENT, "均可"), Map.entry(ImportColumn.FITNESS, "GREEN"),
                Map.entry(ImportColumn.FITNESS_CHECKED_ON, "2026-01-12")));
        if (pointLat != null) {
            row.put(ImportColumn.COLLECTION_POINT_LAT, pointLat);
            row.put(ImportColumn.COLLECTION_POINT_LON, pointLon);
        }
        return row;
    }

    static void row(Worksheet sheet, int r, Map<ImportColumn, Object> values) {
        values.forEach((column, value) -> {
            int c = column.ordinal();
            if (value instanceof LocalDate d) {
                sheet.value(r, c, d);
                sheet.style(r, c).format("yyyy-mm-dd").set();
            } else if (value instanceof Number n) {
                sheet.value(r, c, n);
            } else {
                sheet.value(r, c, (String) value);
            }
        });
    }

    JsonNode importAndWait(byte[] file, String name) {
        JsonNode accepted = upload(file, name, Api.OFFICE, 202);
        String jobId = accepted.path("jobId").stringValue();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String state = api.get("/api/workers/import/" + jobId, Api.OFFICE, 200).path("job").path("state")
                    .stringValue();
            return !state.equals("QUEUED") && !state.equals("RUNNING");
        });
        return api.get("/api/workers/import/" + jobId + "?size=200", Api.OFFICE, 200);
    }

    JsonNode upload(byte[] file, String name, String token, int status) {
        org.springframework.util.LinkedMultiValueMap<String, Object> body =
                new org.springframework.util.LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        String answer = http.post().uri("/api/workers/import").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body).exchange().expectStatus()
                .isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
        return json.readTree(answer);
    }

    static Map<Integer, JsonNode> byRow(JsonNode report) {
        return report.path("rows").path("items").values().stream().collect(Collectors.toMap(
                r -> r.path("row").asInt(), r -> r, (a, b) -> a, java.util.TreeMap::new));
    }

    static List<String> fields(JsonNode row) {
        return row.path("errors").values().stream().map(e -> e.path("field").stringValue()).toList();
    }

    /**
     * An ID number as Excel keeps it when the column is not text: a double, whose last digits are no longer the
     * ones typed. Drawn until those digits fail the check digit, as they do about ten times in eleven, so the row is
     * refused for its format every time rather than by chance.
     */
    private static double idNumberExcelMangled() {
        while (true) {
            double typed = Double.parseDouble(Fixtures.idNumber().substring(0, 17)) * 10;
            // however the sheet's number is read back: its exact value, or the shortest decimal that names it
            if (!passesCheckDigit(new java.math.BigDecimal(typed).toPlainString())
                    && !passesCheckDigit(new java.math.BigDecimal(Double.toString(typed)).toPlainString())) {
                return typed;
            }
        }
    }

    private static boolean passesCheckDigit(String digits) {
        return digits.length() == 18
                && digits.charAt(17) == org.chunfeng.employment.worker.NationalId.checkDigit(digits.substring(0, 17));
    }
}
