package org.chunfeng.jobs.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.chunfeng.jobs.matching.Fixtures.NOW;
import static org.chunfeng.jobs.matching.Fixtures.SEASON;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.RepetitionInfo;

class BatchOptimiserTest {

    final MatchRules rules = MatchRules.of(MatchingSettings.DEFAULT);

    record Instance(List<WorkerView> workers, List<JobView> jobs, int[] openings) {
        JobBoard board() {
            JobBoard board = new JobBoard(MatchingSettings.DEFAULT);
            for (int j = 0; j < jobs.size(); j++) {
                board.put(jobs.get(j), openings[j], 0);
            }
            return board;
        }
    }

    /** Small campaigns where constraints bite: mixed intents, wages, ages, fitness, skills, places. */
    static Instance random(long seed, int workers, int jobs) {
        Random r = new Random(seed);
        Skill[] skills = {Skill.GARMENT, Skill.CONSTRUCTION, Skill.GENERAL_LABOUR, Skill.COOKING};
        String[] cities = {"合肥", "苏州", "上海"};
        List<JobView> js = new ArrayList<>();
        int[] openings = new int[jobs];
        for (int j = 0; j < jobs; j++) {
            boolean local = r.nextBoolean();
            String city = local ? "利辛县" : cities[r.nextInt(cities.length)];
            GeoPoint site = local ? Fixtures.eastOfHome(r.nextDouble() * 20)
                    : new GeoPoint(31 + r.nextDouble(), 118 + r.nextDouble() * 3);
            js.add(new JobView("j" + j, org.chunfeng.contracts.common.EmployerKind.ENTERPRISE,
                    skills[r.nextInt(skills.length)], List.of(), city, site, 3000 + 250 * r.nextInt(12),
                    SEASON.plusDays(r.nextInt(10)), 18, 45 + 5 * r.nextInt(3), List.of(), null));
            openings[j] = 1 + r.nextInt(2);
        }
        List<WorkerView> ws = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Map<Skill, Integer> s = new EnumMap<>(Skill.class);
            s.put(skills[r.nextInt(skills.length)], r.nextInt(8));
            ws.add(new WorkerView("w" + i, 20 + r.nextInt(40), PovertyStatus.values()[r.nextInt(4)], List.of(),
                    "程家集镇", Fixtures.eastOfHome(r.nextDouble() * 5), s, WorkIntent.values()[r.nextInt(3)],
                    List.of(cities[r.nextInt(cities.length)]), 2500 + 250 * r.nextInt(10),
                    SEASON.minusDays(r.nextInt(5)), r.nextInt(6) == 0 ? TravelFitness.YELLOW : TravelFitness.GREEN,
                    java.util.Set.of(), NOW.minusSeconds(86400L * r.nextInt(40))));
        }
        return new Instance(ws, js, openings);
    }

    /** The best total score over every way to give each worker one feasible job or none, within openings. */
    double bruteForce(Instance in) {
        int n = in.workers().size();
        double[][] score = new double[n][in.jobs().size()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < in.jobs().size(); j++) {
                WorkerView w = in.workers().get(i);
                JobView job = in.jobs().get(j);
                double km = rules.roadKm(w, job);
                score[i][j] = rules.violation(w, job, km) == null ? rules.score(w, job, km, NOW) : Double.NaN;
            }
        }
        return best(0, score, in.openings().clone());
    }

    private double best(int i, double[][] score, int[] left) {
        if (i == score.length) {
            return 0;
        }
        double best = best(i + 1, score, left);
        for (int j = 0; j < left.length; j++) {
            if (left[j] > 0 && !Double.isNaN(score[i][j])) {
                left[j]--;
                best = Math.max(best, score[i][j] + best(i + 1, score, left));
                left[j]++;
            }
        }
        return best;
    }

    @RepeatedTest(25)
    void findsTheSameOptimumAsTryingEveryAssignment(RepetitionInfo repetition) {
        Instance in = random(repetition.getCurrentRepetition(), 7, 5);
        BatchOptimiser.Result result = new BatchOptimiser(in.board(), rules).solve(in.workers(), NOW);
        assertThat(result.totalScore()).isCloseTo(bruteForce(in), within(0.01));
        Map<String, Integer> used = new HashMap<>();
        for (BatchOptimiser.Assignment a : result.assignments()) {
            assertThat(rules.violation(a.worker(), a.job(), rules.roadKm(a.worker(), a.job()))).isNull();
            used.merge(a.job().jobId(), 1, Integer::sum);
        }
        used.forEach((job, count) -> assertThat(count).isLessThanOrEqualTo(in.openings()[Integer.parseInt(job.substring(1))]));
        assertThat(result.assignments()).extracting(a -> a.worker().workerId()).doesNotHaveDuplicates();
    }

    @RepeatedTest(25)
    void provesTheOptimumOverEveryPairWhenItStartsFromTooFewArcs(RepetitionInfo repetition) {
        Instance in = random(1000 + repetition.getCurrentRepetition(), 7, 5);
        MatchRules oneArc = MatchRules.of(MatchingSettings.DEFAULT.withBatchArcsPerWorker(1));
        BatchOptimiser.Result result = new BatchOptimiser(in.board(), oneArc).solve(in.workers(), NOW);
        assertThat(result.totalScore()).isCloseTo(bruteForce(in), within(0.01));
        assertThat(result.gap()).isZero();
        assertFeasible(in, result);
    }

    @Test
    void equalsTheFlowOverEveryFeasiblePairOnLargerCampaigns() {
        for (long seed = 1; seed <= 6; seed++) {
            Instance in = random(seed, 400, 60);
            for (int arcs : new int[] {1, 3, 20}) {
                MatchRules r = MatchRules.of(MatchingSettings.DEFAULT.withBatchArcsPerWorker(arcs));
                BatchOptimiser.Result result = new BatchOptimiser(in.board(), r).solve(in.workers(), NOW);
                long optimum = everyPairOptimum(in);
                long total = result.assignments().stream()
                        .mapToLong(a -> Math.round(rules.score(a.worker(), a.job(), rules.roadKm(a.worker(), a.job()), NOW) * 1000))
                        .sum();
                assertThat(total).as("seed %d, %d arcs", seed, arcs).isEqualTo(optimum);
                assertThat(result.gap()).isZero();
                assertFeasible(in, result);
            }
        }
    }

    @Test
    void equalsTheFlowOverEveryFeasiblePairWhenManyWantTheSameFewPostings() {
        // Twenty workers for every posting: many rounds, each going on from the last one's assignment and prices.
        for (long seed = 7; seed <= 12; seed++) {
            Instance in = random(seed, 400, 20);
            for (int arcs : new int[] {1, 2}) {
                MatchRules r = MatchRules.of(MatchingSettings.DEFAULT.withBatchArcsPerWorker(arcs));
                BatchOptimiser.Result result = new BatchOptimiser(in.board(), r).solve(in.workers(), NOW);
                long total = result.assignments().stream()
                        .mapToLong(a -> Math.round(rules.score(a.worker(), a.job(), rules.roadKm(a.worker(), a.job()), NOW) * 1000))
                        .sum();
                assertThat(total).as("seed %d, %d arcs", seed, arcs).isEqualTo(everyPairOptimum(in));
                assertThat(result.gap()).isZero();
                assertFeasible(in, result);
            }
        }
    }

    @Test
    void aBatchWithNobodyWaitingAssignsNobody() {
        Instance in = random(3, 0, 5);
        BatchOptimiser.Result result = new BatchOptimiser(in.board(), rules).solve(List.of(), NOW);
        assertThat(result.assignments()).isEmpty();
        assertThat(result.totalScore()).isZero();
        assertThat(result.gap()).isZero();
    }

    @Test
    void tellsAfterEveryRoundHowFarTheOptimumCouldStillBe() {
        Instance in = random(9, 400, 20);
        MatchRules oneArc = MatchRules.of(MatchingSettings.DEFAULT.withBatchArcsPerWorker(1));
        List<BatchOptimiser.Progress> told = new ArrayList<>();
        BatchOptimiser.Result result = new BatchOptimiser(in.board(), oneArc).solve(in.workers(), NOW, told::add);

        assertThat(result.rounds()).isGreaterThan(1);
        assertThat(told).extracting(BatchOptimiser.Progress::rounds)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, result.rounds()).boxed().toList());
        assertThat(told.get(0).gap()).isPositive();
        assertThat(told.get(told.size() - 1).gap()).isZero();
        assertThat(told.get(told.size() - 1).arcs()).isEqualTo(result.arcs());
        assertThat(told).allSatisfy(p -> assertThat(p.arcs()).isPositive());
    }

    /** The optimum in thousandths of a point, from a flow with an arc for every feasible pair. */
    long everyPairOptimum(Instance in) {
        BatchOptimiser.loadNativeLibrary();
        int n = in.workers().size();
        int m = in.jobs().size();
        com.google.ortools.graph.MinCostFlow flow = new com.google.ortools.graph.MinCostFlow();
        try {
            long top = 1_000_000;
            List<long[]> pairs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                flow.setNodeSupply(i, 1);
                flow.addArcWithCapacityAndUnitCost(i, n + m, 1, top);
                for (int j = 0; j < m; j++) {
                    WorkerView w = in.workers().get(i);
                    JobView job = in.jobs().get(j);
                    double km = rules.roadKm(w, job);
                    if (rules.violation(w, job, km) == null) {
                        long score = Math.round(rules.score(w, job, km, NOW) * 1000);
                        pairs.add(new long[] {flow.addArcWithCapacityAndUnitCost(i, n + j, 1, top - score), score});
                    }
                }
            }
            for (int j = 0; j < m; j++) {
                flow.addArcWithCapacityAndUnitCost(n + j, n + m, in.openings()[j], 0);
            }
            flow.setNodeSupply(n + m, -n);
            assertThat(flow.solve()).isEqualTo(com.google.ortools.graph.MinCostFlowBase.Status.OPTIMAL);
            long total = 0;
            for (long[] p : pairs) {
                total += flow.getFlow((int) p[0]) * p[1];
            }
            return total;
        } finally {
            flow.delete();
        }
    }

    private void assertFeasible(Instance in, BatchOptimiser.Result result) {
        Map<String, Integer> used = new HashMap<>();
        for (BatchOptimiser.Assignment a : result.assignments()) {
            assertThat(rules.violation(a.worker(), a.job(), rules.roadKm(a.worker(), a.job()))).isNull();
            used.merge(a.job().jobId(), 1, Integer::sum);
        }
        used.forEach((job, count) -> assertThat(count).isLessThanOrEqualTo(in.openings()[Integer.parseInt(job.substring(1))]));
        assertThat(result.assignments()).extracting(a -> a.worker().workerId()).doesNotHaveDuplicates();
    }

    @Test
    void onlineMatchingNeverBeatsTheOptimumAndPricesCloseMostOfTheGapToGreedy() {
        double batch = 0;
        double priced = 0;
        double greedy = 0;
        for (long seed = 100; seed < 130; seed++) {
            Instance in = random(seed, 40, 12);
            batch += new BatchOptimiser(in.board(), rules).solve(in.workers(), NOW).totalScore();
            priced += runOnline(in, MatchingSettings.DEFAULT);
            greedy += runOnline(in, MatchingSettings.DEFAULT.withScarcity(0, 0));
        }
        assertThat(priced).isLessThanOrEqualTo(batch + 1e-6);
        assertThat(greedy).isLessThanOrEqualTo(batch + 1e-6);
        assertThat(greedy / batch).isGreaterThan(0.8);
    }

    private double runOnline(Instance in, MatchingSettings settings) {
        MatchRules r = MatchRules.of(settings);
        OnlineMatcher online = new OnlineMatcher(in.board(), r);
        double total = 0;
        for (WorkerView w : in.workers()) {
            OnlineMatcher.Choice c = online.assign(w, NOW);
            if (c != null) {
                total += c.score();
            }
        }
        return total;
    }

    @Test
    void onlineTakesOpeningsFromTheBoardAndStopsWhenNoneAreLeft() {
        JobBoard board = new JobBoard(MatchingSettings.DEFAULT);
        board.put(Fixtures.job().id("only").build(), 2, 0);
        OnlineMatcher online = new OnlineMatcher(board, rules);
        assertThat(online.assign(Fixtures.worker().id("a").build(), NOW)).isNotNull();
        assertThat(online.assign(Fixtures.worker().id("b").build(), NOW)).isNotNull();
        assertThat(online.assign(Fixtures.worker().id("c").build(), NOW)).isNull();
        assertThat(board.remaining("only")).isZero();
        board.release("only");
        assertThat(online.assign(Fixtures.worker().id("c").build(), NOW).job().jobId()).isEqualTo("only");
    }

    @Test
    void learnedPricesSteerAFlexibleWorkerOffTheOpeningAnotherNeeds() {
        // One local opening and one away opening. The local-only worker can take only the local one; the flexible
        // worker scores a little higher locally. Greedy in arrival order strands the local-only worker.
        JobView local = Fixtures.job().id("local").local(5).build();
        JobView away = Fixtures.job().id("away").build();
        WorkerView flexible = Fixtures.worker().id("flexible").intent(WorkIntent.EITHER).cities().build();
        WorkerView homebound = Fixtures.worker().id("homebound").intent(WorkIntent.LOCAL).build();
        MatchingSettings greedy = MatchingSettings.DEFAULT.withScarcity(0, 0);

        JobBoard plain = board(local, away);
        OnlineMatcher plainOnline = new OnlineMatcher(plain, MatchRules.of(greedy));
        assertThat(plainOnline.assign(flexible, NOW).job().jobId()).isEqualTo("local");
        assertThat(plainOnline.assign(homebound, NOW)).isNull();

        JobBoard priced = board(local, away);
        BatchOptimiser optimiser = new BatchOptimiser(priced, MatchRules.of(greedy));
        double[] prices = optimiser.prices(List.of(flexible, homebound), NOW, 1.0);
        OnlineMatcher pricedOnline = new OnlineMatcher(priced, MatchRules.of(greedy));
        pricedOnline.learnPrices(prices);
        assertThat(pricedOnline.assign(flexible, NOW).job().jobId()).isEqualTo("away");
        assertThat(pricedOnline.assign(homebound, NOW).job().jobId()).isEqualTo("local");
    }

    @Test
    void aWorkerWhoseFavouritesArePricedOutIsOfferedAPlainerPostingNobodyElseNeeds() {
        // The worker's two best postings by points are the popular ones, both priced beyond what the pair would
        // score; the plainer posting beyond them (candidatesPerWorker is 2) has no price. Choosing among the best two
        // alone left the worker with nothing.
        JobView first = Fixtures.job().id("first").local(3).wage(7000).build();
        JobView second = Fixtures.job().id("second").local(4).wage(6800).build();
        JobView plain = Fixtures.job().id("plain").local(6).wage(3200).build();
        MatchingSettings two = MatchingSettings.DEFAULT.withCandidatesPerWorker(2);
        WorkerView homebound = Fixtures.worker().intent(WorkIntent.LOCAL).build();
        JobBoard board = board(first, second, plain);
        OnlineMatcher online = new OnlineMatcher(board, MatchRules.of(two));
        online.learnPrices(new double[] {500, 500, 0});
        OnlineMatcher.Choice choice = online.choose(homebound, NOW);
        assertThat(choice.job().jobId()).isEqualTo("plain");
        JobBoard.Slot firstSlot = board.slot("first");
        assertThat(online.keptForOthers(firstSlot, 499.999)).isTrue();
        assertThat(online.keptForOthers(firstSlot, 500.001)).isFalse();
        assertThat(choice.score()).isEqualTo(MatchRules.of(two).score(homebound, plain,
                MatchRules.of(two).roadKm(homebound, plain), NOW));

        // At prices below what each pair scores, the most points less price wins, though not the most points.
        online.learnPrices(new double[] {40, 1, 0});
        assertThat(online.choose(homebound, NOW).job().jobId()).isEqualTo("second");

        // And every opening priced beyond what the worker would score is kept for the workers expected to come.
        online.learnPrices(new double[] {500, 500, 500});
        assertThat(online.choose(homebound, NOW)).isNull();
        assertThat(online.keptFromAnOpening(homebound)).isTrue();
        WorkerView tooOld = Fixtures.worker().id("too-old").age(70).intent(WorkIntent.LOCAL).build();
        assertThat(online.choose(tooOld, NOW)).isNull();
        assertThat(online.keptFromAnOpening(tooOld)).isFalse();
    }

    private static JobBoard board(JobView... jobs) {
        JobBoard board = new JobBoard(MatchingSettings.DEFAULT);
        for (JobView j : jobs) {
            board.put(j, 1, 0);
        }
        return board;
    }
}
