package org.chunfeng.jobs.matching;

import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Prices from a batch's solved flow: minus the shortest distance from the sink to each posting in the residual graph,
 * which is what one more unit of its capacity would save (0 for postings not full). The workers are folded into the
 * edges between postings, so the search runs over postings only: an edge from a posting a worker holds to another of
 * their postings costs the score they would give up by moving; from the sink (an unplaced worker) it costs minus the
 * score they would gain.
 *
 * <p>The distances are found by label correcting. Given a guide, prices under which every worker is within a unit of
 * score of their best choice (an auction's last ε-optimal prices), the postings come off in the order of their
 * distance less the guide's: Dijkstra's order on costs reduced by the guide, none of them below minus a unit, so most
 * postings are settled at their first visit. Without one, first in first out: at 100,000 workers that visited each
 * posting three to four times and took a quarter of a second.
 */
final class OpeningPrices {

    private OpeningPrices() {
    }

    /**
     * The prices, in the scores' units, within {@code budget} visits of postings; null if the flow is not optimal (a
     * posting visited more often than there are postings: the distances fall round a negative cycle) or the budget ran
     * out first.
     *
     * @param jobs each worker's postings (slot indices below {@code slots})
     * @param scores each arc's score
     * @param flows each arc's flow, at most {@code unit} per worker
     * @param guide each posting's price in {@code guideUnits} per unit of score, or null
     */
    static long[] of(int[][] jobs, int[][] scores, int[][] flows, int unit, int slots, long budget, long[] guide,
            long guideUnits) {
        int n = jobs.length;
        long[] distance = new long[slots];
        Arrays.fill(distance, Long.MAX_VALUE);
        // Who holds (some of) each posting, by posting in the workers' order: the edges out of a posting run through
        // each of them to their other postings, read from their arcs as the paths need them, where laying out three
        // million edges first took three quarters of the time.
        // A posting someone holds is 0 from the sink at most; and a worker with some of their unit unplaced could take
        // it to any posting of theirs with room, gaining its score.
        int[] holdStart = new int[slots + 1];
        for (int i = 0; i < n; i++) {
            int held = 0;
            for (int a = 0; a < jobs[i].length; a++) {
                if (flows[i][a] > 0) {
                    held += flows[i][a];
                    distance[jobs[i][a]] = Math.min(distance[jobs[i][a]], 0);
                    holdStart[jobs[i][a] + 1]++;
                }
            }
            if (held < unit) {
                for (int a = 0; a < jobs[i].length; a++) {
                    if (flows[i][a] < unit) {
                        distance[jobs[i][a]] = Math.min(distance[jobs[i][a]], -(long) scores[i][a]);
                    }
                }
            }
        }
        for (int s = 0; s < slots; s++) {
            holdStart[s + 1] += holdStart[s];
        }
        int[] holder = new int[holdStart[slots]];
        int[] heldArc = new int[holdStart[slots]];
        int[] fill = Arrays.copyOf(holdStart, slots);
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < jobs[i].length; a++) {
                if (flows[i][a] > 0) {
                    int at = fill[jobs[i][a]]++;
                    holder[at] = i;
                    heldArc[at] = a;
                }
            }
        }
        Frontier frontier = guide == null ? new Fifo(slots) : new ByReducedDistance(distance, guide, guideUnits);
        boolean[] queued = new boolean[slots];
        int[] timesQueued = new int[slots];
        for (int s = 0; s < slots; s++) {
            if (distance[s] != Long.MAX_VALUE) {
                frontier.add(s);
                queued[s] = true;
            }
        }
        long visits = 0;
        while (!frontier.isEmpty()) {
            int u = frontier.next();
            if (!queued[u]) {
                // Already visited at a shorter distance than the one it was queued at.
                continue;
            }
            if (++visits > budget) {
                return null;
            }
            queued[u] = false;
            for (int h = holdStart[u]; h < holdStart[u + 1]; h++) {
                int i = holder[h];
                int a = heldArc[h];
                int[] js = jobs[i];
                int[] ss = scores[i];
                int[] fs = flows[i];
                // Moving (some of) the worker's unit from u to b gives up the difference of their scores.
                long from = distance[u] + ss[a];
                for (int b = 0; b < js.length; b++) {
                    if (b == a || fs[b] >= unit) {
                        continue;
                    }
                    int v = js[b];
                    long d = from - ss[b];
                    if (d < distance[v]) {
                        distance[v] = d;
                        if (!queued[v] || guide != null) {
                            if (++timesQueued[v] > slots) {
                                return null;
                            }
                            queued[v] = true;
                            frontier.add(v);
                        }
                    }
                }
            }
        }
        long[] price = new long[slots];
        for (int s = 0; s < slots; s++) {
            price[s] = distance[s] == Long.MAX_VALUE || distance[s] >= 0 ? 0 : -distance[s];
        }
        return price;
    }

    /** The postings whose distance fell, to be visited. */
    private interface Frontier {
        void add(int s);

        boolean isEmpty();

        int next();
    }

    /** First in, first out: a posting already waiting is not added again. */
    private static final class Fifo implements Frontier {
        private final int[] queue;
        private int head;
        private int tail;
        private int size;

        Fifo(int slots) {
            queue = new int[slots + 1];
        }

        @Override
        public void add(int s) {
            queue[tail] = s;
            tail = tail + 1 == queue.length ? 0 : tail + 1;
            size++;
        }

        @Override
        public boolean isEmpty() {
            return size == 0;
        }

        @Override
        public int next() {
            int s = queue[head];
            head = head + 1 == queue.length ? 0 : head + 1;
            size--;
            return s;
        }
    }

    /**
     * Least distance less the guide's price first: a posting is added again each time its distance falls, and the
     * entries it left behind come off later than the newest one, when it is no longer queued.
     */
    private static final class ByReducedDistance implements Frontier {
        private record Entry(long key, int posting) {
        }

        private final PriorityQueue<Entry> entries = new PriorityQueue<>(Comparator.comparingLong(Entry::key));
        private final long[] distance;
        private final long[] guide;
        private final long guideUnits;

        ByReducedDistance(long[] distance, long[] guide, long guideUnits) {
            this.distance = distance;
            this.guide = guide;
            this.guideUnits = guideUnits;
        }

        @Override
        public void add(int s) {
            entries.add(new Entry(distance[s] * guideUnits + (s < guide.length ? guide[s] : 0), s));
        }

        @Override
        public boolean isEmpty() {
            return entries.isEmpty();
        }

        @Override
        public int next() {
            return entries.poll().posting();
        }
    }
}
