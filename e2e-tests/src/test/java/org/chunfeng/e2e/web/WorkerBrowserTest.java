package org.chunfeng.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.chunfeng.devstack.demo.GatewayClient;
import org.chunfeng.e2e.ChunfengSystem;
import org.chunfeng.e2e.WholeSystemTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A worker registers on their phone in plain words, sees the job found for them with the reasons, accepts it, and
 * later signs in again with ID number, phone and reference to see how they travel.
 */
@Order(20)
@WholeSystemTest
class WorkerBrowserTest {

    private static final String JOB = "李庙村果蔬合作社分拣员";
    private Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aWorkerRegistersThemselvesSeesTheirOfferWithItsReasonsAndAcceptsIt(ChunfengSystem system) {
        browser = Browser.open(system.gatewayUrl(), "worker");
        // A job near the village, paying what the worker will ask for.
        GatewayClient office = system.office();
        String employer = Fixtures.employer(office, "李庙村果蔬合作社", "COOPERATIVE", "李庙村果蔬分拣中心", "利辛县",
                33.1552, 116.1688);
        Fixtures.job(office, employer, JOB, "李庙村果蔬分拣中心", "利辛县", 33.1552, 116.1688, Fixtures.HIGH_WAGE, 40,
                Fixtures.today().plusDays(10));
        String idNumber = Fixtures.idNumber(LocalDate.of(1988, 5, 17));
        String phone = Fixtures.phone();

        browser.visit("/");
        browser.await("a.door");
        browser.screenshot("welcome");
        browser.click("a.door[href='#/worker/register']");
        browser.await("input[name=idNumber]");
        // The villages come from employment-service, the same list it checks a self-registration against.
        assertThat(browser.all("select[name=village] option")).hasSizeGreaterThanOrEqualTo(20);
        browser.screenshot("register-empty");

        // The ID number is checked as it is typed: one wrong digit at the end is caught before anything is sent.
        String mistyped = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
        browser.type("input[name=name]", "陈玉兰");
        browser.type("input[name=idNumber]", mistyped);
        browser.type("input[name=phone]", phone);
        browser.awaitText("[data-field=idNumber] .field-error", "校验位");
        browser.screenshot("register-id-check");
        browser.type("input[name=idNumber]", idNumber);
        browser.awaitText("[data-field=idNumber] .field-ok", "✓");

        browser.tick("povertyStatus", "POOR");
        browser.choose("select[name=village]", Fixtures.LI_MIAO.name());
        browser.awaitText("[data-field=home] .hint", Fixtures.LI_MIAO.collectionPoint());
        browser.choose("select[name='skills[0].skill']", "ELECTRONICS_ASSEMBLY");
        browser.type("input[name='skills[0].years']", "3");
        browser.tick("intent", "LOCAL");
        browser.type("input[name=minMonthlyWage]", String.valueOf(Fixtures.HIGH_WAGE));

        // Left out on purpose: the service names the missing household number and the page puts it beside it.
        browser.click("form button[type=submit]");
        browser.awaitText("[data-field=householdId] .field-error", "必须填写");
        assertThat(browser.all(".field.invalid")).hasSize(1);
        browser.screenshot("register-server-error");

        browser.type("input[name=householdId]", "LX-CJJ-E2E-0517");
        browser.click("form button[type=submit]");
        String reference = browser.await("[data-reference]").getAttribute("data-reference");
        assertThat(reference).matches("CF-[2-9A-HJKMNP-Z]{6}");
        browser.screenshot("registered-reference");

        browser.click("button.primary");
        browser.await("[data-section=my-offer]");
        assertThat(browser.text("[data-section=my-offer] h3")).isEqualTo(JOB);
        assertThat(browser.all("[data-section=my-offer] .reasons li")).isNotEmpty();
        browser.screenshot("my-offer");
        browser.screenshotOnDesk("my-offer");

        browser.click("[data-action=accept]");
        browser.click("dialog.ask button[type=submit]");
        // A job within the daily commute needs no bus: the worker goes by themselves.
        browser.await("[data-status=TRANSPORT_ARRANGED]");
        browser.await("[data-transport=SELF]");
        browser.screenshot("accepted-travel-by-self");

        browser.click("button.sign-out");
        browser.await("input[name=reference]");
        browser.type("input[name=idNumber]", idNumber);
        browser.type("input[name=phone]", phone);
        browser.type("input[name=reference]", reference);
        browser.screenshot("sign-in");
        browser.click("form button[type=submit]");
        browser.await("[data-transport=SELF]");
        assertThat(browser.text("[data-placement]")).contains("李庙村果蔬合作社");
        browser.screenshot("my-job-again");

        assertThat(browser.pageProblems()).isEmpty();
    }

    @Test
    void theWorkersPagesReadInEnglishAfterTheSwitch(ChunfengSystem system) {
        browser = Browser.open(system.gatewayUrl(), "worker-english");
        browser.visit("/worker/sign-in");
        browser.await("input[name=reference]");
        browser.click("button.lang");
        browser.awaitText("h1", "See my job");
        browser.type("input[name=idNumber]", "341623198805170");
        browser.type("input[name=phone]", "1370");
        browser.click("input[name=reference]");
        browser.awaitText("[data-field=idNumber] .field-error", "18 characters");
        browser.screenshot("sign-in-english");

        browser.click("button.lang");
        browser.awaitText("h1", "查看我的工作");
        assertThat(browser.pageProblems()).isEmpty();
    }
}
