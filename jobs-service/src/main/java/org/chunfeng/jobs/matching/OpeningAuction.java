package org.chunfeng.jobs.matching;

import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * The batch's optimal assignment over its arcs, by auction (Bertsekas' ε-scaled auction for the transportation
 * problem, with reverse bids), in plain Java: from scratch, or going on from the assignment and prices of an earlier
 * round, before which the check added arcs. At 100,000 workers and four million arcs a round to the optimum takes
 * 3–6 s where OR-Tools' min-cost flow took 14–20 s, every round, since a flow solver starts from scratch whatever was
 * added; a round that stops at a coarser ε, going on from another, takes a fraction of a second.
 *
 * <p>Each opening of a posting is a copy with a price of its own, all starting at the posting's price. A worker bids
 * for the cheapest opening of the posting worth most to them (score less price), raising its price to where their next
 * best choice (another posting, another opening of this one, or staying unplaced) would be worth as much, plus ε, and
 * takes it from whoever held it. An opening left empty with a price is wrong for an optimum, so its posting bids in
 * reverse: its prices fall to where the worker who would gain most from it takes it, or to 0 if nobody would gain.
 * Large ε settles quickly who goes roughly where; each phase divides ε and lets bid again just the workers no longer
 * within ε of their best choice.
 *
 * <p>At the end every worker holds an opening within ε of their best choice and every empty opening costs 0, so the
 * total is within ε per worker of the optimum over these arcs: with scores counted in units of 1/(n + 1) and ε of one
 * unit, it is the optimum of the whole scores.
 */
final class OpeningAuction {

    /** Each phase divides ε by this; the first is an eighth of the most any worker would gain by moving. */
    private static final long EPSILON_FACTOR = 8;
    /** The cheapest price of a posting without openings: more than any score, so nobody bids for it. */
    private static final long NO_OPENING = Long.MAX_VALUE / 4;

    private final int n;
    /**
     * Every worker's arcs in one array, posting and score side by side (arc a of worker i at 2 * (arcStart[i] + a)):
     * a bid reads all of a worker's arcs, and one stretch of memory is a trip less than a worker's two arrays.
     */
    private int[] arcStart;
    private int[] arcs;
    private final long per;
    /** Openings per posting. */
    private final long[] capacity;
    // Per posting: each opening's price and holder by opening number, a min-heap of opening numbers by price, and the
    // price at the top of the heap (what a bid reads; NO_OPENING for a posting without openings).
    private final long[][] price;
    private final int[][] holder;
    private final int[][] heap;
    private final long[] cheapest;
    /** Openings of each posting nobody holds. */
    private final int[] empty;
    private final int[] heldArc;
    private final int[] heldCopy;
    // What each worker gets (their pair's score less their opening's price; 0 when unplaced) and the score of the pair
    // they hold. Both follow from the arc and opening held, but a reverse bid reads the profit of every worker with an
    // arc to its posting, and reaching it through the arc, the posting and the opening took most of the auction's time.
    private final long[] profit;
    private final long[] heldValue;
    private final int[] queue;
    private int qHead;
    private int qTail;
    private int queued;
    private int[] freed = new int[64];
    private int freedCount;
    private final boolean[] isFreed;
    /**
     * Each posting's arcs from workers, by posting: worker, arc index and score side by side (entry r at 3r), since
     * laying them out touches memory once per arc rather than three times, and a reverse bid reads all three.
     */
    private int[] revStart;
    private int[] rev;
    private long bids;
    private long reverseBids;
    private int phases;
    private long forwardNanos;
    private long reverseNanos;

    /**
     * @param jobs each worker's postings (slot indices)
     * @param scores the pair scores, whole units
     * @param flows the flow to start from: 1 on the arc a worker holds, all 0 to start from scratch
     * @param capacity openings per posting, indexed like the slots
     * @param slotPrice each posting's price in the auction's units ({@link #unitsPerScore}), under which {@code flows}
     *        was optimal, or nearly so, before arcs were added; an empty array to start from scratch
     */
    OpeningAuction(int[][] jobs, int[][] scores, int[][] flows, long[] capacity, long[] slotPrice) {
        this.n = jobs.length;
        this.arcStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            arcStart[i + 1] = arcStart[i] + jobs[i].length;
        }
        this.arcs = new int[2 * withRoom(arcStart[n])];
        for (int i = 0; i < n; i++) {
            for (int a = 0, at = 2 * arcStart[i]; a < jobs[i].length; a++, at += 2) {
                arcs[at] = jobs[i][a];
                arcs[at + 1] = scores[i][a];
            }
        }
        this.per = unitsPerScore(n);
        this.capacity = capacity;
        int slots = capacity.length;
        this.price = new long[slots][];
        this.holder = new int[slots][];
        this.heap = new int[slots][];
        this.cheapest = new long[slots];
        this.empty = new int[slots];
        this.isFreed = new boolean[slots];
        this.heldArc = new int[n];
        this.heldCopy = new int[n];
        this.profit = new long[n];
        this.heldValue = new long[n];
        this.queue = new int[n + 1];
        Arrays.fill(heldArc, -1);
        Arrays.fill(heldCopy, -1);
        this.revStart = new int[slots + 1];
        for (int[] js : jobs) {
            for (int s : js) {
                revStart[s + 1]++;
            }
        }
        for (int s = 0; s < slots; s++) {
            revStart[s + 1] += revStart[s];
        }
        this.rev = new int[3 * withRoom(revStart[slots])];
        int[] fill = Arrays.copyOf(revStart, slots);
        // Laying out millions of arcs by posting is a write to a far place each; every core takes a share of the
        // postings, and each posting's arcs still come in the workers' order.
        int shares = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), revStart[slots] / 100_000));
        IntStream.range(0, shares).parallel().forEach(share -> {
            int from = (int) ((long) slots * share / shares);
            int to = (int) ((long) slots * (share + 1) / shares);
            for (int i = 0; i < n; i++) {
                int[] js = jobs[i];
                for (int a = 0; a < js.length; a++) {
                    int s = js[a];
                    if (s >= from && s < to) {
                        int at = fill[s]++;
                        rev[3 * at] = i;
                        rev[3 * at + 1] = a;
                        rev[3 * at + 2] = scores[i][a];
                    }
                }
            }
        });
        for (int s = 0; s < slots; s++) {
            if (revStart[s + 1] > revStart[s]) {
                open(s, capacity[s], s < slotPrice.length ? slotPrice[s] : 0);
            }
        }
        int[] taken = new int[slots];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < jobs[i].length; a++) {
                int s = jobs[i][a];
                if (flows[i][a] > 0) {
                    if (heldArc[i] >= 0 || taken[s] == holder[s].length) {
                        throw new IllegalArgumentException("Not a flow of one unit per worker within capacities");
                    }
                    take(i, a, s, taken[s]++);
                }
            }
        }
        for (int s = 0; s < slots; s++) {
            if (price[s] != null && pricedEmpty(s) > 0) {
                markFreed(s);
            }
        }
    }

    /**
     * Room for an eighth more arcs than laid out: the checks add about a twelfth after the first round and a few hundred
     * after the others, which then move the arcs along within their arrays. New arrays every round, 92 MB at 100,000
     * workers, kept the collector copying them: 0.65 s of pauses a batch, 0.43 s with the room.
     */
    private static int withRoom(int arcs) {
        return (int) Math.min(Integer.MAX_VALUE / 3, arcs + arcs / 8L + 64);
    }

    /**
     * Adds arcs (null or empty for a worker without new ones), after each worker's others and, for each posting, after
     * its others: the assignment and every price stay, so the next {@link #improve} goes on from them. Laying the arcs
     * out again by moving them along is a fraction of building the auction anew, as every round after the check did.
     */
    void addArcs(int[][] jobs, int[][] scores) {
        int slots = revStart.length - 1;
        int[] newStart = new int[n + 1];
        int[] extraAt = new int[slots + 1];
        for (int i = 0; i < n; i++) {
            int extra = jobs[i] == null ? 0 : jobs[i].length;
            newStart[i + 1] = newStart[i] + arcStart[i + 1] - arcStart[i] + extra;
            for (int a = 0; a < extra; a++) {
                extraAt[jobs[i][a] + 1]++;
            }
        }
        // Within the same arrays when there is room: no arc moves left, so moving the last worker's first never
        // overwrites one yet to move; likewise by posting below.
        int[] newArcs = arcs.length >= 2 * newStart[n] ? arcs : new int[2 * withRoom(newStart[n])];
        for (int i = n - 1; i >= 0; i--) {
            int old = arcStart[i + 1] - arcStart[i];
            System.arraycopy(arcs, 2 * arcStart[i], newArcs, 2 * newStart[i], 2 * old);
            for (int a = 0, at = 2 * (newStart[i] + old); jobs[i] != null && a < jobs[i].length; a++, at += 2) {
                newArcs[at] = jobs[i][a];
                newArcs[at + 1] = scores[i][a];
            }
        }
        int[] newRevStart = new int[slots + 1];
        for (int s = 0; s < slots; s++) {
            extraAt[s + 1] += extraAt[s];
            newRevStart[s + 1] = revStart[s + 1] + extraAt[s + 1];
        }
        int[] newRev = rev.length >= 3 * newRevStart[slots] ? rev : new int[3 * withRoom(newRevStart[slots])];
        int[] fill = new int[slots];
        for (int s = slots - 1; s >= 0; s--) {
            int old = revStart[s + 1] - revStart[s];
            System.arraycopy(rev, 3 * revStart[s], newRev, 3 * newRevStart[s], 3 * old);
            fill[s] = newRevStart[s] + old;
        }
        for (int i = 0; i < n; i++) {
            int old = arcStart[i + 1] - arcStart[i];
            for (int a = 0; jobs[i] != null && a < jobs[i].length; a++) {
                int s = jobs[i][a];
                if (price[s] == null) {
                    // A posting nobody had an arc to: nobody bid for it, so its openings cost nothing yet.
                    open(s, capacity[s], 0);
                }
                int at = fill[s]++;
                newRev[3 * at] = i;
                newRev[3 * at + 1] = old + a;
                newRev[3 * at + 2] = scores[i][a];
            }
        }
        arcStart = newStart;
        arcs = newArcs;
        revStart = newRevStart;
        rev = newRev;
    }

    /**
     * Every opening of each posting at that posting's price, in the auction's units (0 past the array). Any prices are
     * a start the auction reaches the optimum from; the batch goes on from each posting's cheapest opening
     * ({@link #postingPrices}), which leaves no opening of a posting dearer than another.
     */
    void reprice(long[] slotPrice) {
        for (int s = 0; s < price.length; s++) {
            if (price[s] == null) {
                continue;
            }
            long p = s < slotPrice.length ? slotPrice[s] : 0;
            Arrays.fill(price[s], p);
            for (int copy = 0; copy < heap[s].length; copy++) {
                heap[s][copy] = copy;
                int h = holder[s][copy];
                if (h >= 0) {
                    profit[h] = heldValue[h] - p;
                }
            }
            cheapest[s] = heap[s].length == 0 ? NO_OPENING : p;
            if (empty[s] > 0 && p > 0) {
                markFreed(s);
            }
        }
    }

    /** The auction's units per whole unit of score, for {@code n} workers: n + 1, so that ε of one unit is exact. */
    static long unitsPerScore(int n) {
        return n + 1L;
    }

    /** Bids until the assignment is optimal over every arc. */
    void improve() {
        improve(1, Long.MAX_VALUE);
    }

    /**
     * Bids until every worker is within {@code lastEpsilon} of their best choice (1 for the optimum), with ε at first
     * an eighth of the most a worker would gain by moving, but no more than {@code firstEpsilon}.
     */
    void improve(long lastEpsilon, long firstEpsilon) {
        improve(lastEpsilon, firstEpsilon, () -> false);
    }

    /**
     * The same, but after each phase finer than a whole unit of score and before the last, stops if {@code optimal}
     * says the assignment is already optimal (shown by the caller, for instance by prices that close the duality gap).
     */
    void improve(long lastEpsilon, long firstEpsilon, BooleanSupplier optimal) {
        // How far each worker is from their best choice now: it sets the first ε, and the first phase starts from it
        // rather than reading every worker's arcs again (releasing workers changes no price).
        long[] shortfall = shortfalls();
        long most = 0;
        for (long f : shortfall) {
            most = Math.max(most, f);
        }
        long first = Math.max(1, Math.min(firstEpsilon, most / EPSILON_FACTOR));
        for (long epsilon = first; ; epsilon = Math.max(1, epsilon / EPSILON_FACTOR)) {
            phase(epsilon, shortfall);
            shortfall = null;
            if (epsilon <= lastEpsilon || epsilon < per && optimal.getAsBoolean()) {
                return;
            }
        }
    }

    /** One phase at this ε: every worker further than ε from their best choice bids again ({@code shortfall} if known). */
    private void phase(long epsilon, long[] shortfall) {
        phases++;
        long[] far = shortfall != null ? shortfall : shortfalls();
        for (int i = 0; i < n; i++) {
            if (far[i] > epsilon) {
                release(i);
                enqueue(i);
            }
        }
        long started = System.nanoTime();
        forward(epsilon);
        long forwardEnded = System.nanoTime();
        reverse(epsilon);
        forwardNanos += forwardEnded - started;
        reverseNanos += System.nanoTime() - forwardEnded;
    }

    /**
     * How far each worker is from their best choice at the prices now: a read of every arc, over every core, where it
     * was a fifth of a batch's auctions on one.
     */
    private long[] shortfalls() {
        long[] shortfall = new long[n];
        EveryCore.forEachWorker(n, i -> shortfall[i] = best(i) - profit[i]);
        return shortfall;
    }

    /** The most the worker could get now: the best of their pairs at its posting's cheapest opening, or 0 unplaced. */
    private long best(int i) {
        long best = 0;
        for (int at = 2 * arcStart[i], end = 2 * arcStart[i + 1]; at < end; at += 2) {
            best = Math.max(best, arcs[at + 1] * per - cheapest[arcs[at]]);
        }
        return best;
    }

    private void enqueue(int i) {
        queue[qTail] = i;
        qTail = qTail + 1 == queue.length ? 0 : qTail + 1;
        queued++;
    }

    private void forward(long epsilon) {
        while (queued > 0) {
            int i = queue[qHead];
            qHead = qHead + 1 == queue.length ? 0 : qHead + 1;
            queued--;
            int evicted = bid(i, epsilon);
            if (evicted >= 0) {
                enqueue(evicted);
            }
        }
    }

    /** Worker i bids for their best opening (or stays unplaced); returns whom they displaced, or -1. */
    private int bid(int i, long epsilon) {
        int first = 2 * arcStart[i];
        long best = 0;
        long second = 0;
        int bestAt = -1;
        for (int at = first, end = 2 * arcStart[i + 1]; at < end; at += 2) {
            long v = arcs[at + 1] * per - cheapest[arcs[at]];
            if (v > best) {
                second = best;
                best = v;
                bestAt = at;
            } else if (v > second) {
                second = v;
            }
        }
        if (bestAt < 0) {
            return -1;
        }
        int bestArc = (bestAt - first) / 2;
        int s = arcs[bestAt];
        int[] h = heap[s];
        long value = arcs[bestAt + 1] * per;
        if (h.length > 1) {
            long next = price[s][h[1]];
            if (h.length > 2) {
                next = Math.min(next, price[s][h[2]]);
            }
            second = Math.max(second, value - next);
        }
        bids++;
        int copy = h[0];
        int evicted = holder[s][copy];
        price[s][copy] = value - second + epsilon;
        if (evicted >= 0) {
            heldArc[evicted] = -1;
            heldCopy[evicted] = -1;
            profit[evicted] = 0;
        }
        take(i, bestArc, s, copy);
        siftDown(s, 0);
        return evicted;
    }

    private void take(int i, int arc, int s, int copy) {
        if (holder[s][copy] < 0) {
            empty[s]--;
        }
        holder[s][copy] = i;
        heldArc[i] = arc;
        heldCopy[i] = copy;
        heldValue[i] = arcs[2 * (arcStart[i] + arc) + 1] * per;
        profit[i] = heldValue[i] - price[s][copy];
    }

    /** The worker lets go of their opening; one left with a price waits for a reverse bid. */
    private void release(int i) {
        if (heldArc[i] < 0) {
            return;
        }
        int s = arcs[2 * (arcStart[i] + heldArc[i])];
        int copy = heldCopy[i];
        holder[s][copy] = -1;
        empty[s]++;
        heldArc[i] = -1;
        heldCopy[i] = -1;
        profit[i] = 0;
        if (price[s][copy] > 0) {
            markFreed(s);
        }
    }

    private void markFreed(int s) {
        if (isFreed[s]) {
            return;
        }
        isFreed[s] = true;
        if (freedCount == freed.length) {
            freed = Arrays.copyOf(freed, freed.length * 2);
        }
        freed[freedCount++] = s;
    }

    /**
     * Every posting with empty openings that have a price bids for the workers not holding one of its openings who
     * would gain most from them: with m such openings, the best m take them, and every opening's price falls to where
     * the next best would gain as much less ε (no opening of it dearer than that is within ε of the best for its
     * holders); if fewer than m would gain more than ε, those take openings and every opening costs 0. One read of
     * the posting's arcs, where bidding for one opening at a time read them once per opening (with the same outcome),
     * and a posting rather than one opening at a time: lowering them one by one would crawl down by ε.
     */
    private void reverse(long epsilon) {
        while (freedCount > 0) {
            int s = freed[--freedCount];
            isFreed[s] = false;
            int wanted = pricedEmpty(s);
            if (wanted == 0) {
                continue;
            }
            int ranked = rankBidders(s, wanted + 1);
            reverseBids++;
            int taking = 0;
            while (taking < Math.min(wanted, ranked) && topBeta[taking] > epsilon) {
                taking++;
            }
            lowerPrices(s, taking < wanted || ranked == taking ? 0 : Math.max(0, topBeta[taking] - epsilon));
            for (int t = 0; t < taking; t++) {
                int i = topWorker[t];
                release(i);
                take(i, topArc[t], s, emptyCopies[t]);
            }
        }
    }

    // The best bidders a reverse bid found, best first, and the posting's empty openings with a price.
    private long[] topBeta = new long[4];
    private int[] topWorker = new int[4];
    private int[] topArc = new int[4];
    private int[] emptyCopies = new int[4];

    /**
     * A profit no worker has, lent to the posting's holders while its arcs are ranked: their gain from it comes out far
     * below {@link #NO_BIDDER}, so the ranking reads one array per arc instead of also asking whether the worker holds
     * the posting, a second trip to memory for each of hundreds of arcs per reverse bid.
     */
    private static final long HIDDEN = Long.MAX_VALUE / 2;
    /** Below any real gain (profits stay above minus ε) and above any hidden holder's. */
    private static final long NO_BIDDER = Long.MIN_VALUE / 4;

    /**
     * Ranks the workers with an arc to the posting and none of its openings by what they would gain from it at no
     * price (their pair less their profit now), keeping the best {@code keep}, ties to the first in arc order;
     * returns how many it kept.
     */
    private int rankBidders(int s, int keep) {
        hideHolders(s);
        int kept = keep == 2 ? rankTwo(s) : rankMany(s, keep);
        showHolders(s);
        return kept;
    }

    private void hideHolders(int s) {
        for (int h : holder[s]) {
            if (h >= 0) {
                profit[h] = HIDDEN;
            }
        }
    }

    /** Each holder's profit again: their pair less the price of the opening they hold. */
    private void showHolders(int s) {
        int[] hs = holder[s];
        long[] p = price[s];
        for (int copy = 0; copy < hs.length; copy++) {
            int h = hs[copy];
            if (h >= 0) {
                profit[h] = heldValue[h] - p[copy];
            }
        }
    }

    private int rankMany(int s, int keep) {
        if (topBeta.length < keep) {
            topBeta = new long[keep];
            topWorker = new int[keep];
            topArc = new int[keep];
        }
        int kept = 0;
        for (int r = revStart[s]; r < revStart[s + 1]; r++) {
            long beta = rev[3 * r + 2] * per - profit[rev[3 * r]];
            if (beta <= NO_BIDDER || kept == keep && beta <= topBeta[keep - 1]) {
                continue;
            }
            int at = kept < keep ? kept++ : keep - 1;
            while (at > 0 && topBeta[at - 1] < beta) {
                topBeta[at] = topBeta[at - 1];
                topWorker[at] = topWorker[at - 1];
                topArc[at] = topArc[at - 1];
                at--;
            }
            topBeta[at] = beta;
            topWorker[at] = rev[3 * r];
            topArc[at] = rev[3 * r + 1];
        }
        return kept;
    }

    /** The same for the best two, the common case, in locals: ranking through the arrays slowed auctions by 15 %. */
    private int rankTwo(int s) {
        long beta1 = NO_BIDDER;
        long beta2 = NO_BIDDER;
        int worker1 = -1;
        int worker2 = -1;
        int arc1 = -1;
        int arc2 = -1;
        for (int r = revStart[s]; r < revStart[s + 1]; r++) {
            long beta = rev[3 * r + 2] * per - profit[rev[3 * r]];
            if (beta > beta1) {
                beta2 = beta1;
                worker2 = worker1;
                arc2 = arc1;
                beta1 = beta;
                worker1 = rev[3 * r];
                arc1 = rev[3 * r + 1];
            } else if (beta > beta2) {
                beta2 = beta;
                worker2 = rev[3 * r];
                arc2 = rev[3 * r + 1];
            }
        }
        topBeta[0] = beta1;
        topWorker[0] = worker1;
        topArc[0] = arc1;
        topBeta[1] = beta2;
        topWorker[1] = worker2;
        topArc[1] = arc2;
        return worker1 < 0 ? 0 : worker2 < 0 ? 1 : 2;
    }

    /** How many of the posting's openings are empty and have a price; they are then in {@code emptyCopies}. */
    private int pricedEmpty(int s) {
        if (empty[s] == 0) {
            return 0;
        }
        int count = 0;
        for (int copy = 0; copy < holder[s].length; copy++) {
            if (holder[s][copy] < 0 && price[s][copy] > 0) {
                if (count == emptyCopies.length) {
                    emptyCopies = Arrays.copyOf(emptyCopies, count * 2);
                }
                emptyCopies[count++] = copy;
            }
        }
        return count;
    }

    /** No opening of the posting costs more than {@code ceiling}. */
    private void lowerPrices(int s, long ceiling) {
        long[] p = price[s];
        for (int copy = 0; copy < p.length; copy++) {
            if (p[copy] > ceiling) {
                p[copy] = ceiling;
                int h = holder[s][copy];
                if (h >= 0) {
                    profit[h] = heldValue[h] - ceiling;
                }
            }
        }
        // Capping every key keeps a heap a heap.
        cheapest[s] = p.length == 0 ? NO_OPENING : p[heap[s][0]];
    }

    /**
     * Each posting's price, its cheapest opening's, in the auction's units (0 for postings without arcs or openings):
     * what the next round goes on from.
     */
    long[] postingPrices() {
        long[] p = new long[cheapest.length];
        for (int s = 0; s < p.length; s++) {
            p[s] = price[s] == null || cheapest[s] == NO_OPENING ? 0 : cheapest[s];
        }
        return p;
    }

    /** The arc the worker holds, or -1 if unplaced. */
    int heldArc(int i) {
        return heldArc[i];
    }

    /** Bids, forward and reverse, the time each took, and phases since the last time asked: for the benchmark's trace. */
    String effort() {
        String effort = phases + " phases, " + bids + " bids in " + forwardNanos / 1_000_000 + " ms, " + reverseBids
                + " reverse bids in " + reverseNanos / 1_000_000 + " ms";
        forwardNanos = 0;
        reverseNanos = 0;
        phases = 0;
        bids = 0;
        reverseBids = 0;
        return effort;
    }

    private void open(int s, long capacity, long startPrice) {
        int c = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, capacity));
        price[s] = new long[c];
        Arrays.fill(price[s], startPrice);
        holder[s] = new int[c];
        Arrays.fill(holder[s], -1);
        heap[s] = new int[c];
        for (int k = 0; k < c; k++) {
            heap[s][k] = k;
        }
        cheapest[s] = c == 0 ? NO_OPENING : startPrice;
        empty[s] = c;
    }

    private void siftDown(int s, int at) {
        int[] h = heap[s];
        long[] p = price[s];
        int copy = h[at];
        long key = p[copy];
        int size = h.length;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && p[h[child + 1]] < p[h[child]]) {
                child++;
            }
            if (p[h[child]] >= key) {
                break;
            }
            h[at] = h[child];
            at = child;
        }
        h[at] = copy;
        cheapest[s] = p[h[0]];
    }
}
