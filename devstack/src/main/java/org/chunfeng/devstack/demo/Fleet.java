package org.chunfeng.devstack.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The coaches for the dedicated lines (专线专车), all at the county depot: 45 and 53 seats, Bozhou plates (皖S), and
 * enough of them to carry the campaign's intentions (1,284 people at size 1) in one wave.
 */
final class Fleet {

    static final int BUSES = 40;
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 2, 20);
    static final LocalDate LAST_DAY = LocalDate.of(2026, 3, 15);

    private static final List<String> OPERATORS = List.of(
            "利辛县长途客运有限公司", "利辛县公共交通有限公司", "亳州市顺达旅游客运有限公司", "利辛县通达客运有限公司");
    /** Letters of Chinese plates: I and O are never used, to keep them apart from 1 and 0. */
    private static final String PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final SplittableRandom random;
    private final Phones phones;
    private final Set<String> plates = new HashSet<>();
    private final List<DemoBus> buses = new ArrayList<>();

    Fleet(SplittableRandom random, Phones phones) {
        this.random = random;
        this.phones = phones;
    }

    List<DemoBus> buses() {
        return buses;
    }

    void register(int count) {
        int days = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay()) + 1;
        for (int i = 0; i < count; i++) {
            int seats = Draw.chance(random, 0.7) ? 45 : 53;
            // Most coaches serve the whole return; the others for a stretch of 10 to 20 days.
            int from = 0;
            int to = days - 1;
            if (Draw.chance(random, 0.4)) {
                int length = Draw.between(random, 10, 20);
                from = random.nextInt(days - length + 1);
                to = from + length - 1;
            }
            List<LocalDate> dates = new ArrayList<>(to - from + 1);
            for (int d = from; d <= to; d++) {
                dates.add(FIRST_DAY.plusDays(d));
            }
            buses.add(new DemoBus(plate(), seats, Draw.one(random, OPERATORS), Geography.COUNTY_DEPOT,
                    Names.full(random, Draw.chance(random, 0.9)), phones.issue(random), dates));
        }
    }

    private String plate() {
        while (true) {
            StringBuilder plate = new StringBuilder("皖S·");
            if (Draw.chance(random, 0.3)) {
                plate.append(PLATE_LETTERS.charAt(random.nextInt(PLATE_LETTERS.length())));
            }
            while (plate.length() < 8) {
                plate.append((char) ('0' + random.nextInt(10)));
            }
            if (plates.add(plate.toString())) {
                return plate.toString();
            }
        }
    }
}
