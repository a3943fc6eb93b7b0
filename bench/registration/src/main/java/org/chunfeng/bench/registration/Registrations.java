package org.chunfeng.bench.registration;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.devstack.demo.DemoTown;
import org.chunfeng.devstack.demo.DemoVillage;
import org.chunfeng.devstack.demo.Geography;
import org.chunfeng.devstack.demo.IdNumbers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Office registrations of distinct workers of Chengjiaji Town, each ready to send: a valid resident ID number
 * (GB 11643 check digit) and a phone number that no other worker of the run has, a village the county's place
 * list knows, and wishes that the benchmark's job postings satisfy, so that every worker is offered a job.
 */
final class Registrations {

    /** The demo campaign's town: the same villages and collection points as the county's place list. */
    static final DemoTown TOWN = Geography.town();
    static final int MIN_WAGE = 3_000;

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
        DemoVillage village = TOWN.villages().get(n % TOWN.villages().size());
        GeoPoint point = village.collectionPoint().location();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", "测试工" + n);
        form.put("idNumber", idNumber(n));
        form.put("phone", "139" + String.format("%08d", n));
        form.put("householdId", "LX-CJJ-BENCH-" + n / 3);
        form.put("povertyStatus", n % 2 == 0 ? "POOR" : "MARGINAL");
        form.put("specialGroups", List.of());
        form.put("county", TOWN.county());
        form.put("town", TOWN.name());
        form.put("village", village.name());
        form.put("collectionPoint", Map.of("name", village.collectionPoint().name(), "lat", point.lat(),
                "lon", point.lon()));
        form.put("home", Map.of("lat", point.lat() + (n % 97) * 1e-4, "lon", point.lon()));
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
        String first17 = Geography.COUNTY_AREA_CODE + birth.toString().replace("-", "")
                + String.format("%03d", n % 1000);
        return first17 + IdNumbers.checkDigit(first17);
    }
}
