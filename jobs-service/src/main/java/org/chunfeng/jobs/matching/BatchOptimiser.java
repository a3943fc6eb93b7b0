package org.chunfeng.jobs.matching;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The best assignment of many waiting workers at once: each worker to at most one posting, each posting to at most
 * its openings left, the total score as high as it can be over every feasible pair: a min-cost flow in which a unit
 * of supply per worker flows to a posting it may take (cost: the most any pair can score, less this pair's score) or
 * straight to the sink unplaced, and each posting passes on at most its openings. An exact auction solves it
 * ({@link OpeningAuction}), and goes on from its last assignment and prices when a round adds arcs.
 *
 * <p>Millions of workers times postings are too many arcs, so the flow starts from each worker's best
 * {@code candidatesPerWorker} feasible postings and then proves its optimum over all pairs (column generation): the
 * optimal flow prices every posting (what one more opening would add), so each worker's utility is their best pair
 * score less price among their arcs; a pair outside the arcs can improve the optimum only if it scores more than that
 * utility plus its posting's price. The search bounds what any posting it did not return can score, which settles
 * most workers at once; the others are searched again for such pairs, which become arcs of another round. The first
 * rounds' auctions stop within a hundredth of a point of their optimum (the very first within 0.08), since their
 * prices only choose the pairs to add; once a check adds few, the rounds are exact and price the postings from the
 * optimal flow, ending as soon as such prices prove their assignment optimal over the arcs rather than at the
 * auction's finest ε. When an exact round's check finds no pair left the optimum is proven. If rounds run out first,
 * the result says by how much the optimum could still exceed it: the duality gap of those prices, with every worker's
 * utility raised to their best pair outside the arcs.
 *
 * <p>Scores enter the flow as whole thousandths of a point, so the optimum is exact for scores rounded to 0.001
 * points: within 0.001 points per placed worker of the optimum of the unrounded scores.
 */
public final class BatchOptimiser {

    /** Scores are integers: points times this. */
    static final long SCALE = 1000;
    /** At most this many rounds (auctions); the later ones only when the check found pairs to add. */
    static final int MAX_ROUNDS = 14;
    /**
     * The first rounds stop the auction at ε of this many thousandths of a point, not at the exact optimum: their
     * prices only choose the pairs the check adds, and these rounds go on from each other in a few phases each, where
     * an exact round after a check costs ten. At 100,000 workers this halved the auctions' time.
     */
    static final long APPROXIMATE_EPSILON = 10;
    /**
     * The first round, from scratch, stops coarser still: its prices only choose the pairs the first check adds, and the
     * second round starts again from a large ε. At 100,000 workers its last phase was a fifth of the batch's bids; the
     * first check then adds 628,000 pairs rather than 549,000, and the rounds after it bid a fifth less in all.
     */
    static final long FIRST_APPROXIMATE_EPSILON = 80;
    /** Approximate rounds last while a check adds at least this share of a pair per worker, and at most this many. */
    static final double APPROXIMATE_WHILE_ADDED = 0.01;
    static final int MAX_APPROXIMATE_ROUNDS = 6;
    /**
     * Pairs the check adds per worker in a round, the most improving first. Twenty-four rather than eight saves a
     * round at 100,000 workers (the third check of 100k-tight found 2,739 pairs instead of 47,867), and changes
     * little at 10,000.
     */
    static final int ADDED_PER_WORKER = 24;
    /** Greedy passes before the first round that add arcs past the postings greedy fills. */
    static final int PRESEARCH_PASSES = 2;
    /**
     * Arcs each such pass adds per worker. Fifteen rather than ten, since the passes read lists without the postings
     * they pass: at 100,000 workers 12 % more arcs, a fifth fewer bids and one round less.
     */
    static final int EXTRA_PER_PASS = 15;
    /** Beyond this many postings whose price fell, a worker's recheck reads their lists instead. */
    static final int MAX_CHEAPER = 2000;
    /**
     * How far below their utility the check reads on for a worker without violations (in thousandths of a point), so
     * that the next check can pass over them unless a price fell by more than that plus their utility's rise.
     */
    static final long SLACK = 1000;
    /** Visits of postings, per posting, that pricing an exact round's assignment before its last phase may take. */
    static final int CERTIFY_VISITS = 8;
    /** Solves for online prices. */
    static final int PRICE_ROUNDS = 2;
    private static volatile boolean nativeLoaded;
    /** Prints each round's arcs and times to standard error, for the benchmark ({@code -Dchunfeng.batch.trace=true}). */
    static final boolean TRACE = Boolean.getBoolean("chunfeng.batch.trace");

    /** One worker's placement in the optimum. */
    public record Assignment(WorkerView worker, JobBoard.Slot slot, double score) {
        public JobView job() {
            return slot.job();
        }
    }

    /**
     * The optimum and what it took to find it.
     *
     * @param arcs worker-posting pairs in the last flow
     * @param rounds auctions run
     * @param gap how many points the optimum over every feasible pair could exceed {@code totalScore} by: 0 when proven
     *        optimal (as it is unless the rounds ran out)
     */
    public record Result(List<Assignment> assignments, double totalScore, int workers, long arcs, long searchMillis,
            long solveMillis, int rounds, double gap) {
    }

    private final JobBoard board;
    private final MatchRules rules;

    public BatchOptimiser(JobBoard board, MatchRules rules) {
        this.board = board;
        this.rules = rules;
    }

    public static synchronized void loadNativeLibrary() {
        if (!nativeLoaded) {
            Loader.loadNativeLibraries();
            nativeLoaded = true;
        }
    }

    /**
     * How far a batch has come, after each round: the rounds so far, the arcs of the last one, and how many points the
     * optimum over every feasible pair could still exceed the flow found (0 once it is proven optimal).
     */
    public record Progress(int rounds, long arcs, double gap) {
    }

    /** The optimal assignment of these workers to the board's openings left; the board itself is not changed. */
    public Result solve(List<WorkerView> workers, Instant now) {
        return solve(workers, now, progress -> { });
    }

    /**
     * The same, telling {@code progress} after each round, on the calling thread: at 100,000 workers a batch takes
     * about ten seconds, and the labour office follows it.
     */
    public Result solve(List<WorkerView> workers, Instant now, Consumer<Progress> progress) {
        Problem p = new Problem(workers, now, 1, 1.0, rules.settings().batchArcsPerWorker());
        p.progress = progress;
        p.optimise(MAX_ROUNDS);
        List<Assignment> assignments = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < p.n; i++) {
            for (int a = 0; a < p.jobs[i].length; a++) {
                if (p.flows[i][a] > 0) {
                    WorkerView w = workers.get(i);
                    JobBoard.Slot slot = board.slotAt(p.jobs[i][a]);
                    double score = rules.score(w, slot.job(), rules.roadKm(w, slot.job()), now);
                    assignments.add(new Assignment(w, slot, score));
                    total += score;
                    break;
                }
            }
        }
        return new Result(List.copyOf(assignments), total, p.n, p.arcCount(), p.searchNanos / 1_000_000,
                p.solveNanos / 1_000_000, p.rounds, p.gap / (double) SCALE);
    }

    /**
     * What one more opening of each posting would add to the optimal total score, if these workers stood for a
     * {@code share} of all who will come (each posting offering that share of its openings left). Indexed like the
     * board's slots; 0 for postings nobody here competes for.
     */
    public double[] prices(List<WorkerView> workers, Instant now, double share) {
        // A hundred units of supply per worker, so a share of a posting's openings is still (nearly) whole units.
        // A flow over each worker's candidatesPerWorker best postings and one round of the optimality check: at 10,000
        // workers, fewer arcs gave online 0.1% less, and a proven optimum of the sample no more.
        Problem p = new Problem(workers, now, 100, share, rules.settings().candidatesPerWorker());
        p.optimise(PRICE_ROUNDS);
        double[] prices = new double[board.capacity()];
        for (int s = 0; s < prices.length && s < p.price.length; s++) {
            prices[s] = p.price[s] / (double) SCALE;
        }
        return prices;
    }

    /** One batch: the workers, their arcs, the last flow over them and its prices. */
    private final class Problem {
        final List<WorkerView> workers;
        final Instant now;
        final int n;
        final int unit;
        final double share;
        final int firstArcs;
        final double[] workerPoints;
        final double[] bound;
        int[][] jobs;
        int[][] scores;
        int[][] flows;
        long[] price = new long[0];
        /** After an approximate round: each posting's price in the auction's finer units. */
        long[] approximatePrice;
        /**
         * The auction, kept from round to round: each goes on from the last one's assignment and prices, with the arcs
         * the check added since.
         */
        OpeningAuction auction;
        int[][] added;
        int[][] addedScores;
        long searchNanos;
        long solveNanos;
        int rounds;
        long gap;
        boolean[] lastFull;
        /** From the last check: prices, utilities, and which workers had no pair to add. */
        long[] checkedPrice;
        long[] checkedUtility;
        boolean[] clean;
        long[] slack;
        /** Arcs the last check added, and what the last auction took (for the trace). */
        int addedArcs;
        String auctionEffort;
        /**
         * When the last exact round was proven optimal before its last phase: the duality at the prices that proved it
         * (which stay the round's prices, so the check starts from it); null otherwise. And how many tries it took.
         */
        Duality proof;
        int proofTries;
        Consumer<Progress> progress = p -> { };

        Problem(List<WorkerView> workers, Instant now, int unit, double share, int firstArcs) {
            this.firstArcs = firstArcs;
            this.workers = workers;
            this.now = now;
            this.n = workers.size();
            this.unit = unit;
            this.share = share;
            this.workerPoints = new double[n];
            this.bound = new double[n];
            this.jobs = new int[n][];
            this.scores = new int[n][];
            this.flows = new int[n][];
        }

        long arcCount() {
            long c = 0;
            for (int[] j : jobs) {
                c += j.length;
            }
            return c;
        }

        void optimise(int maxRounds) {
            long t0 = System.nanoTime();
            search();
            if (TRACE) {
                System.err.printf("first search %d ms, %d arcs%n", (System.nanoTime() - t0) / 1_000_000, arcCount());
            }
            for (int pass = 0; pass < PRESEARCH_PASSES; pass++) {
                boolean[] full = greedyFull();
                if (full == null) {
                    break;
                }
                searchPast(full);
            }
            searchNanos += System.nanoTime() - t0;
            if (TRACE) {
                System.err.printf("search %d ms, %d arcs%n", (System.nanoTime() - t0) / 1_000_000, arcCount());
            }
            // Only the auction can stop short of the optimum; OR-Tools' flow, for online prices, is exact every round.
            boolean approximate = unit == 1;
            int approximateRounds = 0;
            while (true) {
                long t1 = System.nanoTime();
                if (unit == 1) {
                    auction(approximate);
                } else {
                    solveFlow();
                }
                rounds++;
                solveNanos += System.nanoTime() - t1;
                long t2 = System.nanoTime();
                if (!approximate && proof == null) {
                    priceOpenings();
                }
                if (maxRounds == 1) {
                    return;
                }
                boolean last = rounds >= maxRounds;
                boolean added = check(!last);
                searchNanos += System.nanoTime() - t2;
                progress.accept(new Progress(rounds, arcCount(), gap / (double) SCALE));
                if (TRACE) {
                    System.err.printf("round %d: %d arcs, %s %d ms, prices and check %d ms, gap %d, %d arcs to add%n",
                            rounds, arcCount(), unit == 1 ? (approximate ? "approximate " : "") + "auction ("
                                    + auctionEffort + ")" : "solve",
                            (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000, gap, addedArcs);
                }
                if (last) {
                    return;
                }
                if (approximate) {
                    approximate = ++approximateRounds < MAX_APPROXIMATE_ROUNDS
                            && addedArcs >= n * APPROXIMATE_WHILE_ADDED;
                } else if (!added) {
                    return;
                }
            }
        }

        /** Each worker's best feasible postings and a bound on what any other posting can earn them, in parallel. */
        void search() {
            board.tidy();
            int k = firstArcs;
            EveryCore.forEachWorker(n, () -> new CandidateSearch(board, rules), (search, i) -> {
                WorkerView w = workers.get(i);
                int found = search.searchQuietly(w, k);
                double wp = rules.workerPoints(w, now);
                workerPoints[i] = wp;
                bound[i] = search.bound();
                int[] js = new int[found];
                int[] ss = new int[found];
                for (int a = 0; a < found; a++) {
                    js[a] = search.slotIndex(a);
                    ss[a] = (int) Math.round((search.points(a) + wp) * SCALE);
                }
                jobs[i] = js;
                scores[i] = ss;
                flows[i] = new int[found];
            });
        }

        /**
         * Postings a greedy pass over the arcs fills (workers by their best pair score, each taking their best
         * posting with capacity left), or null if it fills none: where everyone's favourites are the same popular
         * few, these are the postings the optimum fills too, and each worker needs arcs past them.
         */
        boolean[] greedyFull() {
            long[] key = new long[n];
            for (int i = 0; i < n; i++) {
                int best = 0;
                for (int sc : scores[i]) {
                    best = Math.max(best, sc);
                }
                key[i] = ((long) best << 32) | (Integer.MAX_VALUE - i);
            }
            Arrays.sort(key);
            long[] left = new long[board.capacity()];
            boolean[] counted = new boolean[board.capacity()];
            boolean[] full = new boolean[board.capacity()];
            boolean any = false;
            for (int r = n - 1; r >= 0; r--) {
                int i = Integer.MAX_VALUE - (int) (key[r] & 0xffffffffL);
                int need = unit;
                int bestArc = -1;
                int bestScore = Integer.MIN_VALUE;
                for (int a = 0; a < jobs[i].length; a++) {
                    int s = jobs[i][a];
                    if (!counted[s]) {
                        counted[s] = true;
                        left[s] = capacity(board.slotAt(s));
                    }
                    if (left[s] > 0 && scores[i][a] > bestScore) {
                        bestScore = scores[i][a];
                        bestArc = a;
                    }
                }
                if (bestArc >= 0) {
                    int s = jobs[i][bestArc];
                    left[s] = Math.max(0, left[s] - need);
                    if (left[s] == 0 && !full[s]) {
                        full[s] = true;
                        any = true;
                    }
                }
            }
            if (!any || lastFull != null && Arrays.equals(full, lastFull)) {
                return null;
            }
            if (lastFull != null) {
                for (int s = 0; s < full.length; s++) {
                    full[s] |= lastFull[s];
                }
            }
            lastFull = full;
            return full;
        }

        /** Adds, for every worker with an arc to a posting in {@code full}, their best postings past those. */
        void searchPast(boolean[] full) {
            EveryCore.forEachWorker(n, () -> {
                CandidateSearch search = new CandidateSearch(board, rules);
                search.block(full);
                return search;
            }, (search, i) -> {
                boolean touched = false;
                for (int s : jobs[i]) {
                    touched |= full[s];
                }
                if (!touched) {
                    return;
                }
                int found = search.searchQuietly(workers.get(i), EXTRA_PER_PASS);
                int[] js = Arrays.copyOf(jobs[i], jobs[i].length + found);
                int[] ss = Arrays.copyOf(scores[i], scores[i].length + found);
                int m = jobs[i].length;
                outer:
                for (int a = 0; a < found; a++) {
                    int s = search.slotIndex(a);
                    for (int b = 0; b < jobs[i].length; b++) {
                        if (jobs[i][b] == s) {
                            continue outer;
                        }
                    }
                    js[m] = s;
                    ss[m++] = (int) Math.round((search.points(a) + workerPoints[i]) * SCALE);
                }
                jobs[i] = Arrays.copyOf(js, m);
                scores[i] = Arrays.copyOf(ss, m);
                flows[i] = new int[m];
            });
        }

        /**
         * The flow made optimal over the arcs, or within {@link #APPROXIMATE_EPSILON} of it, by auction: from scratch
         * in the first round, and after a check from the last round's assignment and prices, which are still optimal
         * (or nearly) for every arc but the added ones.
         */
        void auction(boolean approximate) {
            long units = OpeningAuction.unitsPerScore(n);
            if (auction == null) {
                long[] capacity = new long[board.capacity()];
                for (int s = 0; s < capacity.length; s++) {
                    capacity[s] = capacity(board.slotAt(s));
                }
                auction = new OpeningAuction(jobs, scores, flows, capacity, new long[0]);
            } else {
                if (added != null) {
                    auction.addArcs(added, addedScores);
                }
                // From the prices the last round's auction ended at, not the check's after an exact round: those are
                // the lowest that prove it, where every full posting's next taker is exactly indifferent, and a new arc
                // then set off long chains of bids (twice the bids of the round at 100,000 loose workers).
                auction.reprice(auction.postingPrices());
            }
            added = null;
            addedScores = null;
            // Where this round stops if approximate, and where the last one stopped.
            long approximateEpsilon = (rounds == 0 ? FIRST_APPROXIMATE_EPSILON : APPROXIMATE_EPSILON) * units;
            long lastEpsilon = (rounds == 1 ? FIRST_APPROXIMATE_EPSILON : APPROXIMATE_EPSILON) * units;
            // ε starts at an eighth of the most a worker would gain by moving, but an exact round that goes on from
            // another starts smaller, since a large first ε moves many workers only to move them back. After approximate
            // rounds every worker is already within their ε; after an exact round all are at their best but the few to
            // whom the check gave pairs, and a thousandth of a point halved those rounds' time at 100,000 workers (a
            // hundred times less started a price war).
            long firstEpsilon = approximate || rounds == 0 ? Long.MAX_VALUE
                    : approximatePrice != null ? lastEpsilon : units;
            // An exact round's assignment is often optimal phases before ε reaches its last, finest value: the later
            // phases only narrow the prices. Prices that prove it end the round there.
            proof = null;
            proofTries = 0;
            auction.improve(approximate ? approximateEpsilon : 1, firstEpsilon, approximate ? () -> false : () -> {
                proofTries++;
                takeAssignment(auction);
                proof = proveOptimal();
                return proof != null;
            });
            if (approximate) {
                approximatePrice = auction.postingPrices();
                price = new long[approximatePrice.length];
                for (int s = 0; s < price.length; s++) {
                    price[s] = approximatePrice[s] / units;
                }
            } else {
                approximatePrice = null;
            }
            if (proof == null) {
                // A proven round's assignment was taken for its proof.
                takeAssignment(auction);
            }
            auctionEffort = auction.effort() + (proofTries == 0 ? "" : ", " + proofTries
                    + (proofTries == 1 ? " try" : " tries") + " to prove it early" + (proof != null ? "" : ", none did"));
        }

        private void takeAssignment(OpeningAuction auction) {
            EveryCore.forEachWorker(n, i -> {
                Arrays.fill(flows[i], 0);
                int held = auction.heldArc(i);
                if (held >= 0) {
                    flows[i][held] = unit;
                }
            });
        }

        /**
         * The same by OR-Tools' min-cost flow, from scratch: for online prices, where a worker supplies a hundred
         * units and a posting a share of its openings, which the auction's one opening a unit cannot express.
         */
        void solveFlow() {
            loadNativeLibrary();
            int[] nodeOfSlot = new int[board.capacity()];
            Arrays.fill(nodeOfSlot, -1);
            int postings = 0;
            int maxScore = 0;
            long arcs = 0;
            int[] slotOfNode = new int[Math.min(board.capacity(), 1024)];
            for (int i = 0; i < n; i++) {
                arcs += jobs[i].length;
                for (int a = 0; a < jobs[i].length; a++) {
                    int s = jobs[i][a];
                    maxScore = Math.max(maxScore, scores[i][a]);
                    if (nodeOfSlot[s] < 0) {
                        if (postings == slotOfNode.length) {
                            slotOfNode = Arrays.copyOf(slotOfNode, postings * 2);
                        }
                        slotOfNode[postings] = s;
                        nodeOfSlot[s] = n + postings++;
                    }
                }
            }
            int sink = n + postings;
            long unplaced = maxScore + 1L;
            MinCostFlow solver = new MinCostFlow(sink + 1, (int) Math.min(Integer.MAX_VALUE, arcs + n + postings));
            try {
                int[] firstArc = new int[n];
                int[] bypassArc = new int[n];
                for (int i = 0; i < n; i++) {
                    solver.setNodeSupply(i, unit);
                    firstArc[i] = -1;
                    for (int a = 0; a < jobs[i].length; a++) {
                        int arc = solver.addArcWithCapacityAndUnitCost(i, nodeOfSlot[jobs[i][a]], unit,
                                unplaced - scores[i][a]);
                        if (a == 0) {
                            firstArc[i] = arc;
                        }
                    }
                    bypassArc[i] = solver.addArcWithCapacityAndUnitCost(i, sink, unit, unplaced);
                }
                for (int j = 0; j < postings; j++) {
                    solver.addArcWithCapacityAndUnitCost(n + j, sink, capacity(board.slotAt(slotOfNode[j])), 0);
                }
                solver.setNodeSupply(sink, -(long) n * unit);
                MinCostFlowBase.Status status = solver.solve();
                if (status != MinCostFlowBase.Status.OPTIMAL) {
                    throw new IllegalStateException("The min-cost flow solver answered " + status);
                }
                for (int i = 0; i < n; i++) {
                    int[] f = new int[jobs[i].length];
                    long left = unit - solver.getFlow(bypassArc[i]);
                    for (int a = 0; a < f.length && left > 0; a++) {
                        f[a] = (int) solver.getFlow(firstArc[i] + a);
                        left -= f[a];
                    }
                    flows[i] = f;
                }
            } finally {
                solver.delete();
            }
        }

        long capacity(JobBoard.Slot slot) {
            return Math.round(slot.remaining() * (double) unit * share);
        }

        /**
         * Each posting's price from the solved flow ({@link OpeningPrices}): what one more unit of its capacity would
         * save, 0 for postings not full.
         */
        void priceOpenings() {
            // The auction's own last prices guide the search; should they mislead it, it goes without.
            if (!priceOpenings(Long.MAX_VALUE, auction != null) && !priceOpenings(Long.MAX_VALUE, false)) {
                throw new IllegalStateException("The batch's flow is not optimal over its arcs");
            }
        }

        /**
         * The same within {@code budget} visits of postings, guided by the auction's prices or not; false if the flow
         * is not optimal or the budget ran out first.
         */
        boolean priceOpenings(long budget, boolean guided) {
            long[] prices = OpeningPrices.of(jobs, scores, flows, unit, board.capacity(), budget,
                    guided ? auction.postingPrices() : null, OpeningAuction.unitsPerScore(n));
            if (prices == null) {
                return false;
            }
            price = prices;
            return true;
        }

        /**
         * A proof that the flow is already optimal over its arcs: prices for which the dual bound equals the flow's
         * total (see {@link #duality}), which proves it in whole thousandths whatever produced the prices. The prices
         * are the residual graph's, tried within a budget of visits; on success they stay as the round's prices, and the
         * duality that proved it is returned (null when none did).
         */
        Duality proveOptimal() {
            if (!priceOpenings(CERTIFY_VISITS * (long) board.capacity(), true)) {
                return null;
            }
            Duality over = duality();
            return over.dual() == over.primal() ? over : null;
        }

        /**
         * The flow's total and, at the current prices, each worker's utility (their best pair less price among their
         * arcs, or 0) and the dual bound: the utilities plus every posting's price times its openings, which bounds the
         * optimum over the arcs from above whatever the prices.
         */
        Duality duality() {
            long[] utility = new long[n];
            long[] held = new long[n];
            EveryCore.forEachWorker(n, i -> {
                long u = 0;
                long h = 0;
                for (int a = 0; a < jobs[i].length; a++) {
                    u = Math.max(u, scores[i][a] - price[jobs[i][a]]);
                    h += (long) flows[i][a] * scores[i][a];
                }
                utility[i] = u;
                held[i] = h;
            });
            long primal = 0;
            long dual = 0;
            for (int i = 0; i < n; i++) {
                primal += held[i];
                dual += utility[i] * unit;
            }
            // Only a posting with arcs has a price: the flow's residual paths and the auction's bids reach no other.
            for (int s = 0; s < price.length; s++) {
                if (price[s] > 0) {
                    dual += price[s] * capacity(board.slotAt(s));
                }
            }
            return new Duality(primal, dual, utility);
        }

        /**
         * The optimality check. Each worker's utility is their best pair score less price among their arcs (0 if
         * none is positive); the prices and utilities bound the optimum over every pair from above once no pair
         * outside the arcs beats its worker's utility plus its price. Adds the best such pairs as arcs when asked and
         * records the gap this proves; returns whether any pair was added.
         */
        boolean check(boolean add) {
            Duality over = proof != null ? proof : duality();
            long[] utility = over.utility();
            long primal = over.primal();
            long dual = over.dual();
            int[][] extraJobs = new int[n][];
            int[][] extraScores = new int[n][];
            long[] excess = new long[n];
            int limit = add ? ADDED_PER_WORKER : 1;
            Cheaper cheaper = cheaperSinceLastCheck();
            boolean[] nowClean = new boolean[n];
            long[] nowSlack = new long[n];
            EveryCore.forEachWorker(n, () -> new CandidateSearch(board, rules), (search, i) -> {
                WorkerView w = workers.get(i);
                // What any posting the search did not return can score: none beats the utility, by at least this.
                long boundSlack = bound[i] == Double.NEGATIVE_INFINITY ? SLACK
                        : utility[i] - Math.round((bound[i] + workerPoints[i]) * SCALE);
                if (boundSlack >= 0) {
                    nowClean[i] = true;
                    nowSlack[i] = Math.min(SLACK, boundSlack);
                    return;
                }
                // Since the last check every pair left out gained at most its posting's price fall less the
                // worker's utility rise, so only postings whose price fell by more than the slack plus that rise
                // can hold a violation now.
                long allowance = cheaper != null && clean[i] ? slack[i] + utility[i] - checkedUtility[i] : -1;
                int among = allowance < 0 ? -1 : cheaper.fallingBy(allowance);
                int found = among >= 0 && among <= MAX_CHEAPER
                        ? search.violationsAmong(w, workerPoints[i], SCALE, price, utility[i], limit, cheaper.postings,
                                among, jobs[i], Math.min(SLACK, allowance - cheaper.fallAt(among)))
                        : search.violations(w, workerPoints[i], SCALE, price, utility[i], limit, jobs[i], SLACK);
                if (found == 0) {
                    nowClean[i] = true;
                    nowSlack[i] = search.slack();
                    return;
                }
                excess[i] = (long) search.bound();
                int[] js = new int[found];
                int[] ss = new int[found];
                for (int a = 0; a < found; a++) {
                    int s = search.slotIndex(a);
                    js[a] = s;
                    ss[a] = (int) (Math.round(search.points(a)) + price[s] + utility[i]);
                }
                extraJobs[i] = js;
                extraScores[i] = ss;
            });
            checkedPrice = price;
            checkedUtility = utility;
            clean = nowClean;
            slack = nowSlack;
            long raised = 0;
            boolean added = false;
            addedArcs = 0;
            for (int i = 0; i < n; i++) {
                raised += excess[i] * unit;
                if (add && extraJobs[i] != null) {
                    int m = jobs[i].length;
                    jobs[i] = Arrays.copyOf(jobs[i], m + extraJobs[i].length);
                    scores[i] = Arrays.copyOf(scores[i], m + extraJobs[i].length);
                    System.arraycopy(extraJobs[i], 0, jobs[i], m, extraJobs[i].length);
                    System.arraycopy(extraScores[i], 0, scores[i], m, extraScores[i].length);
                    flows[i] = Arrays.copyOf(flows[i], m + extraJobs[i].length);
                    added = true;
                    addedArcs += extraJobs[i].length;
                }
            }
            gap = Math.max(0, dual + raised - primal) / unit;
            if (added) {
                this.added = extraJobs;
                this.addedScores = extraScores;
            }
            return added;
        }

        /** The postings whose price fell since the last check, by how much, most first; null before the first check. */
        Cheaper cheaperSinceLastCheck() {
            if (checkedPrice == null) {
                return null;
            }
            int m = 0;
            long[] keyed = new long[price.length];
            for (int s = 0; s < price.length; s++) {
                long fall = (s < checkedPrice.length ? checkedPrice[s] : 0) - price[s];
                if (fall > 0) {
                    // Falls are whole thousandths of a point, far below 2^31; the posting rides in the low bits.
                    keyed[m++] = -(Math.min(fall, Integer.MAX_VALUE) << 32 | s);
                }
            }
            Arrays.sort(keyed, 0, m);
            int[] postings = new int[m];
            long[] falls = new long[m];
            for (int k = 0; k < m; k++) {
                postings[k] = (int) (-keyed[k] & 0xffffffffL);
                falls[k] = -keyed[k] >>> 32;
            }
            return new Cheaper(postings, falls);
        }
    }

    /** A flow's total, its workers' utilities at some prices, and the dual bound they give. */
    private record Duality(long primal, long dual, long[] utility) {
    }

    /** Postings whose price fell since the last check, the largest fall first. */
    private record Cheaper(int[] postings, long[] falls) {

        /** How many fell by more than {@code amount}: the first that many. */
        int fallingBy(long amount) {
            int lo = 0;
            int hi = falls.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (falls[mid] > amount) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** The fall of the posting at this place, 0 past the last: the most any posting from there on fell. */
        long fallAt(int at) {
            return at < falls.length ? falls[at] : 0;
        }
    }
}
