package org.chunfeng.e2e.web;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.chunfeng.devstack.demo.GatewayClient;
import tools.jackson.databind.JsonNode;

/**
 * What the browser tests need to find in place before a page is opened: employers, jobs, buses and workers, set up
 * through the gateway's API as the labour office and the coordinator would. The jobs pay more than any job of the
 * demo campaign and the workers ask for that much, so the tests' workers are offered the tests' jobs.
 */
final class Fixtures {

    static final ZoneId CAMPAIGN_ZONE = ZoneId.of("Asia/Shanghai");
    static final String COUNTY = "利辛县";
    static final String TOWN = "程家集镇";
    /** Above every wage of the demo campaign's jobs. */
    static final int HIGH_WAGE = 12_000;

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_DIGITS = "10X98765432";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(500);
    private static final AtomicInteger PHONES = new AtomicInteger(7_000_000);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private Fixtures() {
    }

    static LocalDate today() {
        return LocalDate.now(CAMPAIGN_ZONE);
    }

    /** A valid resident ID number of Lixin County (GB 11643 check digit), different at every call. */
    static String idNumber(LocalDate birthDate) {
        String first17 = "341623" + birthDate.toString().replace("-", "")
                + String.format("%03d", SEQUENCE.getAndIncrement() % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK_DIGITS.charAt(sum % 11);
    }

    static String phone() {
        return "1370" + PHONES.getAndIncrement();
    }

    /** A village of Chengjiaji Town with its collection point, as the web app's place list has them. */
    record Village(String name, double lat, double lon) {

        String collectionPoint() {
            return name + "村委会集合点";
        }
    }

    static final Village LI_MIAO = new Village("李庙村", 33.160709, 116.157505);
    static final Village ZHAO_QIAO = new Village("赵桥村", 33.159954, 116.240874);
    static final Village SUN_HU = new Village("孙湖村", 33.080133, 116.212937);

    /** A worker's registration as the office's form sends it. */
    static Map<String, Object> registration(String name, String idNumber, String phone, Village village, String intent,
            int minMonthlyWage) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("idNumber", idNumber);
        form.put("phone", phone);
        form.put("householdId", "LX-CJJ-E2E-" + idNumber.substring(14, 17));
        form.put("povertyStatus", "POOR");
        form.put("specialGroups", List.of());
        form.put("county", COUNTY);
        form.put("town", TOWN);
        form.put("village", village.name());
        form.put("collectionPoint", Map.of("name", village.collectionPoint(), "lat", village.lat(), "lon",
                village.lon()));
        form.put("home", Map.of("lat", village.lat(), "lon", village.lon()));
        form.put("skills", List.of(Map.of("skill", "ELECTRONICS_ASSEMBLY", "years", 2)));
        form.put("intent", intent);
        form.put("preferredCities", List.of());
        form.put("minMonthlyWage", minMonthlyWage);
        form.put("availableFrom", today().toString());
        form.put("fitness", "GREEN");
        form.put("fitnessCheckedOn", today().toString());
        return form;
    }

    static String registerWorker(GatewayClient office, Map<String, Object> registration) {
        return office.post("/api/workers", registration).path("workerId").asString();
    }

    /** An employer with its site, answering its id. */
    static String employer(GatewayClient office, String name, String kind, String siteName, String city, double lat,
            double lon) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("kind", kind);
        form.put("town", TOWN);
        form.put("location", Map.of("name", siteName, "city", city, "lat", lat, "lon", lon));
        return office.post("/api/employers", form).path("id").asString();
    }

    /** A posting at the employer's site, answering its id. */
    static String job(GatewayClient office, String employerId, String title, String siteName, String city, double lat,
            double lon, int wage, int openings, LocalDate startDate) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("employerId", employerId);
        form.put("title", title);
        form.put("category", "ELECTRONICS_ASSEMBLY");
        form.put("requiredSkills", List.of());
        form.put("openings", openings);
        form.put("site", Map.of("name", siteName, "city", city, "lat", lat, "lon", lon));
        form.put("monthlyWage", wage);
        form.put("startDate", startDate.toString());
        form.put("accommodation", true);
        return office.post("/api/jobs", form).path("id").asString();
    }

    /** A bus free on exactly one day, answering its id. */
    static String vehicle(GatewayClient coordinator, String plate, LocalDate day) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("plate", plate);
        form.put("seats", 45);
        form.put("operator", "利辛县客运公司");
        form.put("driverName", "张师傅");
        form.put("driverPhone", "13912345678");
        form.put("depotLat", 33.1496);
        form.put("depotLon", 116.1985);
        form.put("availableFrom", day.toString());
        form.put("availableTo", day.toString());
        return coordinator.post("/api/vehicles", form).path("id").asString();
    }

    /** The worker's open offer once jobs-service has proposed one. */
    static JsonNode awaitOpenOffer(GatewayClient office, String workerId) {
        JsonNode[] offer = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (JsonNode o : office.get("/api/workers/" + workerId).path("offers")) {
                if (o.path("state").asString().equals("OPEN")) {
                    offer[0] = o;
                    return true;
                }
            }
            return false;
        });
        return offer[0];
    }

    /** Waits until the worker stands at this status. */
    static JsonNode awaitStatus(GatewayClient office, String workerId, String status) {
        JsonNode[] worker = new JsonNode[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            worker[0] = office.get("/api/workers/" + workerId);
            return worker[0].path("status").asString().equals(status);
        });
        return worker[0];
    }
}
