package org.chunfeng.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.chunfeng.contracts.common.EmployerKind;
import org.junit.jupiter.api.Test;

class CampaignSampleTest {

    private static final DemoCampaign CAMPAIGN = CampaignGenerator.generate(2020, 1);

    @Test
    void aSampleKeepsEveryVillageAndEveryKindOfJobInProportion() {
        DemoCampaign sample = CampaignSample.of(CAMPAIGN, 300);

        assertThat(sample.workers()).hasSize(300);
        assertThat(villages(sample)).isEqualTo(villages(CAMPAIGN));
        for (EmployerKind kind : EmployerKind.values()) {
            long all = CAMPAIGN.postings().stream().filter(p -> p.employerKind() == kind).count();
            long kept = sample.postings().stream().filter(p -> p.employerKind() == kind).count();
            assertThat(kept).as(kind.name()).isEqualTo((long) Math.ceil(all * 300.0 / CAMPAIGN.workers().size()));
        }
        assertThat(sample.buses()).hasSize(6);
    }

    @Test
    void itsHouseholdsAndEmployersAreThoseItsWorkersAndPostingsName() {
        DemoCampaign sample = CampaignSample.of(CAMPAIGN, 300);

        assertThat(sample.households().stream().map(DemoHousehold::householdId).collect(Collectors.toSet()))
                .isEqualTo(sample.workers().stream().map(DemoWorker::householdId).collect(Collectors.toSet()));
        assertThat(sample.employers().stream().map(DemoEmployer::employerRef).collect(Collectors.toSet()))
                .isEqualTo(sample.postings().stream().map(DemoPosting::employerRef).collect(Collectors.toSet()));
    }

    @Test
    void aSampleAsLargeAsTheCampaignIsTheCampaign() {
        assertThat(CampaignSample.of(CAMPAIGN, CAMPAIGN.workers().size())).isSameAs(CAMPAIGN);
        assertThat(CampaignSample.spread(java.util.List.of(1, 2, 3, 4, 5, 6), 3)).containsExactly(1, 3, 5);
    }

    private static Set<String> villages(DemoCampaign campaign) {
        return campaign.workers().stream().map(DemoWorker::village).collect(Collectors.toSet());
    }
}
