package org.chunfeng.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.chunfeng.e2e.ChunfengSystem;
import org.chunfeng.e2e.WholeSystemTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A sign-in that can no longer be renewed sends the user back to the sign-in page, and then on to where they were;
 * a page the role may not see says so plainly instead of failing.
 */
@Order(23)
@WholeSystemTest
class SessionBrowserTest {

    private Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aSignInThatCannotBeRenewedLeadsBackToTheSignInPageAndThenToWhereTheUserWas(ChunfengSystem system) {
        browser = Browser.open(system.gatewayUrl(), "session");
        browser.visit("/");
        browser.await("a.door");
        // What a browser holds after its refresh token was used up or the gateway's key changed.
        browser.script("sessionStorage.setItem('chunfeng.session', JSON.stringify({accessToken: 'stale',"
                + " refreshToken: 'used-up', expiresAt: Date.now() + 600000, subject: 'office',"
                + " roles: ['LABOUR_OFFICE']}))");
        // A new page load (not just a new route), as when the tab is opened again.
        browser.script("location.assign('/?again#/office/workers?status=REGISTERED')");

        browser.awaitText(".alert.warn", "登录已过期");
        assertThat(browser.sessionStorage()).doesNotContainKey("chunfeng.session");
        browser.screenshot("expired");
        browser.type("input[name=username]", "office");
        browser.type("input[name=password]", system.password());
        browser.click("form button[type=submit]");
        browser.await("[data-list=workers], .empty");
        assertThat(browser.currentRoute()).isEqualTo("/office/workers?status=REGISTERED");

        assertThat(browser.pageProblems()).isEmpty();
    }

    @Test
    void callsThatNeedANewTokenAtTheSameTimeShareOneRefresh(ChunfengSystem system) {
        browser = Browser.open(system.gatewayUrl(), "refresh");
        browser.visit("/sign-in");
        browser.type("input[name=username]", "office");
        browser.type("input[name=password]", system.password());
        browser.click("form button[type=submit]");
        browser.await("[data-page=office] ul.funnel");
        String before = String.valueOf(browser.sessionStorage().get("chunfeng.session"));

        // A refresh token presented twice would end the sign-in: three refreshes at once must be one.
        Object status = browser.asyncScript("const done = arguments[arguments.length - 1];"
                + " import('/js/api.js').then(async api => {"
                + "   await Promise.all([api.refresh(), api.refresh(), api.refresh()]);"
                + "   await api.refresh();"
                + "   const summary = await api.get('/api/monitoring/summary');"
                + "   done(summary.total.registered >= 0 ? 'signed in' : 'no figures');"
                + " }).catch(e => done('failed: ' + e.status + ' ' + e.message));");

        assertThat(status).isEqualTo("signed in");
        assertThat(String.valueOf(browser.sessionStorage().get("chunfeng.session"))).isNotEqualTo(before)
                .contains("refreshToken");
        assertThat(browser.pageProblems()).isEmpty();
    }

    @Test
    void aPageTheRoleMayNotSeeSaysSo(ChunfengSystem system) {
        browser = Browser.open(system.gatewayUrl(), "forbidden");
        browser.visit("/sign-in");
        browser.type("input[name=username]", "coordinator");
        browser.type("input[name=password]", system.password());
        browser.click("form button[type=submit]");
        browser.await("[data-page=transport] [data-action=replan]");

        browser.visit("/office");
        browser.awaitText(".alert.error", "没有权限");
        browser.screenshot("forbidden");
        browser.click(".page a.button");
        browser.await("[data-page=transport] [data-action=replan]");

        assertThat(browser.pageProblems()).isEmpty();
    }
}
