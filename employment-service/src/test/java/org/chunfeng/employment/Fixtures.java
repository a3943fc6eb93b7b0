package org.chunfeng.employment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.chunfeng.employment.worker.NationalId;

/** Registrations for tests: each with a fresh valid ID number, in a town of its own so tests never see each other. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A valid ID number nobody else in this test run has (a random birth date and sequence). */
    public static String idNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(r.nextInt(365 * 40));
        String first17 = "3416" + String.format("%02d", r.nextInt(10, 99))
                + birth.toString().replace("-", "") + String.format("%03d", r.nextInt(1000));
        return first17 + NationalId.checkDigit(first17);
    }

    public static String phone() {
        return "13" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    public static String town() {
        return "测试镇-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A complete, valid registration form as JSON would carry it. */
    public static Map<String, Object> form(String town, String village, String idNumber) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", "王秀英");
        f.put("idNumber", idNumber);
        f.put("phone", phone());
        f.put("householdId", "H-" + UUID.randomUUID().toString().substring(0, 8));
        f.put("povertyStatus", "POOR");
        f.put("specialGroups", new ArrayList<>(List.of()));
        f.put("county", "利辛县");
        f.put("town", town);
        f.put("village", village);
        f.put("collectionPoint", Map.of("name", village + "村委会", "lat", 33.1432, "lon", 116.2101));
        f.put("home", Map.of("lat", 33.141, "lon", 116.2089));
        f.put("skills", List.of(Map.of("skill", "ELECTRONICS_ASSEMBLY", "years", 3), Map.of("skill", "普工")));
        f.put("intent", "EITHER");
        f.put("preferredCities", List.of("合肥", "苏州"));
        f.put("minMonthlyWage", 3000);
        f.put("availableFrom", "2026-02-20");
        f.put("fitness", "GREEN");
        f.put("fitnessCheckedOn", "2026-01-10");
        return f;
    }

    public static Map<String, Object> form(String town) {
        return form(town, "李楼村", idNumber());
    }
}
