package org.chunfeng.jobs.matching;

import java.util.Arrays;

/**
 * One of the board's lists: postings (by slot index) with their monthly wage, highest wage first. Two flat arrays
 * rather than a list of slots, since a batch reads these lists millions of times and mostly stops at the wage: the
 * wage and the slot index are read side by side, and a slot itself only for the postings that pass.
 */
final class WageList {

    static final WageList EMPTY = new WageList();

    private int[] slots = new int[4];
    private int[] wages = new int[4];
    private int size;

    int size() {
        return size;
    }

    /** The slot index of the posting at this place in the list. */
    int slot(int at) {
        return slots[at];
    }

    int wage(int at) {
        return wages[at];
    }

    /** Adds a posting paying no more than every one listed, as a rebuild from postings sorted by wage does. */
    void append(int slot, int wage) {
        grow();
        slots[size] = slot;
        wages[size++] = wage;
    }

    /** Adds a posting at the given place; see {@link #insertionPoint}. */
    void insertAt(int at, int slot, int wage) {
        grow();
        System.arraycopy(slots, at, slots, at + 1, size - at);
        System.arraycopy(wages, at, wages, at + 1, size - at);
        slots[at] = slot;
        wages[at] = wage;
        size++;
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
    }

    private void grow() {
        if (size == slots.length) {
            slots = Arrays.copyOf(slots, size * 2);
            wages = Arrays.copyOf(wages, size * 2);
        }
    }
}
