package org.chunfeng.transport.planning;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Orders the stops of a bus and remembers the answer for each set of stops. A trip's stops are a set of collection
 * points followed by a set of sites, each set small (a handful of villages, a handful of sites), so nearest
 * neighbour plus 2-opt and relocation within each part finds a good order in microseconds; the memo makes the
 * solver's repeated questions free.
 */
final class RouteBook {

    private static final int MEMO_LIMIT = 400_000;

    private record Key(int depot, BitSet pickups, BitSet sites) {
    }

    private final PlaceIndex index;
    private final PlanningRules rules;
    private final Map<Key, RouteShape> memo = new HashMap<>();

    RouteBook(PlaceIndex index, PlanningRules rules) {
        this.index = index;
        this.rules = rules;
    }

    PlaceIndex index() {
        return index;
    }

    PlanningRules rules() {
        return rules;
    }

    /** The callers own the bit sets and change them later, so the memo keeps copies. */
    RouteShape shape(int depot, BitSet pickups, BitSet sites) {
        if (pickups.isEmpty()) {
            return RouteShape.EMPTY;
        }
        Key probe = new Key(depot, pickups, sites);
        RouteShape known = memo.get(probe);
        if (known != null) {
            return known;
        }
        if (memo.size() >= MEMO_LIMIT) {
            memo.clear();
        }
        RouteShape shape = order(depot, pickups.stream().toArray(), sites.stream().toArray());
        memo.put(new Key(depot, (BitSet) pickups.clone(), (BitSet) sites.clone()), shape);
        return shape;
    }

    /** Costs a stop order kept as it is (a locked trip). */
    RouteShape fixed(int depot, int[] order, int pickups) {
        return measure(depot, order, pickups);
    }

    private RouteShape order(int depot, int[] pickups, int[] sites) {
        nearestNeighbour(depot, pickups);
        nearestNeighbour(pickups[pickups.length - 1], sites);
        for (int round = 0; round < 3; round++) {
            boolean better = improve(depot, pickups, sites.length == 0 ? -1 : sites[0]);
            better |= improve(pickups[pickups.length - 1], sites, -1);
            if (!better) {
                break;
            }
        }
        int[] order = new int[pickups.length + sites.length];
        System.arraycopy(pickups, 0, order, 0, pickups.length);
        System.arraycopy(sites, 0, order, pickups.length, sites.length);
        return measure(depot, order, pickups.length);
    }

    private RouteShape measure(int depot, int[] order, int pickups) {
        double km = 0;
        double spanKm = 0;
        int previous = depot;
        for (int i = 0; i < order.length; i++) {
            double leg = index.km(previous, order[i]);
            km += leg;
            if (i > 0) {
                spanKm += leg;
            }
            previous = order[i];
        }
        int dwell = rules.stopMinutes();
        double span = rules.minutesFor(spanKm) + dwell * Math.max(0, order.length - 1);
        double total = rules.minutesFor(km) + dwell * Math.max(0, order.length - 1);
        return new RouteShape(order, pickups, km, span, total);
    }

    private void nearestNeighbour(int from, int[] stops) {
        int current = from;
        for (int i = 0; i < stops.length; i++) {
            int best = i;
            for (int j = i + 1; j < stops.length; j++) {
                if (index.km(current, stops[j]) < index.km(current, stops[best])) {
                    best = j;
                }
            }
            swap(stops, i, best);
            current = stops[i];
        }
    }

    /**
     * 2-opt and single-stop relocation on a path between a fixed start and an optional fixed end (-1: open), each
     * move judged by the change of the few legs it touches.
     */
    private boolean improve(int start, int[] path, int end) {
        int n = path.length;
        boolean improvedAny = false;
        boolean improved = true;
        int guard = 0;
        while (improved && guard++ < 100) {
            improved = false;
            for (int i = 0; i < n - 1 && !improved; i++) {
                int before = i == 0 ? start : path[i - 1];
                for (int j = i + 1; j < n && !improved; j++) {
                    int after = j == n - 1 ? end : path[j + 1];
                    double delta = index.km(before, path[j]) - index.km(before, path[i]);
                    if (after >= 0) {
                        delta += index.km(path[i], after) - index.km(path[j], after);
                    }
                    if (delta < -1e-9) {
                        reverse(path, i, j);
                        improved = true;
                    }
                }
            }
            for (int i = 0; i < n && !improved; i++) {
                int before = i == 0 ? start : path[i - 1];
                int after = i == n - 1 ? end : path[i + 1];
                double removed = index.km(before, path[i]) + (after >= 0 ? index.km(path[i], after) : 0)
                        - (after >= 0 ? index.km(before, after) : 0);
                for (int j = 0; j < n && !improved; j++) {
                    if (j == i) {
                        continue;
                    }
                    // Where the stop lands once moved to position j: between these two of the original path.
                    int left = j < i ? (j == 0 ? start : path[j - 1]) : path[j];
                    int right = j < i ? path[j] : (j == n - 1 ? end : path[j + 1]);
                    double added = index.km(left, path[i]) + (right >= 0 ? index.km(path[i], right) : 0)
                            - (right >= 0 ? index.km(left, right) : 0);
                    if (added - removed < -1e-9) {
                        relocate(path, i, j);
                        improved = true;
                    }
                }
            }
            improvedAny |= improved;
        }
        return improvedAny;
    }

    private static void reverse(int[] a, int i, int j) {
        while (i < j) {
            swap(a, i++, j--);
        }
    }

    /** Moves the element at {@code from} to position {@code to}, shifting the ones between. */
    private static void relocate(int[] a, int from, int to) {
        int moved = a[from];
        if (from < to) {
            System.arraycopy(a, from + 1, a, from, to - from);
        } else {
            System.arraycopy(a, to, a, to + 1, from - to);
        }
        a[to] = moved;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
