package org.chunfeng.jobs.matching;

import java.util.Arrays;

/**
 * Brings an optimal batch flow back to optimal after a few arcs were added, instead of solving it again from
 * scratch: the later rounds of {@link BatchOptimiser} add a handful of pairs to millions, and a solve from scratch
 * costs the same whatever was added.
 *
 * <p>The flow's prices and the workers' utilities are node potentials under which every arc of the residual graph
 * (workers, postings, the sink) has a reduced cost of at least 0, except the added arcs that pay more than their
 * worker's utility. Those are saturated, which leaves their posting with a unit too many and their worker with a unit
 * too few; successive shortest paths (Dijkstra over reduced costs, potentials updated after each) then move each
 * surplus unit to a worker short of one. The result is optimal over every arc, as a solve from scratch would be.
 * Scores and capacities are whole units; each worker supplies one unit.
 */
final class FlowRepair {

    private final int n;
    private final int sink;
    private final int[][] jobs;
    private final int[][] scores;
    private final int[][] flows;
    private final long[] capacity;
    /** Node potentials: workers, then postings by slot, then the sink. */
    private final long[] potential;
    /** Units each posting passes on to the sink, and units each worker sends straight there (0 or 1). */
    private final long[] toSink;
    /** Workers sending their unit straight to the sink, and postings passing some on: the sink's residual arcs. */
    private final IndexSet unplaced;
    private final IndexSet passing;
    private final int[] surplus;
    private final int[] shortfall;
    /** Each posting's holders: worker and arc index, packed. */
    private final long[][] holders;
    private final int[] holderCount;

    private final long[] distance;
    private final boolean[] reached;
    private final boolean[] settled;
    private final int[] parent;
    private final int[] parentArc;
    private int[] touched;
    private int touchedCount;
    private long[] heap = new long[1024];
    private long[] heapKeys = new long[1024];
    private int heapSize;

    /**
     * @param capacity openings left per slot (index as the board's), for slots on some arc
     * @param price the flow's price per slot; {@code utility} each worker's, from the same check
     */
    FlowRepair(int[][] jobs, int[][] scores, int[][] flows, long[] capacity, long[] price, long[] utility) {
        this.n = jobs.length;
        int slots = capacity.length;
        this.sink = n + slots;
        this.jobs = jobs;
        this.scores = scores;
        this.flows = flows;
        this.capacity = capacity;
        int nodes = sink + 1;
        this.potential = new long[nodes];
        this.toSink = new long[slots];
        this.unplaced = new IndexSet(n);
        this.passing = new IndexSet(slots);
        this.surplus = new int[slots];
        this.shortfall = new int[n];
        this.holderCount = new int[slots];
        this.distance = new long[nodes];
        this.reached = new boolean[nodes];
        this.settled = new boolean[nodes];
        this.parent = new int[nodes];
        this.parentArc = new int[nodes];
        this.touched = new int[1024];
        for (int i = 0; i < n; i++) {
            potential[i] = utility[i];
            int held = 0;
            for (int a = 0; a < jobs[i].length; a++) {
                if (flows[i][a] > 0) {
                    held++;
                    holderCount[jobs[i][a]]++;
                }
            }
            if (held == 0) {
                unplaced.add(i);
            }
        }
        for (int s = 0; s < slots; s++) {
            potential[n + s] = -price[s];
        }
        this.holders = new long[slots][];
        for (int s = 0; s < slots; s++) {
            holders[s] = new long[Math.max(2, holderCount[s])];
            toSink[s] = holderCount[s];
            if (toSink[s] > 0) {
                passing.add(s);
            }
            holderCount[s] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < jobs[i].length; a++) {
                if (flows[i][a] > 0) {
                    addHolder(jobs[i][a], i, a);
                }
            }
        }
    }

    /**
     * Saturates every arc that pays more than its worker's utility at these prices and rebalances; returns how many
     * arcs it saturated.
     */
    int repair() {
        int saturated = 0;
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < jobs[i].length; a++) {
                int s = jobs[i][a];
                if (flows[i][a] == 0 && reducedToPosting(i, a) < 0) {
                    flows[i][a] = 1;
                    addHolder(s, i, a);
                    surplus[s]++;
                    shortfall[i]++;
                    saturated++;
                }
            }
        }
        for (int s = 0; s < surplus.length; s++) {
            while (surplus[s] > 0) {
                augmentFrom(n + s);
            }
        }
        return saturated;
    }

    private long reducedToPosting(int i, int a) {
        return -(long) scores[i][a] + potential[i] - potential[n + jobs[i][a]];
    }

    /** One shortest path from a posting with a unit too many to a worker short of one, then the unit moved along it. */
    private void augmentFrom(int source) {
        touchedCount = 0;
        heapSize = 0;
        reach(source, 0, -1, -1);
        int target = -1;
        while (heapSize > 0) {
            long top = pop();
            int v = (int) (top & 0xffffffffL);
            if (settled[v]) {
                continue;
            }
            settled[v] = true;
            if (v < n && shortfall[v] > 0) {
                target = v;
                break;
            }
            relaxFrom(v);
        }
        if (target < 0) {
            throw new IllegalStateException("No path to rebalance the batch flow");
        }
        long limit = distance[target];
        for (int t = 0; t < touchedCount; t++) {
            int v = touched[t];
            if (settled[v] && distance[v] < limit) {
                // Keeps every reduced cost at least 0 and makes those along the path 0.
                potential[v] -= limit - distance[v];
            }
        }
        for (int v = target; v != source; v = parent[v]) {
            move(parent[v], v, parentArc[v]);
        }
        surplus[source - n]--;
        shortfall[target]--;
        for (int t = 0; t < touchedCount; t++) {
            int v = touched[t];
            reached[v] = false;
            settled[v] = false;
        }
    }

    private void relaxFrom(int v) {
        long dv = distance[v];
        if (v < n) {
            int i = v;
            for (int a = 0; a < jobs[i].length; a++) {
                if (flows[i][a] == 0) {
                    reach(n + jobs[i][a], dv + reducedToPosting(i, a), i, a);
                }
            }
            if (!unplaced.contains(i)) {
                reach(sink, dv + potential[i] - potential[sink], i, -1);
            }
        } else if (v < sink) {
            int s = v - n;
            for (int h = 0; h < holderCount[s]; h++) {
                int i = (int) (holders[s][h] >>> 32);
                int a = (int) holders[s][h];
                // Taking the worker off this posting gives back their score.
                reach(i, dv + scores[i][a] + potential[v] - potential[i], v, a);
            }
            if (toSink[s] < capacity[s]) {
                reach(sink, dv + potential[v] - potential[sink], v, -1);
            }
        } else {
            for (int k = 0; k < passing.size; k++) {
                int s = passing.members[k];
                reach(n + s, dv + potential[sink] - potential[n + s], sink, -1);
            }
            for (int k = 0; k < unplaced.size; k++) {
                int i = unplaced.members[k];
                reach(i, dv + potential[sink] - potential[i], sink, -1);
            }
        }
    }

    /** Moves one unit along the residual arc from {@code from} to {@code to}. */
    private void move(int from, int to, int arc) {
        if (from < n) {
            if (to == sink) {
                unplaced.add(from);
            } else {
                flows[from][arc] = 1;
                addHolder(to - n, from, arc);
            }
        } else if (from < sink) {
            int s = from - n;
            if (to == sink) {
                if (toSink[s]++ == 0) {
                    passing.add(s);
                }
            } else {
                flows[to][arc] = 0;
                removeHolder(s, to, arc);
            }
        } else if (to < n) {
            unplaced.remove(to);
        } else if (--toSink[to - n] == 0) {
            passing.remove(to - n);
        }
    }

    private void reach(int v, long d, int from, int arc) {
        if (!reached[v]) {
            reached[v] = true;
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = v;
        } else if (settled[v] || d >= distance[v]) {
            return;
        }
        distance[v] = d;
        parent[v] = from;
        parentArc[v] = arc;
        push(d, v);
    }

    private void addHolder(int s, int i, int a) {
        if (holderCount[s] == holders[s].length) {
            holders[s] = Arrays.copyOf(holders[s], holderCount[s] * 2);
        }
        holders[s][holderCount[s]++] = ((long) i << 32) | (a & 0xffffffffL);
    }

    private void removeHolder(int s, int i, int a) {
        long key = ((long) i << 32) | (a & 0xffffffffL);
        for (int h = 0; h < holderCount[s]; h++) {
            if (holders[s][h] == key) {
                holders[s][h] = holders[s][--holderCount[s]];
                return;
            }
        }
        throw new IllegalStateException("Worker " + i + " does not hold slot " + s);
    }

    // A binary heap of (distance, node) pairs; a node may be in it more than once, the stale copies are skipped.
    private void push(long d, int v) {
        if (heapSize == heap.length) {
            heap = Arrays.copyOf(heap, heapSize * 2);
            heapKeys = Arrays.copyOf(heapKeys, heapSize * 2);
        }
        int at = heapSize++;
        while (at > 0) {
            int up = (at - 1) >>> 1;
            if (heapKeys[up] <= d) {
                break;
            }
            heap[at] = heap[up];
            heapKeys[at] = heapKeys[up];
            at = up;
        }
        heap[at] = v;
        heapKeys[at] = d;
    }

    private long pop() {
        long top = heap[0];
        heapSize--;
        if (heapSize > 0) {
            long v = heap[heapSize];
            long d = heapKeys[heapSize];
            int at = 0;
            while (true) {
                int child = 2 * at + 1;
                if (child >= heapSize) {
                    break;
                }
                if (child + 1 < heapSize && heapKeys[child + 1] < heapKeys[child]) {
                    child++;
                }
                if (heapKeys[child] >= d) {
                    break;
                }
                heap[at] = heap[child];
                heapKeys[at] = heapKeys[child];
                at = child;
            }
            heap[at] = v;
            heapKeys[at] = d;
        }
        return top;
    }

    /** A set of small integers with constant-time add, remove and test, whose members can be listed. */
    private static final class IndexSet {
        final int[] members;
        final int[] position;
        int size;

        IndexSet(int universe) {
            members = new int[universe];
            position = new int[universe];
            Arrays.fill(position, -1);
        }

        boolean contains(int x) {
            return position[x] >= 0;
        }

        void add(int x) {
            if (position[x] < 0) {
                position[x] = size;
                members[size++] = x;
            }
        }

        void remove(int x) {
            int at = position[x];
            if (at >= 0) {
                int last = members[--size];
                members[at] = last;
                position[last] = at;
                position[x] = -1;
            }
        }
    }
}
