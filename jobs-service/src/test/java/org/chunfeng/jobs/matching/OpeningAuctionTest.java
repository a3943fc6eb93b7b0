package org.chunfeng.jobs.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OpeningAuctionTest {

    @Test
    void equalsTheBestAssignmentByEnumerationFromScratch() {
        for (long seed = 1; seed <= 300; seed++) {
            TransportProblem p = random(new SplittableRandom(seed));
            OpeningAuction auction = new OpeningAuction(p.jobs(), p.scores(), p.noFlow(), p.capacity(), new long[0]);
            auction.improve();
            assertOptimal(p, auction, seed);
        }
    }

    @Test
    void reachesTheOptimumFromAnyFeasibleAssignmentAndPrices() {
        // Going on after a check starts from the last optimum's assignment and prices; whatever they are, and whatever
        // ε it starts from, the result must be the optimum.
        for (long seed = 1; seed <= 300; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            TransportProblem p = random(r);
            int[][] flows = p.noFlow();
            long[] left = p.capacity().clone();
            for (int i = 0; i < flows.length; i++) {
                if (flows[i].length > 0 && r.nextBoolean()) {
                    int a = r.nextInt(flows[i].length);
                    if (left[p.jobs()[i][a]] > 0) {
                        left[p.jobs()[i][a]]--;
                        flows[i][a] = 1;
                    }
                }
            }
            // Prices in the auction's units, as an exact round leaves them (whole scores) or an approximate one (any).
            long units = OpeningAuction.unitsPerScore(flows.length);
            boolean whole = r.nextBoolean();
            long[] price = new long[p.capacity().length];
            for (int s = 0; s < price.length; s++) {
                price[s] = r.nextInt(3) == 0 ? 0 : r.nextInt(40) * units + (whole ? 0 : r.nextLong(units));
            }
            OpeningAuction auction = new OpeningAuction(p.jobs(), p.scores(), flows, p.capacity(), price);
            // The batch caps the first ε when it goes on from a round; any first ε must end at the optimum.
            long[] firstEpsilons = {Long.MAX_VALUE, 10 * units, units, 1};
            auction.improve(1, firstEpsilons[r.nextInt(firstEpsilons.length)]);
            assertOptimal(p, auction, seed);
        }
    }

    @Test
    void reachesTheOptimumGoingOnFromAnApproximateRoundAfterArcsWereAdded() {
        // The batch's path: a round stopped at a coarse ε, the check adds arcs, the next round goes on from that
        // round's assignment and prices with ε no larger than it ended at, down to the optimum.
        for (long seed = 1; seed <= 300; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            TransportProblem all = random(r);
            int[][] firstJobs = new int[all.jobs().length][];
            int[][] firstScores = new int[all.jobs().length][];
            for (int i = 0; i < firstJobs.length; i++) {
                int keep = all.jobs()[i].length == 0 ? 0 : r.nextInt(all.jobs()[i].length + 1);
                firstJobs[i] = Arrays.copyOf(all.jobs()[i], keep);
                firstScores[i] = Arrays.copyOf(all.scores()[i], keep);
            }
            TransportProblem first = new TransportProblem(firstJobs, firstScores, all.capacity());
            long coarse = 1 + r.nextInt(8) * OpeningAuction.unitsPerScore(firstJobs.length);
            OpeningAuction approximate = new OpeningAuction(first.jobs(), first.scores(), first.noFlow(),
                    first.capacity(), new long[0]);
            approximate.improve(coarse, Long.MAX_VALUE);
            OpeningAuction exact = new OpeningAuction(all.jobs(), all.scores(), all.flowsOf(approximate),
                    all.capacity(), approximate.postingPrices());
            exact.improve(1, coarse);
            assertOptimal(all, exact, seed);
        }
    }

    @Test
    void reachesTheOptimumInTheSameAuctionAfterArcsWereAddedAndPricesReset() {
        // The batch keeps one auction from round to round: the check's arcs are added to it, every opening is priced
        // as its posting was (or kept as the auction left it), and the next round goes on from there. Some postings
        // are first reached by the added arcs.
        for (long seed = 1; seed <= 300; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            TransportProblem all = random(r);
            int n = all.jobs().length;
            int[][] firstJobs = new int[n][];
            int[][] firstScores = new int[n][];
            int[][] addedJobs = new int[n][];
            int[][] addedScores = new int[n][];
            for (int i = 0; i < n; i++) {
                int length = all.jobs()[i].length;
                int keep = length == 0 ? 0 : r.nextInt(length + 1);
                firstJobs[i] = Arrays.copyOf(all.jobs()[i], keep);
                firstScores[i] = Arrays.copyOf(all.scores()[i], keep);
                addedJobs[i] = keep == length && r.nextBoolean() ? null
                        : Arrays.copyOfRange(all.jobs()[i], keep, length);
                addedScores[i] = addedJobs[i] == null ? null : Arrays.copyOfRange(all.scores()[i], keep, length);
            }
            TransportProblem first = new TransportProblem(firstJobs, firstScores, all.capacity());
            long units = OpeningAuction.unitsPerScore(n);
            long coarse = 1 + r.nextInt(8) * units;
            OpeningAuction auction = new OpeningAuction(first.jobs(), first.scores(), first.noFlow(), first.capacity(),
                    new long[0]);
            auction.improve(coarse, Long.MAX_VALUE);
            auction.addArcs(addedJobs, addedScores);
            switch (r.nextInt(3)) {
                case 0 -> auction.reprice(auction.postingPrices());
                case 1 -> {
                    long[] price = new long[all.capacity().length];
                    for (int s = 0; s < price.length; s++) {
                        price[s] = r.nextInt(3) == 0 ? 0 : r.nextInt(40) * units;
                    }
                    auction.reprice(price);
                }
                default -> { }
            }
            auction.improve(1, coarse);
            assertOptimal(all, auction, seed);
        }
    }

    @Test
    void equalsTheMinCostFlowOnHundredsOfWorkersCompetingForFewOpenings() {
        // Enumeration stops at a handful of workers, where reverse bids rarely meet a posting with holders; here many
        // workers want the same few postings, so the auction's bookkeeping (prices, holders, profits) is tried hard,
        // along the batch's path: a coarse round, arcs added, openings repriced, then down to the optimum.
        for (long seed = 1; seed <= 300; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            int n = 200 + r.nextInt(200);
            int postings = 10 + r.nextInt(30);
            long[] capacity = new long[postings];
            for (int s = 0; s < postings; s++) {
                capacity[s] = r.nextInt(12);
            }
            int[][] firstJobs = new int[n][];
            int[][] firstScores = new int[n][];
            int[][] addedJobs = new int[n][];
            int[][] addedScores = new int[n][];
            for (int i = 0; i < n; i++) {
                int[] js = r.ints(0, postings).distinct().limit(r.nextInt(9)).toArray();
                int[] ss = new int[js.length];
                for (int a = 0; a < js.length; a++) {
                    // Popular postings score high for everyone, and scores tie often.
                    ss[a] = 10 + 5 * r.nextInt(6) + (js[a] < 4 ? 40 : 0);
                }
                int keep = r.nextInt(js.length + 1);
                firstJobs[i] = Arrays.copyOf(js, keep);
                firstScores[i] = Arrays.copyOf(ss, keep);
                addedJobs[i] = Arrays.copyOfRange(js, keep, js.length);
                addedScores[i] = Arrays.copyOfRange(ss, keep, js.length);
            }
            TransportProblem first = new TransportProblem(firstJobs, firstScores, capacity);
            long units = OpeningAuction.unitsPerScore(n);
            OpeningAuction auction = new OpeningAuction(firstJobs, firstScores, first.noFlow(), capacity, new long[0]);
            auction.improve(8 * units, Long.MAX_VALUE);
            auction.addArcs(addedJobs, addedScores);
            auction.reprice(auction.postingPrices());
            auction.improve(1, units);
            int[][] allJobs = new int[n][];
            int[][] allScores = new int[n][];
            for (int i = 0; i < n; i++) {
                allJobs[i] = concat(firstJobs[i], addedJobs[i]);
                allScores[i] = concat(firstScores[i], addedScores[i]);
            }
            TransportProblem all = new TransportProblem(allJobs, allScores, capacity);
            assertThat(total(all, auction)).as("seed %d", seed).isEqualTo(minCostFlowOptimum(all));
            assertWithinCapacity(all, auction);
        }
    }

    @Test
    void placesEveryoneWhoScoresWhenThereAreOpeningsEnoughAndNobodyOnAPostingWithoutOpenings() {
        TransportProblem p = new TransportProblem(new int[][] {{0, 1}, {0, 1}, {1}, {}},
                new int[][] {{50, 10}, {40, 30}, {20}, {}}, new long[] {1, 2});
        OpeningAuction auction = new OpeningAuction(p.jobs(), p.scores(), p.noFlow(), p.capacity(), new long[0]);
        auction.improve();
        // 50 + 30 + 20 beats 40 + 10 + 20: the second worker gives way on the posting both like best.
        assertThat(total(p, auction)).isEqualTo(100);
        assertThat(auction.heldArc(3)).isEqualTo(-1);

        TransportProblem closed = new TransportProblem(new int[][] {{0, 1}}, new int[][] {{90, 10}}, new long[] {0, 1});
        OpeningAuction other = new OpeningAuction(closed.jobs(), closed.scores(), closed.noFlow(), closed.capacity(),
                new long[0]);
        other.improve();
        assertThat(other.heldArc(0)).isEqualTo(1);
    }

    @Test
    void refusesAStartThatIsNotAFlow() {
        TransportProblem p = new TransportProblem(new int[][] {{0}, {0}}, new int[][] {{10}, {10}}, new long[] {1});
        assertThatThrownBy(() -> new OpeningAuction(p.jobs(), p.scores(), new int[][] {{1}, {1}}, p.capacity(),
                new long[0])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacities");
        TransportProblem two = new TransportProblem(new int[][] {{0, 1}}, new int[][] {{10, 20}}, new long[] {1, 1});
        assertThatThrownBy(() -> new OpeningAuction(two.jobs(), two.scores(), new int[][] {{1, 1}}, two.capacity(),
                new long[0])).isInstanceOf(IllegalArgumentException.class);
    }

    /** Up to seven workers, three postings of up to two openings, and scores that often tie. */
    private static TransportProblem random(SplittableRandom r) {
        int workers = 1 + r.nextInt(7);
        int postings = 1 + r.nextInt(3);
        long[] capacity = new long[postings];
        for (int s = 0; s < postings; s++) {
            capacity[s] = r.nextInt(3);
        }
        int[][] jobs = new int[workers][];
        int[][] scores = new int[workers][];
        for (int i = 0; i < workers; i++) {
            int[] js = new int[r.nextInt(postings + 1)];
            int[] ss = new int[js.length];
            int start = r.nextInt(postings);
            for (int a = 0; a < js.length; a++) {
                js[a] = (start + a) % postings;
                ss[a] = 1 + 10 * r.nextInt(5);
            }
            jobs[i] = js;
            scores[i] = ss;
        }
        return new TransportProblem(jobs, scores, capacity);
    }

    /** The auction's total equals the best by enumeration, and no posting holds more than its openings. */
    private static void assertOptimal(TransportProblem p, OpeningAuction auction, long seed) {
        assertThat(total(p, auction)).as("seed %d", seed).isEqualTo(best(p, 0, new long[p.capacity().length]));
        assertWithinCapacity(p, auction);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** The optimum by OR-Tools' min-cost flow: each worker one unit, to a posting or unplaced at no score. */
    private static long minCostFlowOptimum(TransportProblem p) {
        BatchOptimiser.loadNativeLibrary();
        int n = p.jobs().length;
        int postings = p.capacity().length;
        int sink = n + postings;
        long top = 1_000;
        MinCostFlow flow = new MinCostFlow();
        try {
            for (int i = 0; i < n; i++) {
                flow.setNodeSupply(i, 1);
                flow.addArcWithCapacityAndUnitCost(i, sink, 1, top);
                for (int a = 0; a < p.jobs()[i].length; a++) {
                    flow.addArcWithCapacityAndUnitCost(i, n + p.jobs()[i][a], 1, top - p.scores()[i][a]);
                }
            }
            for (int s = 0; s < postings; s++) {
                flow.addArcWithCapacityAndUnitCost(n + s, sink, p.capacity()[s], 0);
            }
            flow.setNodeSupply(sink, -n);
            assertThat(flow.solve()).isEqualTo(MinCostFlowBase.Status.OPTIMAL);
            return top * n - flow.getOptimalCost();
        } finally {
            flow.delete();
        }
    }

    private static long best(TransportProblem p, int worker, long[] used) {
        if (worker == p.jobs().length) {
            return 0;
        }
        long best = best(p, worker + 1, used);
        for (int a = 0; a < p.jobs()[worker].length; a++) {
            int s = p.jobs()[worker][a];
            if (used[s] < p.capacity()[s]) {
                used[s]++;
                best = Math.max(best, p.scores()[worker][a] + best(p, worker + 1, used));
                used[s]--;
            }
        }
        return best;
    }

    private static long total(TransportProblem p, OpeningAuction auction) {
        long total = 0;
        for (int i = 0; i < p.jobs().length; i++) {
            int a = auction.heldArc(i);
            if (a >= 0) {
                total += p.scores()[i][a];
            }
        }
        return total;
    }

    private static void assertWithinCapacity(TransportProblem p, OpeningAuction auction) {
        long[] used = new long[p.capacity().length];
        for (int i = 0; i < p.jobs().length; i++) {
            int a = auction.heldArc(i);
            if (a >= 0) {
                used[p.jobs()[i][a]]++;
            }
        }
        for (int s = 0; s < used.length; s++) {
            assertThat(used[s]).as("posting %d", s).isLessThanOrEqualTo(p.capacity()[s]);
        }
    }
}
