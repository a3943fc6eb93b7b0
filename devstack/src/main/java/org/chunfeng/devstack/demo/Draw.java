package org.chunfeng.devstack.demo;

import java.util.List;
import java.util.SplittableRandom;

/** Weighted and ranged draws from one random stream, so a seed always yields the same campaign. */
final class Draw {

    private Draw() {
    }

    /** An index chosen with the given weights (need not sum to 1). */
    static int weighted(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    /** An integer in [min, max], both included. */
    static int between(SplittableRandom random, int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** An amount of money in [min, max] in whole hundreds of yuan. */
    static int yuan(SplittableRandom random, int min, int max) {
        return between(random, min / 100, max / 100) * 100;
    }

    /** The number in decimal, left-padded with zeros to {@code width} digits (String.format is slow in bulk). */
    static String digits(long value, int width) {
        String text = Long.toString(value);
        if (text.length() >= width) {
            return text;
        }
        return "0".repeat(width - text.length()) + text;
    }

    static <T> T one(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
