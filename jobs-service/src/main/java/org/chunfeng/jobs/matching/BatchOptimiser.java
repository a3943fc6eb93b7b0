package org.chunfeng.jobs.matching;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The best assignment of many waiting workers at once: each worker to at most one posting, each posting to at most
 * its openings left, the total score as high as it can be. It is a min-cost flow (OR-Tools' exact solver): a unit of
 * supply per worker flows to a posting it may take (cost: the most any pair can score, less this pair's score) or
 * straight to the sink unplaced (cost: the most any pair can score), and each posting passes on at most its openings.
 * Each worker is weighed against their best {@code candidatesPerWorker} feasible postings, found through the board's
 * indexes, so the flow stays millions of arcs, not workers times postings.
 *
 * <p>The same flow also prices openings ({@link #prices}): the score one more opening of a posting would add to the
 * optimum, read off the solved flow's residual graph. Online matching uses those prices to leave scarce openings to
 * the workers who gain most from them.
 */
public final class BatchOptimiser {

    /** Costs are integers: score points times this. */
    static final long SCALE = 1000;
    /** At most this many solves: the first over each worker's best postings, then rounds past full postings. */
    static final int MAX_ROUNDS = 3;
    /** Arcs each further round adds per worker. */
    static final int EXTRA_PER_ROUND = 10;
    private static volatile boolean nativeLoaded;

    /** One worker's placement in the optimum. */
    public record Assignment(WorkerView worker, JobBoard.Slot slot, double score) {
        public JobView job() {
            return slot.job();
        }
    }

    /** The optimum and what it took to find it. */
    public record Result(List<Assignment> assignments, double totalScore, int workers, long arcs, long searchMillis,
            long solveMillis) {
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

    /** The optimal assignment of these workers to the board's openings left; the board itself is not changed. */
    public Result solve(List<WorkerView> workers, Instant now) {
        long started = System.nanoTime();
        long[] searchNanos = new long[1];
        Arcs[] arcsHolder = new Arcs[1];
        Flow flow = optimum(workers, now, 1, 1.0, arcsHolder, searchNanos);
        Arcs arcs = arcsHolder[0];
        try {
            List<Assignment> assignments = new ArrayList<>();
            double total = 0;
            for (int i = 0; i < arcs.workers; i++) {
                for (int a = 0; a < arcs.jobs[i].length; a++) {
                    if (flow.solver.getFlow(flow.firstArc[i] + a) > 0) {
                        double score = arcs.scores[i][a] / (double) SCALE;
                        assignments.add(new Assignment(workers.get(i), board.slotAt(arcs.jobs[i][a]), score));
                        total += score;
                        break;
                    }
                }
            }
            long solved = System.nanoTime();
            return new Result(List.copyOf(assignments), total, arcs.workers, arcs.count, searchNanos[0] / 1_000_000,
                    (solved - started - searchNanos[0]) / 1_000_000);
        } finally {
            flow.solver.delete();
        }
    }

    /**
     * What one more opening of each posting would add to the optimal total score, if these workers stood for a
     * {@code share} of all who will come (each posting offering that share of its openings left). Indexed like the
     * board's slots; 0 for postings nobody here competes for.
     */
    public double[] prices(List<WorkerView> workers, Instant now, double share) {
        int perWorker = 100;
        Arcs[] arcsHolder = new Arcs[1];
        Flow flow = optimum(workers, now, perWorker, share, arcsHolder, new long[1]);
        Arcs arcs = arcsHolder[0];
        try {
            double[] prices = new double[board.capacity()];
            long[] distance = residualDistancesFromSink(arcs, flow, perWorker);
            for (int j = 0; j < flow.jobNodes.size(); j++) {
                long d = distance[arcs.workers + j];
                if (d != Long.MAX_VALUE && d < 0) {
                    prices[flow.jobNodes.get(j).index()] = -d / (double) SCALE;
                }
            }
            return prices;
        } finally {
            flow.solver.delete();
        }
    }

    /**
     * The optimal flow. Everyone's best postings are often the same popular few, which the first optimum fills. Each
     * further round gives every worker arcs to their best postings among those not yet full and solves again, until a
     * round adds nothing or fills nothing new: the pricing step of column generation, with prices only on full
     * postings.
     */
    private Flow optimum(List<WorkerView> workers, Instant now, int perWorker, double share, Arcs[] arcsOut,
            long[] searchNanos) {
        long t0 = System.nanoTime();
        Arcs arcs = arcs(workers, now, null, rules.settings().candidatesPerWorker());
        searchNanos[0] += System.nanoTime() - t0;
        Flow flow = flow(arcs, perWorker, share);
        for (int round = 1; round < MAX_ROUNDS; round++) {
            boolean[] full = fullPostings(arcs, flow);
            if (full == null) {
                break;
            }
            long t = System.nanoTime();
            Arcs more = arcs(workers, now, full, EXTRA_PER_ROUND);
            searchNanos[0] += System.nanoTime() - t;
            if (!arcs.absorb(more)) {
                break;
            }
            flow.solver.delete();
            flow = flow(arcs, perWorker, share);
        }
        arcsOut[0] = arcs;
        return flow;
    }

    /** Each worker's candidate postings (slot indexes) and pair scores, found in parallel. */
    private Arcs arcs(List<WorkerView> workers, Instant now, boolean[] blocked, int k) {
        board.tidy();
        int n = workers.size();
        Arcs arcs = new Arcs(n);
        int chunk = 1024;
        int chunks = (n + chunk - 1) / chunk;
        AtomicInteger next = new AtomicInteger();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), chunks));
        IntStream.range(0, threads).parallel().forEach(t -> {
            CandidateSearch search = new CandidateSearch(board, rules);
            search.block(blocked);
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                for (int i = c * chunk, end = Math.min(n, i + chunk); i < end; i++) {
                    WorkerView w = workers.get(i);
                    int found = search.searchQuietly(w, k);
                    double workerPoints = rules.workerPoints(w, now);
                    int[] jobs = new int[found];
                    long[] scores = new long[found];
                    for (int a = 0; a < found; a++) {
                        jobs[a] = search.slot(a).index();
                        scores[a] = Math.round((search.points(a) + workerPoints) * SCALE);
                    }
                    arcs.jobs[i] = jobs;
                    arcs.scores[i] = scores;
                }
            }
        });
        for (int i = 0; i < n; i++) {
            arcs.count += arcs.jobs[i].length;
            for (long s : arcs.scores[i]) {
                arcs.maxScore = Math.max(arcs.maxScore, s);
            }
        }
        return arcs;
    }

    /** Postings (by slot index) the flow filled to capacity, or null if it filled none it had not before. */
    private boolean[] fullPostings(Arcs arcs, Flow flow) {
        boolean[] full = new boolean[board.capacity()];
        boolean any = false;
        for (int j = 0; j < flow.jobNodes.size(); j++) {
            long capacity = flow.solver.getCapacity(flow.jobArc[j]);
            if (capacity > 0 && flow.solver.getFlow(flow.jobArc[j]) >= capacity) {
                full[flow.jobNodes.get(j).index()] = true;
                any = true;
            }
        }
        if (!any || java.util.Arrays.equals(full, arcs.lastFull)) {
            return null;
        }
        arcs.lastFull = full;
        return full;
    }

    private Flow flow(Arcs arcs, int perWorker, double share) {
        loadNativeLibrary();
        int n = arcs.workers;
        int[] nodeOfSlot = new int[board.capacity()];
        Arrays.fill(nodeOfSlot, -1);
        List<JobBoard.Slot> jobNodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int s : arcs.jobs[i]) {
                if (nodeOfSlot[s] < 0) {
                    nodeOfSlot[s] = n + jobNodes.size();
                    jobNodes.add(board.slotAt(s));
                }
            }
        }
        int sink = n + jobNodes.size();
        long unplaced = arcs.maxScore + 1;
        MinCostFlow solver = new MinCostFlow(sink + 1, (int) Math.min(Integer.MAX_VALUE, arcs.count + n + jobNodes.size()));
        int[] firstArc = new int[n];
        int[] bypassArc = new int[n];
        for (int i = 0; i < n; i++) {
            solver.setNodeSupply(i, perWorker);
            firstArc[i] = -1;
            for (int a = 0; a < arcs.jobs[i].length; a++) {
                int arc = solver.addArcWithCapacityAndUnitCost(i, nodeOfSlot[arcs.jobs[i][a]], perWorker,
                        unplaced - arcs.scores[i][a]);
                if (a == 0) {
                    firstArc[i] = arc;
                }
            }
            bypassArc[i] = solver.addArcWithCapacityAndUnitCost(i, sink, perWorker, unplaced);
        }
        int[] jobArc = new int[jobNodes.size()];
        for (int j = 0; j < jobNodes.size(); j++) {
            long capacity = Math.round(jobNodes.get(j).remaining() * (double) perWorker * share);
            jobArc[j] = solver.addArcWithCapacityAndUnitCost(n + j, sink, capacity, 0);
        }
        solver.setNodeSupply(sink, -(long) n * perWorker);
        MinCostFlowBase.Status status = solver.solve();
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            solver.delete();
            throw new IllegalStateException("The min-cost flow solver answered " + status);
        }
        return new Flow(solver, firstArc, bypassArc, jobArc, nodeOfSlot, jobNodes, unplaced);
    }

    /**
     * Shortest distances from the sink in the residual graph of the optimal flow (no negative cycles there, since the
     * flow is optimal). Minus the distance to a posting is what one more unit of its capacity saves.
     */
    private static long[] residualDistancesFromSink(Arcs arcs, Flow flow, int perWorker) {
        int n = arcs.workers;
        int jobs = flow.jobNodes.size();
        int sink = n + jobs;
        int nodes = sink + 1;
        // Residual arcs as (tail, head, cost) lists in compressed rows.
        int[] degree = new int[nodes + 1];
        List<long[]> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < arcs.jobs[i].length; a++) {
                long f = flow.solver.getFlow(flow.firstArc[i] + a);
                int j = flow.nodeOfSlot[arcs.jobs[i][a]];
                long cost = flow.unplaced - arcs.scores[i][a];
                if (f < perWorker) {
                    edges.add(new long[] {i, j, cost});
                }
                if (f > 0) {
                    edges.add(new long[] {j, i, -cost});
                }
            }
            long f = flow.solver.getFlow(flow.bypassArc[i]);
            if (f < perWorker) {
                edges.add(new long[] {i, sink, flow.unplaced});
            }
            if (f > 0) {
                edges.add(new long[] {sink, i, -flow.unplaced});
            }
        }
        for (int j = 0; j < jobs; j++) {
            long f = flow.solver.getFlow(flow.jobArc[j]);
            if (f < flow.solver.getCapacity(flow.jobArc[j])) {
                edges.add(new long[] {n + j, sink, 0});
            }
            if (f > 0) {
                edges.add(new long[] {sink, n + j, 0});
            }
        }
        for (long[] e : edges) {
            degree[(int) e[0] + 1]++;
        }
        for (int v = 0; v < nodes; v++) {
            degree[v + 1] += degree[v];
        }
        int[] head = new int[edges.size()];
        long[] cost = new long[edges.size()];
        int[] fill = Arrays.copyOf(degree, nodes);
        for (long[] e : edges) {
            int at = fill[(int) e[0]]++;
            head[at] = (int) e[1];
            cost[at] = e[2];
        }
        long[] distance = new long[nodes];
        Arrays.fill(distance, Long.MAX_VALUE);
        boolean[] queued = new boolean[nodes];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        distance[sink] = 0;
        queue.add(sink);
        queued[sink] = true;
        while (!queue.isEmpty()) {
            int u = queue.poll();
            queued[u] = false;
            for (int e = degree[u]; e < degree[u + 1]; e++) {
                int v = head[e];
                long d = distance[u] + cost[e];
                if (d < distance[v]) {
                    distance[v] = d;
                    if (!queued[v]) {
                        queued[v] = true;
                        if (!queue.isEmpty() && d < distance[queue.peekFirst()]) {
                            queue.addFirst(v);
                        } else {
                            queue.addLast(v);
                        }
                    }
                }
            }
        }
        return distance;
    }

    private static final class Arcs {
        final int workers;
        final int[][] jobs;
        final long[][] scores;
        long count;
        long maxScore = 1;
        boolean[] lastFull;

        Arcs(int workers) {
            this.workers = workers;
            this.jobs = new int[workers][];
            this.scores = new long[workers][];
        }

        /** Adds the other arcs this one lacks; true if there were any. */
        boolean absorb(Arcs other) {
            boolean added = false;
            for (int i = 0; i < workers; i++) {
                int[] mine = jobs[i];
                int[] theirs = other.jobs[i];
                int fresh = 0;
                int[] keep = new int[theirs.length];
                outer:
                for (int a = 0; a < theirs.length; a++) {
                    for (int m : mine) {
                        if (m == theirs[a]) {
                            continue outer;
                        }
                    }
                    keep[fresh++] = a;
                }
                if (fresh == 0) {
                    continue;
                }
                int[] mergedJobs = Arrays.copyOf(mine, mine.length + fresh);
                long[] mergedScores = Arrays.copyOf(scores[i], mine.length + fresh);
                for (int f = 0; f < fresh; f++) {
                    mergedJobs[mine.length + f] = theirs[keep[f]];
                    mergedScores[mine.length + f] = other.scores[i][keep[f]];
                    maxScore = Math.max(maxScore, other.scores[i][keep[f]]);
                }
                jobs[i] = mergedJobs;
                scores[i] = mergedScores;
                count += fresh;
                added = true;
            }
            return added;
        }
    }

    private record Flow(MinCostFlow solver, int[] firstArc, int[] bypassArc, int[] jobArc, int[] nodeOfSlot,
            List<JobBoard.Slot> jobNodes, long unplaced) {
    }
}
