package org.chunfeng.devstack.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Mainland mobile numbers (11 digits, carriers' real prefixes), each issued once across the whole campaign. */
final class Phones {

    private static final List<String> PREFIXES = List.of(
            "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
            "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182", "183", "184",
            "185", "186", "187", "188", "189", "191", "198", "199");

    private final Set<String> issued = new HashSet<>();

    String issue(SplittableRandom random) {
        while (true) {
            String number = Draw.one(random, PREFIXES) + Draw.digits(random.nextInt(100_000_000), 8);
            if (issued.add(number)) {
                return number;
            }
        }
    }
}
