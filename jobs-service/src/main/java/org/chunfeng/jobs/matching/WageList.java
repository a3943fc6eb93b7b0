package org.chunfeng.jobs.matching;

import java.util.Arrays;

/**
 * One of the board's lists: postings (by slot index) with their monthly wage, highest wage first. Flat arrays rather
 * than a list of slots, since a batch reads these lists hundreds of millions of times and mostly stops at the wage or
 * at a constraint that needs no distance: the wage, the slot index and each posting's age range, start day, suitable
 * groups and site are read side by side, and a slot itself only for the postings that pass.
 */
final class WageList {

    static final WageList EMPTY = new WageList();

    private int[] slots = new int[4];
    private int[] wages = new int[4];
    private int[] minAges = new int[4];
    /** 0: no upper limit. */
    private int[] maxAges = new int[4];
    private long[] startDays = new long[4];
    private int[] suitable = new int[4];
    /** The site; NaN for a posting without one. */
    private double[] lats = new double[4];
    private double[] lons = new double[4];
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
        return slots[at];
    }

    int wage(int at) {
        return wages[at];
    }

    /**
     * Whether the worker breaks the posting's age range, start date or special groups: the constraints that need no
     * distance, read from the list itself.
     */
    boolean outOfReach(int at, WorkerView w) {
        return MatchRules.outsideAgeStartOrGroups(w, minAges[at], maxAges[at], startDays[at], suitable[at]);
    }

    double lat(int at) {
        return lats[at];
    }

    double lon(int at) {
        return lons[at];
    }

    /** Adds a posting paying no more than every one listed, as a rebuild from postings sorted by wage does. */
    void append(JobBoard.Slot slot) {
        insertAt(size, slot);
    }

    /** Adds a posting at the given place; see {@link #firstAtOrBelow}. */
    void insertAt(int at, JobBoard.Slot slot) {
        grow();
        int tail = size - at;
        System.arraycopy(slots, at, slots, at + 1, tail);
        System.arraycopy(wages, at, wages, at + 1, tail);
        System.arraycopy(minAges, at, minAges, at + 1, tail);
        System.arraycopy(maxAges, at, maxAges, at + 1, tail);
        System.arraycopy(startDays, at, startDays, at + 1, tail);
        System.arraycopy(suitable, at, suitable, at + 1, tail);
        System.arraycopy(lats, at, lats, at + 1, tail);
        System.arraycopy(lons, at, lons, at + 1, tail);
        JobView job = slot.job;
        slots[at] = slot.index;
        wages[at] = job.monthlyWage();
        minAges[at] = job.minAge();
        maxAges[at] = job.maxAge();
        startDays[at] = job.startDay;
        suitable[at] = job.suitableMask;
        lats[at] = job.site() == null ? Double.NaN : job.site().lat();
        lons[at] = job.site() == null ? Double.NaN : job.site().lon();
        size++;
        changes++;
    }

    /** The first place whose wage is not above {@code wage}: postings of equal wage start there. */
    int firstAtOrBelow(int wage) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (wages[mid] > wage) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    void clear() {
        size = 0;
        changes++;
    }

    private void grow() {
        if (size == slots.length) {
            int n = size * 2;
            slots = Arrays.copyOf(slots, n);
            wages = Arrays.copyOf(wages, n);
            minAges = Arrays.copyOf(minAges, n);
            maxAges = Arrays.copyOf(maxAges, n);
            startDays = Arrays.copyOf(startDays, n);
            suitable = Arrays.copyOf(suitable, n);
            lats = Arrays.copyOf(lats, n);
            lons = Arrays.copyOf(lons, n);
        }
    }
}
