package org.chunfeng.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoFleetTest {

    private static final DemoCampaign CAMPAIGN = CampaignGenerator.generate(45, 1);
    private static final List<DemoBus> BUSES = CAMPAIGN.buses();

    @Test
    void coachesOfBozhouWaitAtTheCountyDepot() {
        assertThat(BUSES).allSatisfy(bus -> {
            assertThat(bus.plate()).matches("皖S·[0-9A-HJ-NP-Z][0-9]{4}");
            assertThat(bus.seats()).isIn(45, 53);
            assertThat(bus.depot()).isEqualTo(CAMPAIGN.countyDepot());
            assertThat(bus.driverName()).hasSizeBetween(2, 3);
            assertThat(bus.driverPhone()).matches("1[3-9]\\d{9}");
            assertThat(bus.operator()).isNotBlank();
        });
        assertThat(BUSES).extracting(DemoBus::plate).doesNotHaveDuplicates();
        assertThat(CAMPAIGN.countyDepot().city()).isEqualTo("利辛县");
        assertThat(CAMPAIGN.countyDepot().location().greatCircleKm(CAMPAIGN.town().centre())).isLessThan(15);
    }

    @Test
    void thereAreSeatsForEveryIntentionOfTheSeedTextInOneWave() {
        int seats = BUSES.stream().mapToInt(DemoBus::seats).sum();

        assertThat(seats).isGreaterThanOrEqualTo(1_284);
    }

    @Test
    void coachesAreFreeOnDaysOfTheReturn() {
        assertThat(BUSES).allSatisfy(bus -> {
            assertThat(bus.availableDates()).hasSizeGreaterThanOrEqualTo(10).isSorted().doesNotHaveDuplicates();
            assertThat(bus.availableDates())
                    .allSatisfy(d -> assertThat(d).isBetween(LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 15)));
        });
        assertThat(BUSES).filteredOn(bus -> bus.availableDates().contains(LocalDate.of(2026, 2, 28)))
                .hasSizeGreaterThan(BUSES.size() / 2);
    }
}
