package org.chunfeng.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chunfeng.devstack.demo.GatewayClient;
import org.chunfeng.e2e.ChunfengSystem;
import org.chunfeng.e2e.WholeSystemTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The day of travel as the transport coordinator lives it: register a bus, pick the travel date from those with
 * riders, re-plan it, read why riders share a bus, lock and unlock the
 * trip, check riders on at their pickups, leave with one rider missing (the page says who), and hand the others over
 * at the site — after which employment-service counts them back at work.
 */
@Order(22)
@WholeSystemTest
class CoordinatorBrowserTest {

    private static final String PLATE = "皖SE2E01";
    private Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theCoordinatorReplansChecksRidersInLeavesWithOneMissingAndHandsTheOthersOver(ChunfengSystem system) {
        browser = Browser.open(system.gatewayUrl(), "coordinator");
        if (system.coordinator().get("/api/travel-dates").isEmpty()) {
            // Nobody to carry yet (a run without the demo campaign): the page says what to do first.
            signIn(system);
            browser.awaitText("[data-page=transport] .empty", "登记车辆");
            browser.screenshot("plan-no-dates");
            browser.click("button.sign-out");
            browser.await("input[name=username]");
        }
        // A date no one else travels on, a bus free only then, and three workers who accepted a job away.
        LocalDate start = Fixtures.today().plusDays(45);
        LocalDate travel = start.minusDays(1);
        GatewayClient office = system.office();
        Fixtures.vehicle(system.coordinator(), PLATE, travel);
        String employer = Fixtures.employer(office, "无锡新吴电子有限公司", "ENTERPRISE", "无锡新吴区电子工业园", "无锡市",
                31.4912, 120.3119);
        int wage = Fixtures.HIGH_WAGE + 500;
        Fixtures.job(office, employer, "SMT 贴片操作员", "无锡新吴区电子工业园", "无锡市", 31.4912, 120.3119, wage, 30,
                start);
        List<String> names = List.of("马桂芳", "赵志强", "孙丽华");
        List<Fixtures.Village> villages = List.of(Fixtures.LI_MIAO, Fixtures.ZHAO_QIAO, Fixtures.SUN_HU);
        List<String> riders = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            riders.add(Fixtures.registerWorker(office, Fixtures.registration(names.get(i),
                    Fixtures.idNumber(LocalDate.of(1982 + i, 4, 9)), Fixtures.phone(), villages.get(i), "AWAY", wage)));
        }
        for (String worker : riders) {
            String offer = Fixtures.awaitOpenOffer(office, worker).path("offerId").asString();
            office.post("/api/workers/" + worker + "/offers/" + offer + "/accept", null);
        }
        for (String worker : riders) {
            Fixtures.awaitStatus(office, worker, "TRANSPORT_ARRANGED");
        }

        signIn(system);
        browser.await("[data-page=transport] [data-action=replan]");
        browser.screenshot("plan-today");

        // The busiest travel date (the demo campaign's, when it has run): a full day's buses and routes.
        JsonNode busiest = system.coordinator().get("/api/travel-dates").values().stream()
                .max(java.util.Comparator.comparingInt(d -> d.path("riders").asInt())).orElseThrow();
        String busiestDate = busiest.path("date").asString();
        browser.visit("/transport?date=" + busiestDate);
        browser.await("[data-travel-date='" + busiestDate + "']");
        browser.await("[data-list=trips], .empty");
        browser.screenshot("plan-busiest-date");
        browser.screenshotOnDesk("plan-busiest-date");

        browser.visit("/transport/vehicles");
        browser.await("[data-list=vehicles]");
        browser.type("input[name=plate]", "皖SE2E02");
        browser.type("input[name=seats]", "33");
        browser.type("input[name=driverName]", "李师傅");
        browser.type("input[name=driverPhone]", "1391234567");
        browser.click("form button[type=submit]");
        browser.awaitText("[data-field=driverPhone] .field-error", "手机号");
        browser.screenshot("vehicle-error");

        // The coordinator picks the date from the travel dates that have riders, with how far each is planned.
        browser.visit("/transport");
        browser.await("#plan-date option[value='" + travel + "']");
        // (It may already be the date shown: the first from today on with riders.)
        browser.choose("#plan-date", travel.toString());
        browser.await("[data-travel-date='" + travel + "']");
        assertThat(browser.text("[data-travel-date='" + travel + "'] dl")).contains("出发人数\n3");
        browser.await("[data-list=trips]");
        browser.screenshot("plan-date-chosen");
        browser.click("[data-action=replan]");
        browser.await("[data-summary=plan]");
        String tripId = system.coordinator().get("/api/riders/" + riders.get(0)).path("seat").path("tripId")
                .asString();
        browser.await("[data-trip='" + tripId + "']");
        browser.screenshot("plan-replanned");
        browser.screenshotOnDesk("plan-replanned");

        browser.click("[data-trip='" + tripId + "'] a");
        browser.await("[data-rider='" + riders.get(2) + "']");
        browser.click("[data-action=lock]");
        browser.await("[data-locked=true]");
        browser.screenshot("trip-locked");
        browser.click("[data-action=unlock]");
        browser.await("[data-locked=false]");
        // Why these riders share the bus, in the page's language.
        browser.click("details.card summary");
        browser.await("[data-explain]");
        assertThat(browser.text("[data-explain]")).contains("上岗前一天").contains("无锡市").doesNotContain("riders");
        browser.screenshot("trip-why");

        for (String rider : riders.subList(0, 2)) {
            browser.click("[data-rider='" + rider + "'] [data-action=board]");
            browser.await("[data-rider='" + rider + "'][data-status=BOARDED]");
        }
        browser.screenshot("trip-boarding");

        browser.click("[data-action=depart]");
        browser.awaitText("dialog.ask", names.get(2));
        browser.screenshot("depart-question");
        browser.click("dialog.ask button[type=submit]");
        browser.await("[data-trip-status=DEPARTED]");
        assertThat(browser.text("[data-missing]")).contains(names.get(2)).doesNotContain(names.get(0));
        browser.screenshot("departed-one-missing");

        for (String rider : riders.subList(0, 2)) {
            browser.click("[data-rider='" + rider + "'] [data-action=arrive]");
            browser.await("[data-rider='" + rider + "'][data-status=ARRIVED]");
        }
        browser.screenshot("handed-over");
        browser.screenshotOnDesk("handed-over");

        Fixtures.awaitStatus(office, riders.get(0), "RETURNED_TO_WORK");
        Fixtures.awaitStatus(office, riders.get(1), "RETURNED_TO_WORK");
        assertThat(office.get("/api/workers/" + riders.get(2)).path("status").asString())
                .isEqualTo("TRANSPORT_ARRANGED");

        browser.visit("/transport/subsidies");
        browser.await(".page-header");
        browser.await("table, .empty");
        browser.screenshot("subsidies");

        assertThat(browser.pageProblems()).isEmpty();
    }

    private void signIn(ChunfengSystem system) {
        browser.visit("/sign-in");
        browser.type("input[name=username]", "coordinator");
        browser.type("input[name=password]", system.password());
        browser.click("form button[type=submit]");
    }
}
