package org.chunfeng.bench.registration;

import java.util.Arrays;

/** Percentiles of a set of latencies, kept as a sorted array (a run holds tens of thousands at most). */
record Latencies(long[] sortedNanos) {

    static Latencies of(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    int count() {
        return sortedNanos.length;
    }

    /** The latency at quantile {@code q} (0.5, 0.99), in milliseconds; NaN when there are none. */
    double millis(double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    double maxMillis() {
        return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
    }
}
