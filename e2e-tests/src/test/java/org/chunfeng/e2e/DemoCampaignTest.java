package org.chunfeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.chunfeng.devstack.demo.DemoReport;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The demo campaign played out through the gateway reaches every stage of the funnel. */
@Order(1)
@WholeSystemTest
class DemoCampaignTest {

    @Test
    void theDemoCampaignRunsFromRegistrationToArrival(ChunfengSystem system) {
        ChunfengSystem.DemoRun run = system.demo();
        DemoReport report = run.report();

        assertThat(report.errors()).isEmpty();
        assertThat(report.workersImported()).isEqualTo(run.campaign().workers().size());
        assertThat(report.workersRejected()).isZero();
        assertThat(report.postingsAdded()).isEqualTo(run.campaign().postings().size());
        assertThat(report.postingsRejected()).isZero();
        assertThat(report.vehiclesAdded()).isEqualTo(run.campaign().buses().size());
        assertThat(report.offersAccepted()).isPositive();
        assertThat(report.offersDeclined()).isPositive();
        assertThat(report.boarded()).isPositive();
        assertThat(report.arrived()).isEqualTo(report.boarded());
        DemoReport.Funnel funnel = report.funnel();
        assertThat(funnel.registered()).isEqualTo(run.campaign().workers().size());
        assertThat(funnel.offered()).isPositive();
        assertThat(funnel.intentAgreed()).isPositive();
        assertThat(funnel.transportArranged()).isEqualTo(funnel.intentAgreed());
        assertThat(funnel.returnedToWork()).isPositive();
    }
}
