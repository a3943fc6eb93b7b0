package org.chunfeng.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.SkillLevel;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;
import org.junit.jupiter.api.Test;

class DemoWorkersTest {

    private static final DemoCampaign CAMPAIGN = CampaignGenerator.generate(1284, 1);
    private static final List<DemoWorker> WORKERS = CAMPAIGN.workers();

    @Test
    void everyIdNumberIsValidAndMatchesTheWorker() {
        assertThat(IdNumberCheck.checkDigitIsRight("11010519491231002X")).as("the standard's example").isTrue();
        assertThat(IdNumberCheck.checkDigitIsRight("110105194912310021")).isFalse();
        assertThat(IdNumbers.checkDigit("11010519491231002")).isEqualTo('X');

        assertThat(WORKERS).allSatisfy(w -> {
            assertThat(IdNumberCheck.checkDigitIsRight(w.idNumber())).as(w.idNumber()).isTrue();
            assertThat(w.idNumber()).startsWith("341623");
            assertThat(IdNumberCheck.birthDate(w.idNumber())).as(w.idNumber()).isEqualTo(w.birthDate());
            assertThat(IdNumberCheck.isMale(w.idNumber())).isEqualTo(w.sex().equals("M"));
        });
    }

    @Test
    void noTwoWorkersShareAnIdNumberOrAPhone() {
        assertThat(WORKERS).extracting(DemoWorker::idNumber).doesNotHaveDuplicates();
        assertThat(WORKERS).extracting(DemoWorker::phone).doesNotHaveDuplicates()
                .allSatisfy(phone -> assertThat(phone).matches("1[3-9]\\d{9}"));
    }

    @Test
    void agesAreWorkingAgesWithAFewOlderPeople() {
        assertThat(WORKERS).allSatisfy(w -> {
            assertThat(w.age()).isBetween(18, 75);
            assertThat(w.birthDate().plusYears(w.age())).isBeforeOrEqualTo(CampaignGenerator.REGISTRATION_DATE);
            assertThat(w.birthDate().plusYears(w.age() + 1)).isAfter(CampaignGenerator.REGISTRATION_DATE);
        });
        long upTo65 = WORKERS.stream().filter(w -> w.age() <= 65).count();
        assertThat(upTo65).isGreaterThan(WORKERS.size() * 9 / 10).isLessThan(WORKERS.size());
    }

    @Test
    void mostWorkersComeFromPoorUnstableOrMarginalHouseholds() {
        Map<PovertyStatus, Long> byStatus = WORKERS.stream()
                .collect(Collectors.groupingBy(DemoWorker::povertyStatus, Collectors.counting()));
        long registered = WORKERS.size() - byStatus.getOrDefault(PovertyStatus.NONE, 0L);

        assertThat(registered).isGreaterThan(WORKERS.size() * 7 / 10);
        assertThat(byStatus).containsKeys(PovertyStatus.POOR, PovertyStatus.UNSTABLE, PovertyStatus.MARGINAL,
                PovertyStatus.NONE);
        assertThat(byStatus.get(PovertyStatus.POOR)).isGreaterThan(byStatus.get(PovertyStatus.UNSTABLE));
    }

    @Test
    void elderlySeriouslyIllAndDisabledPeopleAreAmongThem() {
        Map<SpecialGroup, Long> byGroup = WORKERS.stream().flatMap(w -> w.specialGroups().stream())
                .collect(Collectors.groupingBy(g -> g, Collectors.counting()));

        assertThat(byGroup.keySet()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(SpecialGroup.class));
        assertThat(byGroup.values()).allSatisfy(n -> assertThat(n).isBetween(20L, 300L));
        assertThat(WORKERS).filteredOn(w -> w.specialGroups().contains(SpecialGroup.ELDERLY))
                .allSatisfy(w -> assertThat(w.age()).isGreaterThanOrEqualTo(60));
    }

    @Test
    void householdsHoldOneToFourWorkersOfOneVillageAndStanding() {
        Map<String, List<DemoWorker>> byHousehold = WORKERS.stream()
                .collect(Collectors.groupingBy(DemoWorker::householdId));

        assertThat(CAMPAIGN.households()).hasSize(byHousehold.size()).allSatisfy(h -> {
            List<DemoWorker> members = byHousehold.get(h.householdId());
            assertThat(members).hasSize(h.workers()).hasSizeBetween(1, 4);
            assertThat(members).extracting(DemoWorker::village).containsOnly(h.village());
            assertThat(members).extracting(DemoWorker::povertyStatus).containsOnly(h.povertyStatus());
            assertThat(members).extracting(DemoWorker::home).containsOnly(members.get(0).home());
        });
        assertThat(byHousehold.values()).filteredOn(m -> m.size() > 1).hasSizeGreaterThan(byHousehold.size() / 2);
    }

    @Test
    void workersLiveInTheTownsVillagesAndBoardAtTheirCollectionPoint() {
        Map<String, DemoVillage> villages = CAMPAIGN.town().villages().stream()
                .collect(Collectors.toMap(DemoVillage::name, v -> v));

        assertThat(WORKERS).allSatisfy(w -> {
            assertThat(w.town()).isEqualTo("程家集镇");
            assertThat(w.county()).isEqualTo("利辛县");
            assertThat(villages).containsKey(w.village());
            assertThat(w.collectionPoint()).isEqualTo(villages.get(w.village()).collectionPoint());
            assertThat(w.home().greatCircleKm(w.collectionPoint().location())).isLessThan(2);
        });
        assertThat(WORKERS).extracting(DemoWorker::village).containsAll(villages.keySet());
        assertThat(CAMPAIGN.town().villages()).allSatisfy(v ->
                assertThat(v.collectionPoint().location().greatCircleKm(CAMPAIGN.town().centre())).isBetween(1.0, 8.0));
    }

    @Test
    void skillsIntentsWagesAndDatesAreThoseOfTheSpringReturn() {
        LocalDate first = LocalDate.of(2026, 2, 20);
        LocalDate last = LocalDate.of(2026, 3, 10);
        List<String> cities = CAMPAIGN.cities().stream().map(DestinationCity::name).toList();

        assertThat(WORKERS).allSatisfy(w -> {
            assertThat(w.skills()).extracting(SkillLevel::skill).doesNotHaveDuplicates();
            assertThat(w.skills()).allSatisfy(s -> assertThat(s.years()).isBetween(1, Math.max(1, w.age() - 16)));
            assertThat(w.availableFrom()).isBetween(first, last);
            assertThat(w.fitnessCheckedOn()).isBefore(w.availableFrom().plusDays(1));
            assertThat(w.minMonthlyWage()).isBetween(500, 6000);
            assertThat(cities).containsAll(w.preferredCities());
            assertThat(w.preferredCities()).doesNotHaveDuplicates();
            if (w.intent() == WorkIntent.LOCAL) {
                assertThat(w.preferredCities()).isEmpty();
            } else {
                assertThat(w.preferredCities()).hasSizeBetween(1, 3);
            }
        });
        assertThat(WORKERS).extracting(DemoWorker::intent).contains(WorkIntent.values());
        long green = WORKERS.stream().filter(w -> w.fitness() == TravelFitness.GREEN).count();
        assertThat(green).isGreaterThan(WORKERS.size() * 8 / 10);
        assertThat(WORKERS).extracting(DemoWorker::fitness).contains(TravelFitness.YELLOW, TravelFitness.RED);
    }
}
