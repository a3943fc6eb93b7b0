package org.chunfeng.jobs.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OpeningPricesTest {

    @Test
    void theAuctionsPricesGuideTheSearchToTheSameShortestDistances() {
        for (long seed = 1; seed <= 200; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            TransportProblem p = random(r);
            OpeningAuction auction = new OpeningAuction(p.jobs(), p.scores(), p.noFlow(), p.capacity(), new long[0]);
            auction.improve();
            int[][] flows = p.flowsOf(auction);
            long units = OpeningAuction.unitsPerScore(p.jobs().length);
            int slots = p.capacity().length;

            long[] plain = OpeningPrices.of(p.jobs(), p.scores(), flows, 1, slots, Long.MAX_VALUE, null, units);
            long[] guided = OpeningPrices.of(p.jobs(), p.scores(), flows, 1, slots, Long.MAX_VALUE,
                    auction.postingPrices(), units);
            // Any guide changes only the order postings are visited in, never where the distances end.
            long[] misleading = new long[slots];
            for (int s = 0; s < slots; s++) {
                misleading[s] = r.nextLong(100 * units);
            }
            long[] misled = OpeningPrices.of(p.jobs(), p.scores(), flows, 1, slots, Long.MAX_VALUE, misleading, units);

            assertThat(plain).as("seed %d", seed).isNotNull();
            assertThat(guided).as("seed %d", seed).containsExactly(plain);
            assertThat(misled).as("seed %d", seed).containsExactly(plain);
            assertProvesOptimum(p, flows, plain, seed);
        }
    }

    @Test
    void aFlowThatTwoWorkersWouldBothGainBySwappingHasNoPrices() {
        // Each holds the posting the other wants more: moving both round the cycle gains 18 points.
        int[][] jobs = {{0, 1}, {1, 0}};
        int[][] scores = {{1, 10}, {1, 10}};
        int[][] flows = {{1, 0}, {1, 0}};
        long units = OpeningAuction.unitsPerScore(2);

        assertThat(OpeningPrices.of(jobs, scores, flows, 1, 2, Long.MAX_VALUE, null, units)).isNull();
        assertThat(OpeningPrices.of(jobs, scores, flows, 1, 2, Long.MAX_VALUE, new long[] {0, 0}, units)).isNull();
    }

    @Test
    void stopsWithoutPricesWhenTheVisitsRunOut() {
        // The unplaced third worker reaches posting 0 through the sink, and its holder then reaches posting 1.
        int[][] jobs = {{0, 1}, {1}, {0}};
        int[][] scores = {{10, 8}, {9}, {7}};
        int[][] flows = {{1, 0}, {1}, {0}};
        long units = OpeningAuction.unitsPerScore(3);

        assertThat(OpeningPrices.of(jobs, scores, flows, 1, 2, 1, null, units)).isNull();
        assertThat(OpeningPrices.of(jobs, scores, flows, 1, 2, 100, null, units)).containsExactly(7, 5);
    }

    /**
     * The prices close the duality gap: every worker's best pair less price (or 0) plus every price times its openings
     * equals the flow's total, and a posting with room left costs nothing.
     */
    private static void assertProvesOptimum(TransportProblem p, int[][] flows, long[] price, long seed) {
        long primal = 0;
        long dual = 0;
        long[] taken = new long[p.capacity().length];
        for (int i = 0; i < p.jobs().length; i++) {
            long utility = 0;
            for (int a = 0; a < p.jobs()[i].length; a++) {
                utility = Math.max(utility, p.scores()[i][a] - price[p.jobs()[i][a]]);
                primal += (long) flows[i][a] * p.scores()[i][a];
                taken[p.jobs()[i][a]] += flows[i][a];
            }
            dual += utility;
        }
        for (int s = 0; s < price.length; s++) {
            dual += price[s] * p.capacity()[s];
            if (taken[s] < p.capacity()[s]) {
                assertThat(price[s]).as("seed %d, posting %d with room", seed, s).isZero();
            }
        }
        assertThat(dual).as("seed %d", seed).isEqualTo(primal);
    }

    /** Up to 300 workers over up to 40 postings, scores with many ties, as a batch's popular postings have. */
    private static TransportProblem random(SplittableRandom r) {
        int workers = 20 + r.nextInt(281);
        int postings = 2 + r.nextInt(39);
        long[] capacity = new long[postings];
        for (int s = 0; s < postings; s++) {
            capacity[s] = r.nextInt(7);
        }
        int[][] jobs = new int[workers][];
        int[][] scores = new int[workers][];
        for (int i = 0; i < workers; i++) {
            jobs[i] = r.ints(0, postings).distinct().limit(r.nextInt(Math.min(postings, 8) + 1)).toArray();
            scores[i] = new int[jobs[i].length];
            for (int a = 0; a < jobs[i].length; a++) {
                scores[i][a] = 1 + 7 * r.nextInt(20);
            }
        }
        return new TransportProblem(jobs, scores, capacity);
    }
}
