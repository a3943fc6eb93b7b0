package org.chunfeng.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Size 100, the benchmarks' campaign: everything that must hold at size 1 holds for 200,000 people too. */
class LargeCampaignTest {

    @Test
    void twoHundredThousandWorkersWithValidDistinctIdNumbers() {
        DemoCampaign campaign = CampaignGenerator.generate(100, 100);

        assertThat(campaign.workers()).hasSize(200_000);
        assertThat(campaign.postings()).hasSize(65_000);
        assertThat(campaign.totalOpenings()).isGreaterThan(6_000_000);
        Set<String> idNumbers = new HashSet<>();
        Set<String> phones = new HashSet<>();
        for (DemoWorker worker : campaign.workers()) {
            assertThat(idNumbers.add(worker.idNumber())).as("unique %s", worker.idNumber()).isTrue();
            assertThat(phones.add(worker.phone())).as("unique %s", worker.phone()).isTrue();
            if (!IdNumberCheck.checkDigitIsRight(worker.idNumber())
                    || !worker.birthDate().equals(IdNumberCheck.birthDate(worker.idNumber()))) {
                throw new AssertionError("Invalid ID number " + worker.idNumber());
            }
        }
        assertThat(campaign.buses().stream().mapToInt(DemoBus::seats).sum()).isGreaterThanOrEqualTo(128_400);
    }
}
