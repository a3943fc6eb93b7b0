package org.chunfeng.devstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.SpecialGroup;
import org.junit.jupiter.api.Test;

class DemoPostingsTest {

    private static final DemoCampaign CAMPAIGN = CampaignGenerator.generate(60_000, 1);
    private static final List<DemoPosting> POSTINGS = CAMPAIGN.postings();

    /** Reference centres of the destination cities, to within a few kilometres. */
    private static final Map<String, GeoPoint> KNOWN_CENTRES = Map.of(
            "合肥市", new GeoPoint(31.82, 117.23),
            "上海市", new GeoPoint(31.23, 121.47),
            "苏州市", new GeoPoint(31.30, 120.59),
            "杭州市", new GeoPoint(30.27, 120.16),
            "南京市", new GeoPoint(32.06, 118.80),
            "宁波市", new GeoPoint(29.87, 121.54),
            "无锡市", new GeoPoint(31.49, 120.31),
            "常州市", new GeoPoint(31.81, 119.97));

    @Test
    void theHeadquartersAndEmployersOfferMoreThanSixtyThousandOpenings() {
        Map<EmployerKind, Long> postingsByKind = POSTINGS.stream()
                .collect(Collectors.groupingBy(DemoPosting::employerKind, Collectors.counting()));
        List<DemoPosting> headquarters = POSTINGS.stream()
                .filter(p -> p.employerKind() == EmployerKind.RETURN_TO_WORK_HQ).toList();

        assertThat(CAMPAIGN.totalOpenings()).isGreaterThan(60_000);
        assertThat(POSTINGS.size() - CAMPAIGN.publicWelfarePosts().size()).isBetween(550, 650);
        assertThat(postingsByKind.keySet()).containsExactlyInAnyOrder(EmployerKind.values());
        assertThat(headquarters).hasSizeBetween(5, 30)
                .allSatisfy(p -> assertThat(p.openings()).isGreaterThanOrEqualTo(1_000));
        assertThat(headquarters.stream().mapToInt(DemoPosting::openings).sum())
                .isGreaterThan((int) (CAMPAIGN.totalOpenings() / 2));
        assertThat(POSTINGS).allSatisfy(p -> assertThat(p.openings()).isPositive());
    }

    @Test
    void aboutFiftyPublicWelfarePostsAllInTheTownsVillages() {
        List<DemoPosting> posts = CAMPAIGN.publicWelfarePosts();
        GeoPoint town = CAMPAIGN.town().centre();
        List<String> villages = CAMPAIGN.town().villages().stream().map(DemoVillage::name).toList();

        assertThat(posts).hasSizeBetween(40, 60).allSatisfy(p -> {
            assertThat(p.publicWelfareTown()).isEqualTo("程家集镇");
            assertThat(p.site().city()).isEqualTo("利辛县");
            assertThat(p.site().location().greatCircleKm(town)).isLessThan(10);
            assertThat(villages).anySatisfy(v -> assertThat(p.title()).startsWith(v));
            assertThat(p.openings()).isBetween(1, 2);
            assertThat(p.suitableFor()).contains(SpecialGroup.ELDERLY, SpecialGroup.DISABLED);
            assertThat(p.accommodation()).isFalse();
        });
        assertThat(posts).extracting(p -> p.title().replaceFirst("^.+?村", ""))
                .contains("乡村公共卫生保洁员", "消毒保洁员", "宣传防控员", "人居环境整治员", "治安巡查员", "公共设施管护员");
        assertThat(POSTINGS).filteredOn(p -> p.employerKind() != EmployerKind.PUBLIC_WELFARE)
                .allSatisfy(p -> assertThat(p.publicWelfareTown()).isNull());
    }

    @Test
    void sixToEightDestinationCitiesAtTheirRealCentres() {
        assertThat(CAMPAIGN.cities()).hasSizeBetween(6, 8).allSatisfy(city -> {
            assertThat(city.centre().lat()).isBetween(18.0, 54.0);
            assertThat(city.centre().lon()).isBetween(73.0, 135.0);
            assertThat(KNOWN_CENTRES).containsKey(city.name());
            assertThat(city.centre().greatCircleKm(KNOWN_CENTRES.get(city.name()))).isLessThan(5);
        });
        assertThat(CAMPAIGN.cities().get(0).name()).isEqualTo("合肥市");
        assertThat(CAMPAIGN.cities().get(0).centre()).isEqualTo(new GeoPoint(31.8206, 117.2272));
    }

    @Test
    void jobsAwayLieAFewKilometresAroundTheirCityAndLocalJobsInTheCounty() {
        Map<String, DestinationCity> cities = CAMPAIGN.cities().stream()
                .collect(Collectors.toMap(DestinationCity::name, c -> c));

        assertThat(POSTINGS).allSatisfy(p -> {
            if (cities.containsKey(p.site().city())) {
                assertThat(p.site().location().greatCircleKm(cities.get(p.site().city()).centre()))
                        .isBetween(0.5, 15.0);
            } else {
                assertThat(p.site().city()).isEqualTo("利辛县");
                assertThat(p.site().location().greatCircleKm(CAMPAIGN.town().centre())).isLessThan(25);
            }
        });
        assertThat(POSTINGS).extracting(p -> p.site().city()).containsAll(cities.keySet()).contains("利辛县");
        assertThat(POSTINGS).filteredOn(p -> p.site().city().equals("利辛县"))
                .extracting(DemoPosting::employerKind)
                .contains(EmployerKind.ENTERPRISE, EmployerKind.COOPERATIVE, EmployerKind.INDUSTRIAL_PARK);
    }

    @Test
    void wagesDatesAgesAndSuitabilityArePlausible() {
        assertThat(POSTINGS).allSatisfy(p -> {
            assertThat(p.monthlyWage()).isBetween(800, 10_000);
            assertThat(p.startDate()).isBetween(LocalDate.of(2026, 2, 24), LocalDate.of(2026, 3, 16));
            assertThat(p.minAge()).isEqualTo(18);
            assertThat(p.maxAge()).isBetween(40, 75);
            if (p.suitableFor().contains(SpecialGroup.ELDERLY)) {
                assertThat(p.maxAge()).isGreaterThanOrEqualTo(70);
            }
            assertThat(p.requiredSkills()).isSubsetOf(List.of(p.category()));
        });
        assertThat(POSTINGS).filteredOn(p -> p.employerKind() == EmployerKind.COOPERATIVE
                || p.employerKind() == EmployerKind.INDUSTRIAL_PARK)
                .anySatisfy(p -> assertThat(p.suitableFor()).contains(SpecialGroup.ELDERLY));
        assertThat(POSTINGS).filteredOn(p -> !p.site().city().equals("利辛县"))
                .allSatisfy(p -> assertThat(p.suitableFor()).isEmpty());
    }

    @Test
    void postingsNameTheirEmployer() {
        Map<String, DemoEmployer> employers = CAMPAIGN.employers().stream()
                .collect(Collectors.toMap(DemoEmployer::employerRef, e -> e));

        assertThat(POSTINGS).extracting(DemoPosting::postingRef).doesNotHaveDuplicates();
        assertThat(POSTINGS).allSatisfy(p -> {
            DemoEmployer employer = employers.get(p.employerRef());
            assertThat(employer).isNotNull();
            assertThat(p.employerName()).isEqualTo(employer.name());
            assertThat(p.employerKind()).isEqualTo(employer.kind());
        });
        assertThat(CAMPAIGN.employers()).extracting(DemoEmployer::name).doesNotHaveDuplicates();
        assertThat(CAMPAIGN.employers()).extracting(DemoEmployer::contactPhone)
                .allSatisfy(phone -> assertThat(phone).matches("1[3-9]\\d{9}"));
    }
}
