package org.chunfeng.jobs.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chunfeng.jobs.matching.Fixtures.NOW;
import static org.chunfeng.jobs.matching.Fixtures.SEASON;
import static org.chunfeng.jobs.matching.Fixtures.job;
import static org.chunfeng.jobs.matching.Fixtures.worker;

import java.util.Map;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;
import org.chunfeng.contracts.jobs.ScoreComponent;
import org.junit.jupiter.api.Test;

class MatchRulesTest {

    final MatchRules rules = MatchRules.of(MatchingSettings.DEFAULT);

    HardConstraint violation(WorkerView w, JobView j) {
        return rules.violation(w, j, rules.roadKm(w, j));
    }

    @Test
    void aSuitableWorkerAndJobBreakNothing() {
        assertThat(violation(worker().build(), job().build())).isNull();
        assertThat(rules.violations(worker().build(), job().build())).isEmpty();
    }

    @Test
    void whatASearchTellsFromASitesCoordinatesAgreesWithTheRoadDistance() {
        WorkerView w = worker().build();
        java.util.Random random = new java.util.Random(7);
        int sure = 0;
        for (int k = 0; k < 20_000; k++) {
            double lat = w.location().lat() + (random.nextDouble() - 0.5) * 0.8;
            double lon = w.location().lon() + (random.nextDouble() - 0.5) * 0.8;
            double km = rules.exactRoadKm(w, job().site(new org.chunfeng.contracts.common.GeoPoint(lat, lon)).build());
            double cos = org.chunfeng.contracts.common.GeoPoint.cosLat(lat);
            boolean beyond = rules.surelyBeyondCommute(w, lat, lon, cos);
            boolean within = rules.surelyWithinCommute(w, lat, lon, cos);
            assertThat(beyond && rules.isLocal(km)).as("%f, %f at %f km", lat, lon, km).isFalse();
            assertThat(within && !rules.isLocal(km)).as("%f, %f at %f km", lat, lon, km).isFalse();
            // From numbers, as searches weigh pairs, the distance is the one from the points to the last bit.
            assertThat(rules.nearRoadKm(w, lat, lon, cos)).isEqualTo(km);
            assertThat(rules.roadKm(w, lat, lon, cos)).isEqualTo(beyond ? Double.POSITIVE_INFINITY : km);
            sure += beyond || within ? 1 : 0;
        }
        // Unsure only within about 1% of the commute's edge.
        assertThat(sure).isGreaterThan(19_000);
        assertThat(rules.surelyBeyondCommute(w, Double.NaN, Double.NaN, Double.NaN)).isTrue();
        assertThat(rules.surelyWithinCommute(w, Double.NaN, Double.NaN, Double.NaN)).isFalse();
    }

    @Test
    void localMeansWithinTheCommuteByRoad() {
        // 22 km great circle x 1.3 = 28.6 km by road: local. 25 km x 1.3 = 32.5 km: not.
        WorkerView w = worker().build();
        assertThat(rules.isLocal(rules.roadKm(w, job().local(22).build()))).isTrue();
        assertThat(rules.isLocal(rules.roadKm(w, job().local(25).build()))).isFalse();
        assertThat(rules.roadKm(w, job().local(22).build())).isCloseTo(28.6, org.assertj.core.data.Offset.offset(0.3));
    }

    @Test
    void workIntentKeepsLocalWorkersHomeAndAwayWorkersAway() {
        assertThat(violation(worker().intent(WorkIntent.LOCAL).build(), job().build()))
                .isEqualTo(HardConstraint.WORK_INTENT);
        assertThat(violation(worker().intent(WorkIntent.LOCAL).build(), job().local(10).build())).isNull();
        assertThat(violation(worker().intent(WorkIntent.AWAY).build(), job().local(10).build()))
                .isEqualTo(HardConstraint.WORK_INTENT);
        assertThat(violation(worker().intent(WorkIntent.EITHER).build(), job().local(10).build())).isNull();
    }

    @Test
    void onlyGreenMayTakeAJobBeyondTheCommute() {
        assertThat(violation(worker().fitness(TravelFitness.YELLOW).build(), job().build()))
                .isEqualTo(HardConstraint.FIT_TO_TRAVEL);
        assertThat(violation(worker().fitness(TravelFitness.RED).build(), job().local(5).build())).isNull();
    }

    @Test
    void aWorkerWithoutAKnownHomeIsNeverLocal() {
        WorkerView nowhere = worker().home(null).intent(WorkIntent.LOCAL).build();
        assertThat(violation(nowhere, job().local(1).build())).isEqualTo(HardConstraint.WORK_INTENT);
    }

    @Test
    void ageMustFitTheRange() {
        assertThat(violation(worker().age(56).build(), job().ages(18, 55).build())).isEqualTo(HardConstraint.AGE_RANGE);
        assertThat(violation(worker().age(17).build(), job().ages(18, 55).build())).isEqualTo(HardConstraint.AGE_RANGE);
        assertThat(violation(worker().age(70).build(), job().ages(18, 0).build())).isNull();
    }

    @Test
    void publicWelfarePostsAreForPoorAndUnstableHouseholdsOfTheTown() {
        JobView welfare = job().welfare("程家集镇").local(3).category(Skill.CLEANING).build();
        assertThat(violation(worker().poverty(PovertyStatus.POOR).build(), welfare)).isNull();
        assertThat(violation(worker().poverty(PovertyStatus.UNSTABLE).build(), welfare)).isNull();
        assertThat(violation(worker().poverty(PovertyStatus.MARGINAL).build(), welfare))
                .isEqualTo(HardConstraint.PUBLIC_WELFARE);
        assertThat(violation(worker().poverty(PovertyStatus.POOR).town("孙集镇").build(), welfare))
                .isEqualTo(HardConstraint.PUBLIC_WELFARE);
    }

    @Test
    void specialGroupsOnlyToJobsThatSuitThem() {
        WorkerView elderly = worker().groups(SpecialGroup.ELDERLY).age(62).build();
        assertThat(violation(elderly, job().ages(18, 0).local(4).build())).isEqualTo(HardConstraint.SPECIAL_GROUP);
        assertThat(violation(elderly, job().ages(18, 0).local(4).suitable(SpecialGroup.ELDERLY).build())).isNull();
        WorkerView both = worker().groups(SpecialGroup.ELDERLY, SpecialGroup.DISABLED).age(62).build();
        assertThat(violation(both, job().ages(18, 0).local(4).suitable(SpecialGroup.ELDERLY).build()))
                .isEqualTo(HardConstraint.SPECIAL_GROUP);
        assertThat(violation(worker().build(), job().suitable(SpecialGroup.ELDERLY).build())).isNull();
    }

    @Test
    void availableByTheStartDate() {
        assertThat(violation(worker().available(SEASON.plusDays(1)).build(), job().start(SEASON).build()))
                .isEqualTo(HardConstraint.AVAILABLE_BY_START);
        assertThat(violation(worker().available(SEASON).build(), job().start(SEASON).build())).isNull();
        assertThat(violation(worker().available(null).build(), job().build())).isNull();
    }

    @Test
    void wageAtLeastTheWorkersMinimum() {
        assertThat(violation(worker().minWage(5000).build(), job().wage(4999).build()))
                .isEqualTo(HardConstraint.MINIMUM_WAGE);
        assertThat(violation(worker().minWage(5000).build(), job().wage(5000).build())).isNull();
    }

    @Test
    void neverAJobTheWorkerDeclinedOrLetExpire() {
        assertThat(violation(worker().excluded("j-1").build(), job().id("j-1").build()))
                .isEqualTo(HardConstraint.NOT_DECLINED);
        assertThat(violation(worker().excluded("j-1").build(), job().id("j-2").build())).isNull();
    }

    @Test
    void violationsListsEveryBrokenConstraint() {
        WorkerView w = worker().intent(WorkIntent.LOCAL).fitness(TravelFitness.RED).minWage(9000).age(60)
                .excluded("j-1").build();
        assertThat(rules.violations(w, job().id("j-1").build())).containsExactlyInAnyOrder(
                HardConstraint.NOT_DECLINED, HardConstraint.WORK_INTENT, HardConstraint.FIT_TO_TRAVEL,
                HardConstraint.AGE_RANGE, HardConstraint.MINIMUM_WAGE);
    }

    @Test
    void theScoreAddsWeightedCriteriaWithReasonsInBothLanguages() {
        // Garment 3 years on a garment job: 0.6 + 0.4 * 3/5 = 0.84 of 35; preferred city: 20; wage 4500 against 3000
        // asked: (4500-3000)/1500 = 1.0 of 15; POOR: 20; waited 10 days: 10/30 of 10.
        MatchRules.Score score = rules.explain(worker().build(), job().build(), NOW);
        assertThat(score.breakdown()).extracting(ScoreComponent::criterion)
                .containsExactly("skill", "distance", "wage", "priority", "waiting");
        assertThat(score.breakdown()).extracting(ScoreComponent::points).containsExactly(29.4, 20.0, 15.0, 20.0, 3.33);
        assertThat(score.total()).isEqualTo(87.73);
        assertThat(score.breakdown()).allSatisfy(line -> {
            assertThat(line.reasonZh()).isNotBlank().doesNotContainPattern("[A-Za-z]{4,}");
            assertThat(line.reasonEn()).isNotBlank();
        });
        assertThat(score.breakdown().get(1).reasonZh()).contains("苏州");
        assertThat(score.breakdown().get(0).reasonEn()).contains("Garment making").contains("3 years");
        assertThat(rules.score(worker().build(), job().build(), rules.roadKm(worker().build(), job().build()), NOW))
                .isCloseTo(87.73, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void distanceScoresCloserLocalJobsHigherAndPreferredCitiesAboveOthers() {
        WorkerView w = worker().build();
        double near = rules.jobPoints(w, job().local(2).build(), rules.roadKm(w, job().local(2).build()));
        double far = rules.jobPoints(w, job().local(20).build(), rules.roadKm(w, job().local(20).build()));
        assertThat(near).isGreaterThan(far);
        double preferred = rules.jobPoints(w, job().city("苏州").build(), Double.POSITIVE_INFINITY);
        double other = rules.jobPoints(w, job().city("深圳").build(), Double.POSITIVE_INFINITY);
        assertThat(preferred - other).isCloseTo(16.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void priorityRanksPoorAboveUnstableAboveMarginalAboveNone() {
        double poor = rules.workerPoints(worker().poverty(PovertyStatus.POOR).build(), NOW);
        double unstable = rules.workerPoints(worker().poverty(PovertyStatus.UNSTABLE).build(), NOW);
        double marginal = rules.workerPoints(worker().poverty(PovertyStatus.MARGINAL).build(), NOW);
        double none = rules.workerPoints(worker().poverty(PovertyStatus.NONE).build(), NOW);
        assertThat(poor).isGreaterThan(unstable);
        assertThat(unstable).isGreaterThan(marginal);
        assertThat(marginal).isGreaterThan(none);
    }

    @Test
    void skillFitRewardsExperienceAndGeneralLabourTakesAnyone() {
        WorkerView novice = worker().skills(Map.of(Skill.GARMENT, 0)).build();
        WorkerView veteran = worker().skills(Map.of(Skill.GARMENT, 8)).build();
        WorkerView none = worker().skills(Map.of(Skill.COOKING, 5)).build();
        JobView garment = job().build();
        assertThat(rules.skillFit(novice, garment)).isEqualTo(0.6);
        assertThat(rules.skillFit(veteran, garment)).isEqualTo(1.0);
        assertThat(rules.skillFit(none, garment)).isZero();
        assertThat(rules.skillFit(none, job().category(Skill.GENERAL_LABOUR).build())).isEqualTo(0.5);
        assertThat(rules.skillFit(none, job().required(Skill.COOKING).build())).isEqualTo(1.0);
    }

    @Test
    void weightsAreConfigurable() {
        MatchRules skillOnly = MatchRules.of(new MatchingSettings(new Weights(100, 0, 0, 0, 0), 30, 1.3, 50, 0, 0.5));
        assertThat(skillOnly.explain(worker().build(), job().build(), NOW).total()).isEqualTo(84.0);
    }
}
