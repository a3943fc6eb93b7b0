package org.chunfeng.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CampaignGeneratorTest {

    @Test
    void theSameSeedAndSizeGiveAnEqualCampaign() {
        DemoCampaign first = CampaignGenerator.generate(2020, 1);
        DemoCampaign second = CampaignGenerator.generate(2020, 1);

        assertThat(second).isEqualTo(first);
        assertThat(second.summary()).isEqualTo(first.summary());
    }

    @Test
    void anotherSeedGivesOtherPeopleAndJobsInTheSameTown() {
        DemoCampaign one = CampaignGenerator.generate(1, 1);
        DemoCampaign other = CampaignGenerator.generate(2, 1);

        assertThat(other.workers()).isNotEqualTo(one.workers());
        assertThat(other.postings()).isNotEqualTo(one.postings());
        assertThat(other.town()).isEqualTo(one.town());
        assertThat(other.cities()).isEqualTo(one.cities());
    }

    @Test
    void sizeOneIsTheTownOfTheSeedText() {
        DemoCampaign campaign = CampaignGenerator.generate(7, 1);

        assertThat(campaign.town().name()).isEqualTo("程家集镇");
        assertThat(campaign.town().county()).isEqualTo("利辛县");
        assertThat(campaign.town().prefecture()).isEqualTo("亳州市");
        assertThat(campaign.town().province()).isEqualTo("安徽省");
        assertThat(campaign.town().villages()).hasSize(20)
                .allSatisfy(v -> assertThat(v.name()).endsWith("村"));
        assertThat(campaign.workers()).hasSize(2_000);
        assertThat(campaign.postings()).hasSize(650);
        assertThat(campaign.publicWelfarePosts()).hasSize(50);
        assertThat(campaign.buses()).hasSize(40);
    }

    @Test
    void theSizeFactorMultipliesPeopleJobsAndCoachesButNotTheTown() {
        DemoCampaign campaign = CampaignGenerator.generate(7, 10);

        assertThat(campaign.sizeFactor()).isEqualTo(10);
        assertThat(campaign.workers()).hasSize(20_000);
        assertThat(campaign.postings()).hasSize(6_500);
        assertThat(campaign.publicWelfarePosts()).hasSize(500);
        assertThat(campaign.buses()).hasSize(400);
        assertThat(campaign.totalOpenings()).isGreaterThan(600_000);
        assertThat(campaign.town().villages()).hasSize(20);
        assertThat(campaign.workers()).extracting(DemoWorker::idNumber).doesNotHaveDuplicates();
        assertThat(campaign.employers()).extracting(DemoEmployer::name).doesNotHaveDuplicates();
        assertThat(campaign.buses()).extracting(DemoBus::plate).doesNotHaveDuplicates();
    }

    @Test
    void aSizeOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> CampaignGenerator.generate(1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and");
        assertThatThrownBy(() -> CampaignGenerator.generate(1, CampaignGenerator.MAX_SIZE_FACTOR + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
