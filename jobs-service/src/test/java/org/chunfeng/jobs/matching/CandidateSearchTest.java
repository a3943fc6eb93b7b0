package org.chunfeng.jobs.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.WorkIntent;
import org.junit.jupiter.api.Test;

class CandidateSearchTest {

    final MatchRules rules = MatchRules.of(MatchingSettings.DEFAULT.withCandidatesPerWorker(3));

    @Test
    void findsTheBestFeasibleJobsWithOpeningsLeftBestFirst() {
        JobBoard board = new JobBoard(rules.settings());
        board.put(Fixtures.job().id("low").wage(3200).build(), 1, 0);
        board.put(Fixtures.job().id("high").wage(4600).build(), 1, 0);
        board.put(Fixtures.job().id("full").wage(6000).build(), 1, 1);
        board.put(Fixtures.job().id("too-old").ages(18, 30).build(), 1, 0);
        board.put(Fixtures.job().id("near").local(3).wage(4000).build(), 1, 0);
        board.put(Fixtures.job().id("cook").category(Skill.COOKING).wage(6000).city("深圳").build(), 1, 0);
        CandidateSearch search = new CandidateSearch(board, rules);
        int n = search.search(Fixtures.worker().build(), 3);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            found.add(search.slot(i).job().jobId());
            if (i > 0) {
                assertThat(search.points(i)).isLessThanOrEqualTo(search.points(i - 1));
            }
        }
        // high: preferred city 20 + wage 15 + skill 29.4; near (3.9 km by road): 18.7 + 10 + 29.4; low: 20 + 2 + 29.4
        assertThat(found).containsExactly("high", "near", "low");
    }

    @Test
    void aSearchKeptBetweenLooksSeesPostingsAddedAndPricesChangedMeanwhile() {
        // The online matcher keeps one search while postings arrive; what it read from the lists must not go stale.
        JobBoard board = new JobBoard(rules.settings());
        board.put(Fixtures.job().id("plain").wage(3400).build(), 1, 0);
        CandidateSearch search = new CandidateSearch(board, rules);
        WorkerView w = Fixtures.worker().build();
        double workerPoints = rules.workerPoints(w, Fixtures.NOW);
        long[] free = new long[board.capacity()];
        assertThat(violationIds(search, board, w, workerPoints, free)).containsExactly("plain");

        board.put(Fixtures.job().id("better").wage(4600).build(), 1, 0);
        board.put(Fixtures.job().id("best").wage(5200).build(), 1, 0);
        // The same prices (postings past their end cost nothing), but lists that have changed.
        assertThat(violationIds(search, board, w, workerPoints, free)).containsExactly("best", "better", "plain");

        long[] bestPricedOut = new long[board.capacity()];
        bestPricedOut[board.slot("best").index()] = 1_000_000;
        assertThat(violationIds(search, board, w, workerPoints, bestPricedOut)).containsExactly("better", "plain");
    }

    private static List<String> violationIds(CandidateSearch search, JobBoard board, WorkerView w, double workerPoints,
            long[] price) {
        board.tidy();
        int n = search.violations(w, workerPoints, 1000, price, 0, 5);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(search.slot(i).job().jobId());
        }
        return ids;
    }

    @Test
    void postingsAddedOneByOneAreListedInTheOrderARebuildGives() {
        JobBoard board = new JobBoard(rules.settings());
        java.util.Random random = new java.util.Random(7);
        List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, 200).boxed().toList());
        java.util.Collections.shuffle(order, random);
        for (int i : order) {
            // Few distinct wages, so equal wages must fall in posting-id order as a rebuild puts them.
            board.put(Fixtures.job().id("j" + i).wage(3000 + 100 * random.nextInt(8)).build(), 1, 0);
        }
        JobBoard rebuilt = board.snapshot();
        rebuilt.tidy();

        List<String> added = idsOf(board, board.allByWage());
        assertThat(added).isEqualTo(idsOf(rebuilt, rebuilt.allByWage()));
        assertThat(added).hasSize(board.size());
        for (int i = 1; i < added.size(); i++) {
            JobView before = board.job(added.get(i - 1));
            JobView after = board.job(added.get(i));
            assertThat(before.monthlyWage()).isGreaterThanOrEqualTo(after.monthlyWage());
            if (before.monthlyWage() == after.monthlyWage()) {
                assertThat(before.jobId()).isLessThan(after.jobId());
            }
        }
    }

    private static List<String> idsOf(JobBoard board, WageList list) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            assertThat(list.wage(i)).isEqualTo(board.slotAt(list.slot(i)).job().monthlyWage());
            ids.add(board.slotAt(list.slot(i)).job().jobId());
        }
        return ids;
    }

    @Test
    void aSnapshotKeepsTheSlotsAndIsSearchedApartFromTheBoard() {
        JobBoard board = new JobBoard(rules.settings());
        board.put(Fixtures.job().id("gone").wage(5000).build(), 1, 0);
        board.put(Fixtures.job().id("high").wage(4600).build(), 1, 0);
        board.put(Fixtures.job().id("low").wage(3200).build(), 2, 0);
        board.remove("gone");
        JobBoard snapshot = board.snapshot();
        board.take("high");
        board.put(Fixtures.job().id("later").wage(6000).build(), 1, 0);

        assertThat(snapshot.slot("high").index()).isEqualTo(board.slot("high").index());
        assertThat(snapshot.slot("low").index()).isEqualTo(board.slot("low").index());
        assertThat(snapshot.slot("gone")).isNull();
        assertThat(snapshot.slot("later")).isNull();
        assertThat(snapshot.remaining("high")).isEqualTo(1);
        assertThat(snapshot.openingsLeft()).isEqualTo(3);
        CandidateSearch search = new CandidateSearch(snapshot, rules);
        int n = search.search(Fixtures.worker().build(), 3);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            found.add(search.slot(i).job().jobId());
        }
        assertThat(found).containsExactly("high", "low");
        snapshot.take("low");
        assertThat(board.remaining("low")).isEqualTo(2);
    }

    @Test
    void aLocalWorkerIsOnlyOfferedJobsWithinTheCommute() {
        JobBoard board = new JobBoard(rules.settings());
        board.put(Fixtures.job().id("away").build(), 5, 0);
        board.put(Fixtures.job().id("edge").local(22).build(), 5, 0);
        board.put(Fixtures.job().id("beyond").local(26).build(), 5, 0);
        CandidateSearch search = new CandidateSearch(board, rules);
        int n = search.search(Fixtures.worker().intent(WorkIntent.LOCAL).build(), 3);
        assertThat(n).isEqualTo(1);
        assertThat(search.slot(0).job().jobId()).isEqualTo("edge");
    }

    @Test
    void jobsWithoutTheWorkersSkillAreFoundWhenNothingBetterIs() {
        JobBoard board = new JobBoard(rules.settings());
        board.put(Fixtures.job().id("driving").category(Skill.DRIVING).city("深圳").build(), 1, 0);
        CandidateSearch search = new CandidateSearch(board, rules);
        assertThat(search.search(Fixtures.worker().skills(Map.of(Skill.GARMENT, 2)).build(), 3)).isEqualTo(1);
    }

    @Test
    void closedJobsAndRefilledJobsComeAndGo() {
        JobBoard board = new JobBoard(rules.settings());
        board.put(Fixtures.job().id("a").build(), 1, 1);
        CandidateSearch search = new CandidateSearch(board, rules);
        assertThat(search.search(Fixtures.worker().build(), 3)).isZero();
        board.release("a");
        assertThat(search.search(Fixtures.worker().build(), 3)).isEqualTo(1);
        board.remove("a");
        assertThat(search.search(Fixtures.worker().build(), 3)).isZero();
        assertThat(board.openingsLeft()).isZero();
    }

    @org.junit.jupiter.api.RepeatedTest(20)
    void noPostingLeftOutEarnsMoreThanTheSearchsBound(org.junit.jupiter.api.RepetitionInfo repetition) {
        BatchOptimiserTest.Instance in = BatchOptimiserTest.random(500 + repetition.getCurrentRepetition(), 60, 80);
        JobBoard board = in.board();
        MatchRules rules = MatchRules.of(MatchingSettings.DEFAULT);
        CandidateSearch search = new CandidateSearch(board, rules);
        for (WorkerView w : in.workers()) {
            int n = search.search(w, 2);
            java.util.Set<String> returned = new java.util.HashSet<>();
            for (int i = 0; i < n; i++) {
                returned.add(search.slot(i).job().jobId());
            }
            for (JobView j : in.jobs()) {
                double km = rules.roadKm(w, j);
                if (!returned.contains(j.jobId()) && rules.violation(w, j, km) == null) {
                    assertThat(rules.jobPoints(w, j, km)).as("%s, %s", w, j).isLessThanOrEqualTo(search.bound());
                }
            }
        }
    }

    @org.junit.jupiter.api.RepeatedTest(10)
    void theOptimalityCheckFindsTheMostImprovingPairsAsReadingEveryPostingWould(
            org.junit.jupiter.api.RepetitionInfo repetition) {
        int seed = 900 + repetition.getCurrentRepetition();
        Priced c = priced(seed);
        CandidateSearch search = new CandidateSearch(c.board(), c.rules());
        for (WorkerView w : c.in().workers()) {
            double workerPoints = c.rules().workerPoints(w, Fixtures.NOW);
            long utility = c.random().nextInt(4) == 0 ? 0 : c.random().nextInt(80_000);
            List<Long> gains = new ArrayList<>();
            for (int s = 0; s < c.board().capacity(); s++) {
                JobBoard.Slot slot = c.board().slotAt(s);
                double km = c.rules().roadKm(w, slot.job());
                if (slot.remaining() > 0 && c.rules().violation(w, slot.job(), km) == null) {
                    long gain = Math.round((c.rules().jobPoints(w, slot.job(), km) + workerPoints) * 1000)
                            - c.price()[s] - utility;
                    if (gain > 0) {
                        gains.add(gain);
                    }
                }
            }
            gains.sort(java.util.Comparator.reverseOrder());
            List<Long> best = gains.subList(0, Math.min(3, gains.size()));
            int n = search.violations(w, workerPoints, 1000, c.price(), utility, 3);
            assertThat(gainsFound(search, n)).as("%s", w).isEqualTo(best);
            assertThat(search.bound()).isEqualTo(gains.isEmpty() ? 0 : (double) gains.get(0));
            n = search.violationsAmong(w, workerPoints, 1000, c.price(), utility, 3, c.every(), c.every().length,
                    new int[0], 0);
            assertThat(gainsFound(search, n)).as("%s, looking at every posting", w).isEqualTo(best);
        }
    }

    @org.junit.jupiter.api.RepeatedTest(10)
    void theCheckSaysHowFarBelowTheUtilityTheBestPairLeftOutStays(org.junit.jupiter.api.RepetitionInfo repetition) {
        int seed = 950 + repetition.getCurrentRepetition();
        Priced c = priced(seed);
        CandidateSearch search = new CandidateSearch(c.board(), c.rules());
        long margin = 5_000;
        for (WorkerView w : c.in().workers()) {
            double workerPoints = c.rules().workerPoints(w, Fixtures.NOW);
            // Arcs to a few postings, and a utility at least what they pay: the pairs left out are the others.
            int[] arcs = c.random().ints(c.random().nextInt(4), 0, c.board().capacity()).distinct().toArray();
            long utility = c.random().nextInt(100_000);
            long bestLeftOut = Long.MIN_VALUE;
            for (int s = 0; s < c.board().capacity(); s++) {
                JobBoard.Slot slot = c.board().slotAt(s);
                double km = c.rules().roadKm(w, slot.job());
                int posting = s;
                if (slot.remaining() > 0 && c.rules().violation(w, slot.job(), km) == null
                        && java.util.Arrays.stream(arcs).noneMatch(a -> a == posting)) {
                    bestLeftOut = Math.max(bestLeftOut,
                            Math.round((c.rules().jobPoints(w, slot.job(), km) + workerPoints) * 1000) - c.price()[s]);
                }
            }
            int n = search.violations(w, workerPoints, 1000, c.price(), utility, 3, arcs, margin);
            if (bestLeftOut > utility) {
                assertThat(n).as("%s", w).isPositive();
                continue;
            }
            long slack = Math.min(margin, bestLeftOut == Long.MIN_VALUE ? margin : utility - bestLeftOut);
            assertThat(n).isZero();
            assertThat(search.slack()).as("%s", w).isEqualTo(slack);
            assertThat(search.violationsAmong(w, workerPoints, 1000, c.price(), utility, 3, c.every(),
                    c.every().length, arcs, margin)).isZero();
            assertThat(search.slack()).as("%s, looking at every posting", w).isEqualTo(slack);
        }
    }

    /** A random campaign's tidied board with a price for each posting, a third of them 0, in thousandths of a point. */
    private record Priced(BatchOptimiserTest.Instance in, JobBoard board, MatchRules rules, java.util.Random random,
            long[] price, int[] every) {
    }

    private static Priced priced(int seed) {
        BatchOptimiserTest.Instance in = BatchOptimiserTest.random(seed, 60, 80);
        JobBoard board = in.board();
        board.tidy();
        java.util.Random random = new java.util.Random(seed);
        long[] price = new long[board.capacity()];
        for (int s = 0; s < price.length; s++) {
            price[s] = random.nextInt(3) == 0 ? 0 : random.nextInt(60_000);
        }
        return new Priced(in, board, MatchRules.of(MatchingSettings.DEFAULT), random, price,
                java.util.stream.IntStream.range(0, board.capacity()).toArray());
    }

    private static List<Long> gainsFound(CandidateSearch search, int n) {
        List<Long> found = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            found.add(Math.round(search.points(i)));
        }
        return found;
    }
}
