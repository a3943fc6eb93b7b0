package org.chunfeng.bench.registration;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Office registrations of distinct workers of Chengjiaji Town, each ready to send: a valid resident ID number
 * (GB 11643 check digit) and a phone number that no other worker of the run has, a village the county's place
 * list knows, and wishes that the benchmark's job postings satisfy, so that every worker is offered a job.
 */
final class Registrations {

    record Village(String name, double lat, double lon) {
    }

    static final String COUNTY = "利辛县";
    static final String TOWN = "程家集镇";
    static final List<Village> VILLAGES = List.of(new Village("李庙村", 33.160709, 116.157505),
            new Village("赵桥村", 33.159954, 116.240874), new Village("孙湖村", 33.080133, 116.212937));
    static final int MIN_WAGE = 3_000;

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_DIGITS = "10X98765432";
    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1975, 1, 1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LocalDate today;
    private int next;

    Registrations(LocalDate today) {
        this.today = today;
    }

    /** The next {@code count} registrations as JSON bodies. */
    byte[][] next(int count) {
        byte[][] bodies = new byte[count][];
        for (int i = 0; i < count; i++) {
            bodies[i] = JSON.writeValueAsBytes(form(next++));
        }
        return bodies;
    }

    private Map<String, Object> form(int n) {
        Village village = VILLAGES.get(n % VILLAGES.size());
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", "测试工" + n);
        form.put("idNumber", idNumber(n));
        form.put("phone", "139" + String.format("%08d", n));
        form.put("householdId", "LX-CJJ-BENCH-" + n / 3);
        form.put("povertyStatus", n % 2 == 0 ? "POOR" : "MARGINAL");
        form.put("specialGroups", List.of());
        form.put("county", COUNTY);
        form.put("town", TOWN);
        form.put("village", village.name());
        form.put("collectionPoint", Map.of("name", village.name() + "村委会集合点", "lat", village.lat(),
                "lon", village.lon()));
        form.put("home", Map.of("lat", village.lat() + (n % 97) * 1e-4, "lon", village.lon()));
        form.put("skills", List.of(Map.of("skill", "ELECTRONICS_ASSEMBLY", "years", 1 + n % 5)));
        form.put("intent", "EITHER");
        form.put("preferredCities", List.of());
        form.put("minMonthlyWage", MIN_WAGE);
        form.put("availableFrom", today.toString());
        form.put("fitness", "GREEN");
        form.put("fitnessCheckedOn", today.toString());
        return form;
    }

    /** Birth dates from 1975 on, a thousand sequence numbers each: millions of distinct numbers. */
    private static String idNumber(int n) {
        LocalDate birth = FIRST_BIRTH_DATE.plusDays(n / 1000);
        String first17 = "341623" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK_DIGITS.charAt(sum % 11);
    }
}
