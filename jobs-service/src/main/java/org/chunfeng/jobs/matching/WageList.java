package org.chunfeng.jobs.matching;

import java.util.Arrays;

/**
 * One of the board's lists: postings (by slot index) with their monthly wage, highest wage first. Flat arrays rather
 * than a list of slots, since a batch reads these lists hundreds of millions of times and mostly stops at the wage or
 * at a constraint that needs no distance: the wage, the slot index and each posting's age range, start day, suitable
 * groups and site are read side by side, packed into three arrays, and a slot itself only for the postings that pass.
 */
final class WageList {

    static final WageList EMPTY = new WageList();

    /** Slot index in the high half, monthly wage in the low. */
    private long[] entries = new long[4];
    /** What rules a worker out without the distance, as {@link JobView#reach} packs it. */
    private long[] gates = new long[4];
    /** The site, latitude, longitude and the latitude's cosine side by side; NaN for a posting without one. */
    private double[] sites = new double[12];
    private int size;
    /** Counts changes, so that what a search derived from the list can tell it is out of date. */
    private int changes;

    int size() {
        return size;
    }

    int changes() {
        return changes;
    }

    /** The slot index of the posting at this place in the list. */
    int slot(int at) {
        return (int) (entries[at] >>> 32);
    }

    int wage(int at) {
        return (int) entries[at];
    }

    /**
     * Whether the worker breaks the posting's age range, start date or special groups: the constraints that need no
     * distance, read from the list itself.
     */
    boolean outOfReach(int at, WorkerView w) {
        return MatchRules.outsideAgeStartOrGroups(w, gates[at]);
    }

    double lat(int at) {
        return sites[3 * at];
    }

    double lon(int at) {
        return sites[3 * at + 1];
    }

    double cosLat(int at) {
        return sites[3 * at + 2];
    }

    /** Adds a posting paying no more than every one listed, as a rebuild from postings sorted by wage does. */
    void append(JobBoard.Slot slot) {
        insertAt(size, slot);
    }

    /** Adds a posting at the given place; see {@link #firstAtOrBelow}. */
    void insertAt(int at, JobBoard.Slot slot) {
        grow();
        int tail = size - at;
        System.arraycopy(entries, at, entries, at + 1, tail);
        System.arraycopy(gates, at, gates, at + 1, tail);
        System.arraycopy(sites, 3 * at, sites, 3 * at + 3, 3 * tail);
        JobView job = slot.job;
        entries[at] = (long) slot.index << 32 | job.monthlyWage() & 0xffffffffL;
        gates[at] = job.reach;
        sites[3 * at] = job.site() == null ? Double.NaN : job.site().lat();
        sites[3 * at + 1] = job.site() == null ? Double.NaN : job.site().lon();
        sites[3 * at + 2] = job.siteCosLat;
        size++;
        changes++;
    }

    /** The first place whose wage is not above {@code wage}: postings of equal wage start there. */
    int firstAtOrBelow(int wage) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (wage(mid) > wage) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A copy without the postings blocked (by slot index), in the same order. */
    WageList without(boolean[] blocked) {
        WageList kept = new WageList();
        kept.entries = new long[Math.max(4, size)];
        kept.gates = new long[kept.entries.length];
        kept.sites = new double[3 * kept.entries.length];
        for (int at = 0; at < size; at++) {
            int s = slot(at);
            if (s < blocked.length && blocked[s]) {
                continue;
            }
            int to = kept.size++;
            kept.entries[to] = entries[at];
            kept.gates[to] = gates[at];
            System.arraycopy(sites, 3 * at, kept.sites, 3 * to, 3);
        }
        return kept;
    }

    void clear() {
        size = 0;
        changes++;
    }

    private void grow() {
        if (size == entries.length) {
            int n = size * 2;
            entries = Arrays.copyOf(entries, n);
            gates = Arrays.copyOf(gates, n);
            sites = Arrays.copyOf(sites, 3 * n);
        }
    }
}
