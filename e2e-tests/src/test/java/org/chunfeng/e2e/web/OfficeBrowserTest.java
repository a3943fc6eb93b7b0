package org.chunfeng.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.chunfeng.e2e.ChunfengSystem;
import org.chunfeng.devstack.demo.GatewayClient;
import org.chunfeng.e2e.WholeSystemTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The labour office signs in, registers a worker on the form (the service's field errors shown beside the fields),
 * finds them on the campaign dashboard and drills down from a figure to the worker's masked record; then imports a
 * spreadsheet and reads its report row by row, and imports a sheet of job postings the same way.
 */
@Order(21)
@WholeSystemTest
class OfficeBrowserTest {

    /** The dashboard: its funnel, or on a campaign with nobody registered yet, the invitation to register. */
    private static final String DASHBOARD = "[data-page=office] ul.funnel, [data-page=office] .empty";

    private Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Once a wrong password, said on the form, then the right one. */
    private void signInAfterAMistake(ChunfengSystem system) {
        browser.visit("/sign-in");
        browser.type("input[name=username]", "office");
        browser.type("input[name=password]", "not-the-password");
        browser.click("form button[type=submit]");
        browser.awaitText(".form-errors", "登录没有成功");
        browser.screenshot("sign-in-refused");
        browser.type("input[name=password]", system.password());
        browser.click("form button[type=submit]");
        browser.await(DASHBOARD);
    }

    /** Straight in: the gateway holds back an account after a few wrong passwords, so only one test makes one. */
    private void signIn(ChunfengSystem system) {
        browser.visit("/sign-in");
        browser.type("input[name=username]", "office");
        browser.type("input[name=password]", system.password());
        browser.click("form button[type=submit]");
        browser.await(DASHBOARD);
    }

    @Test
    void theOfficeRegistersAWorkerThenFindsThemOnTheDashboardByDrillingDown(ChunfengSystem system) {
        browser = Browser.open(system.gatewayUrl(), "office");
        signInAfterAMistake(system);
        browser.screenshot("dashboard");
        browser.screenshotOnDesk("dashboard");

        browser.visit("/office/workers/new");
        browser.await("input[name=idNumber]");
        browser.click("form button[type=submit]");
        browser.awaitText("[data-field=name] .field-error", "必须填写");
        assertThat(browser.text("[data-field=householdId] .field-error")).contains("必须填写");
        browser.screenshot("register-errors");

        String name = "周春燕";
        String idNumber = Fixtures.idNumber(LocalDate.of(1979, 11, 3));
        browser.type("input[name=name]", name);
        browser.type("input[name=idNumber]", idNumber);
        browser.type("input[name=phone]", Fixtures.phone());
        browser.type("input[name=householdId]", "LX-CJJ-E2E-1103");
        browser.choose("select[name=povertyStatus]", "MARGINAL");
        browser.choose("select[name=village]", Fixtures.ZHAO_QIAO.name());
        browser.tick("intent", "AWAY");
        browser.click("form button[type=submit]");
        browser.awaitText(".page-header h1", name);
        String masked = browser.text("dl.facts");
        assertThat(masked).contains(idNumber.substring(0, 6) + "**********" + idNumber.substring(16))
                .doesNotContain(idNumber);
        browser.screenshot("registered-worker");
        String workerId = browser.currentRoute().replace("/office/workers/", "");

        // The dashboard, narrowed to the worker's village; its registered figure lists the people behind it.
        browser.visit("/office");
        browser.choose("#filter-town", Fixtures.TOWN);
        browser.await("#filter-village:not([disabled])");
        browser.choose("#filter-village", Fixtures.ZHAO_QIAO.name());
        browser.awaitRoute("village=" + Fixtures.ZHAO_QIAO.name());
        browser.await("[data-stage=REGISTERED] a.figure[href*='village=']");
        browser.screenshot("dashboard-village");
        browser.click("[data-stage=REGISTERED] a.figure");
        browser.awaitRoute("/office/drill");
        browser.await("[data-list=workers]");
        WebElement row = browser.await("[data-worker='" + workerId + "']");
        assertThat(row.getText()).contains(name).contains(Fixtures.ZHAO_QIAO.name());
        browser.screenshot("drill-registered");
        browser.click("[data-worker='" + workerId + "'] a");
        browser.awaitText(".page-header h1", name);
        // The status history says why in Chinese, from the codes the service sends.
        assertThat(browser.text("ol.history")).contains("登记（工作人员登记）").doesNotContain("registered (");
        browser.screenshot("worker-from-dashboard");

        // Found again by part of the name; a name nobody has says what to do next.
        browser.visit("/office/workers");
        browser.await("[data-list=workers]");
        browser.type("#filter-name", "春燕");
        browser.click("form.filters button[type=submit]");
        browser.awaitRoute("name=春燕");
        browser.await("[data-list=workers] [data-worker='" + workerId + "']");
        assertThat(browser.all("[data-list=workers] .list-title a")).allSatisfy(a ->
                assertThat(a.getText()).contains("春燕"));
        browser.screenshot("workers-by-name");
        browser.visit("/office/workers?name=" + java.net.URLEncoder.encode("没有这个名字", StandardCharsets.UTF_8));
        browser.awaitText(".empty", "没有姓名含");
        browser.screenshot("workers-no-such-name");

        browser.visit("/office/at-risk");
        browser.await("[data-list=at-risk], .empty");
        browser.screenshot("at-risk");
        browser.visit("/office/workers");
        browser.await("[data-list=workers]");
        browser.screenshot("workers");
        browser.visit("/office/jobs");
        browser.await("[data-list=jobs], .empty");
        browser.screenshot("jobs");
        browser.visit("/office/employers");
        browser.await("[data-list=employers], .empty");
        browser.screenshot("employers");

        assertThat(browser.pageProblems()).isEmpty();
    }

    @Test
    void aWorkerWhoMissedTheBusIsOnTheAtRiskListAndTheirRecordSaysSo(ChunfengSystem system) {
        system.demo();
        // A seated rider of a bus that has not left, away from the busiest date the coordinator's test shows.
        String busiest = system.coordinator().get("/api/travel-dates").values().stream()
                .max(Comparator.comparingInt(d -> d.path("riders").asInt())).map(d -> d.path("date").asString())
                .orElse("");
        MongoCollection<Document> workers = system.database("employment").getCollection("workers");
        Document rider = workers.find(Filters.and(Filters.eq("status", "TRANSPORT_ARRANGED"),
                Filters.eq("transport.kind", "BUS_SEAT"))).into(new ArrayList<>()).stream()
                .filter(w -> w.get("transport", Document.class).get("boardedAt") == null)
                .filter(w -> !String.valueOf(system.coordinator().get("/api/riders/" + w.getString("_id"))
                        .path("travelDate").asString()).equals(busiest))
                .findFirst().orElseThrow(() -> new AssertionError("the demo campaign seated riders on later buses"));
        String workerId = rider.getString("_id");
        String tripId = rider.get("transport", Document.class).getString("tripId");
        system.coordinator().post("/api/trips/" + tripId + "/riders/" + workerId + "/no-show", null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> workers.find(Filters.eq("_id", workerId))
                .first().get("transport", Document.class).get("missedAt") != null);

        browser = Browser.open(system.gatewayUrl(), "office");
        signIn(system);
        browser.visit("/office/at-risk?town=" + URLEncoder.encode(rider.getString("town"), StandardCharsets.UTF_8)
                + "&village=" + URLEncoder.encode(rider.getString("village"), StandardCharsets.UTF_8));
        browser.await("[data-list=at-risk]");
        assertThat(browser.text("[data-list=at-risk]")).contains(rider.getString("name")).contains("未按时乘车");
        browser.screenshot("at-risk-missed-bus");

        browser.visit("/office/workers/" + workerId);
        browser.awaitText("[data-missed]", "未按时乘车");
        browser.screenshot("worker-missed-bus");
    }

    @Test
    void theOfficeImportsASpreadsheetWithProgressAndReadsTheReportRowByRow(ChunfengSystem system,
            @TempDir Path folder) throws IOException {
        browser = Browser.open(system.gatewayUrl(), "office-import");
        StringBuilder sheet = new StringBuilder("姓名,身份证号,手机号,户编号,户类型,特殊群体,县,乡镇,村,集合点,纬度,经度,"
                + "集合点纬度,集合点经度,技能,从业年限,就业意向,意向城市,最低月薪,可到岗日期,健康状况,体检日期\n");
        for (int i = 0; i < 12; i++) {
            sheet.append(String.join(",", "郭湖导入" + i, Fixtures.idNumber(LocalDate.of(1984, 3, 1 + i)),
                    Fixtures.phone(), "LX-CJJ-IMP-" + i, "边缘户", "", Fixtures.COUNTY, Fixtures.TOWN, "郭湖村",
                    "郭湖村村委会集合点", "33.1294", "116.2567", "", "", "普工", "2", "均可", "", "3000",
                    Fixtures.today().toString(), "绿码", Fixtures.today().toString())).append('\n');
        }
        sheet.append("坏的一行,341623198001011234,12345,LX-CJJ-IMP-X,不知道,,利辛县,程家集镇,郭湖村,郭湖村村委会集合点,"
                + "99,116.2567,,,普工,2,均可,,3000,2026-12-01,绿码,2026-11-20\n");
        Path file = folder.resolve("郭湖村入户排查.csv");
        Files.writeString(file, sheet, StandardCharsets.UTF_8);
        Path shortHeader = folder.resolve("只有姓名和手机号.csv");
        Files.writeString(shortHeader, "姓名,手机号\n张三,13800000000\n", StandardCharsets.UTF_8);

        signIn(system);
        browser.visit("/office/workers/import");
        browser.await("#import-file");
        browser.click("form button[type=submit]");
        browser.awaitText("#import-file-error", "请先选择文件");
        browser.screenshot("import-choose");
        // A sheet lacking required columns is refused before any job, in the clerk's language.
        browser.await("#import-file").sendKeys(shortHeader.toString());
        browser.click("form button[type=submit]");
        browser.awaitText("#import-file-error", "表头缺少必填的列");
        assertThat(browser.text("#import-file-error")).contains("身份证号");
        browser.screenshot("import-header-refused");
        browser.await("#import-file").sendKeys(file.toString());
        browser.click("form button[type=submit]");
        browser.await("[data-state]");
        browser.screenshot("import-progress");
        browser.await("[data-state=DONE]");
        assertThat(browser.text("[data-outcome=IMPORTED] dd")).isEqualTo("12");
        assertThat(browser.text("[data-outcome=REJECTED] dd")).isEqualTo("1");
        browser.await("table");
        // A worker's link says so in a few words (a long id would wrap on a phone); the id is its title.
        WebElement worker = browser.await("table a[href^='#/office/workers/']");
        assertThat(worker.getText()).isEqualTo("查看人员");
        assertThat(worker.getAttribute("href")).endsWith("#/office/workers/" + worker.getAttribute("title"));
        browser.click(".tabs button:nth-child(2)");
        browser.awaitRoute("outcome=REJECTED");
        browser.awaitText(".tabs button.primary", "有错误");
        browser.await("table");
        assertThat(browser.text("table")).contains("校验位").contains("手机号");
        browser.screenshot("import-rejected-rows");

        assertThat(browser.pageProblems()).isEmpty();
    }

    @Test
    void theOfficeImportsASheetOfPostingsAndFindsTheNewOneInTheJobsList(ChunfengSystem system, @TempDir Path folder)
            throws IOException {
        GatewayClient office = system.office();
        String employer = Fixtures.employer(office, "利辛县纺织服装产业园（岗位导入）", "INDUSTRIAL_PARK", "纺织服装产业园",
                "利辛县", 33.1412, 116.2085);
        String start = Fixtures.today().plusDays(30).toString();
        String header = "用人单位编号,岗位名称,工种,技能要求,招聘人数,工作地点,所在城市,纬度,经度,月薪,开工日期,包住宿,最低年龄,最高年龄,"
                + "适合群体\n";
        String earlier = employer + ",验布工,服装加工,,5,纺织服装产业园,利辛县,33.1412,116.2085,4100," + start + ",是,18,55,\n";
        // The employer sent a sheet last week; this week's repeats its one posting beside a new one and a bad row.
        JsonNode accepted = office.upload("/api/jobs/import", "上周的岗位表.csv", "text/csv",
                (header + earlier).getBytes(StandardCharsets.UTF_8));
        String existing = followImport(office, accepted.path("jobId").asString()).path("rows").path("items").get(0)
                .path("jobId").asString();
        Path sheet = folder.resolve("本周岗位表.csv");
        Files.writeString(sheet, header + employer + ",缝纫工,服装加工,服装加工,12,纺织服装产业园,利辛县,33.1412,116.2085,4300,"
                + start + ",是,18,50,老人\n" + earlier + employer + ",打包工,飞行,,两个,纺织服装产业园,利辛县,33.1412,116.2085,"
                + "4000,下个月,也许,,,\n", StandardCharsets.UTF_8);

        browser = Browser.open(system.gatewayUrl(), "office-job-import");
        signIn(system);
        // The sheet names its employer by the id the employers page lists.
        browser.visit("/office/employers");
        browser.awaitText("[data-employer='" + employer + "']", "单位编号 " + employer);
        browser.screenshot("employer-ids");
        browser.visit("/office/jobs");
        browser.click("a.button[href='#/office/jobs/import']");
        browser.awaitRoute("/office/jobs/import");
        browser.await("#import-file").sendKeys(sheet.toString());
        browser.screenshot("job-import-choose");
        browser.click("form button[type=submit]");
        browser.await("[data-state=DONE]");
        assertThat(browser.text("[data-outcome=IMPORTED] dd")).isEqualTo("1");
        assertThat(browser.text("[data-outcome=DUPLICATE] dd")).isEqualTo("1");
        assertThat(browser.text("[data-outcome=REJECTED] dd")).isEqualTo("1");
        browser.await("table");
        String report = browser.text("table");
        // Each bad field named by its column, its reason in the clerk's words.
        assertThat(report).contains("工种: “飞行”不是可选的工种").contains("招聘人数: 应为数字")
                .contains("开工日期: 应为日期").contains("包住宿: 应填 是 或 否");
        // A posting's link says so in a few words (a long id would wrap on a phone); the id is its title.
        WebElement duplicate = browser.await("table a[href='#/office/jobs?job=" + existing + "']");
        assertThat(duplicate.getText()).isEqualTo("查看岗位");
        assertThat(duplicate.getAttribute("title")).isEqualTo(existing);
        browser.screenshot("job-import-report");

        String created = browser.all("table a[href^='#/office/jobs?job=']").stream().map(a -> a.getAttribute("title"))
                .filter(id -> !id.equals(existing)).findFirst()
                .orElseThrow(() -> new AssertionError("the imported row links to its new posting"));
        browser.click("table a[href='#/office/jobs?job=" + existing + "']");
        browser.await("[data-list=jobs] [data-job='" + existing + "']");
        assertThat(browser.text("[data-job='" + existing + "']")).contains("验布工");
        browser.visit("/office/jobs");
        browser.await("[data-list=jobs] [data-job='" + created + "']");
        assertThat(browser.text("[data-job='" + created + "']")).contains("缝纫工").contains("纺织服装产业园");
        browser.screenshot("jobs-after-import");

        // Every waiting worker matched at once, for the best total: the panel follows the batch until it ends.
        browser.await("[data-batch]");
        browser.click("#batch-start");
        browser.await("[data-batch=DONE]");
        assertThat(browser.text(".batch-status")).contains("已完成");
        browser.screenshot("jobs-batch-done");

        assertThat(browser.pageProblems()).isEmpty();
    }

    private static JsonNode followImport(GatewayClient office, String importId) {
        String path = "/api/jobs/import/" + importId;
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> office.get(path + "?size=1").path("job")
                .path("state").asString().equals("DONE"));
        return office.get(path);
    }
}
