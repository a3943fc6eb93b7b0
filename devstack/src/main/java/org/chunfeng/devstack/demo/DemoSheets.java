package org.chunfeng.devstack.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The spreadsheets a labour office and a transport coordinator would upload, as UTF-8 CSV: workers for
 * {@code POST /api/workers/import}, job postings for {@code POST /api/jobs/import} and buses for
 * {@code POST /api/vehicles/import}. Headers are the English column names each import accepts.
 */
final class DemoSheets {

    static final List<String> WORKER_COLUMNS = List.of("name", "idNumber", "phone", "householdId", "povertyStatus",
            "specialGroups", "county", "town", "village", "collectionPoint", "collectionPointLat",
            "collectionPointLon", "lat", "lon", "skills", "intent", "preferredCities", "minMonthlyWage",
            "availableFrom", "fitness", "fitnessCheckedOn");
    static final List<String> POSTING_COLUMNS = List.of("employerId", "title", "category", "requiredSkills",
            "openings", "siteName", "city", "lat", "lon", "monthlyWage", "startDate", "accommodation", "minAge",
            "maxAge", "suitableFor");
    static final List<String> VEHICLE_COLUMNS = List.of("plate", "seats", "operator", "driverName", "driverPhone",
            "depotLat", "depotLon", "availableFrom", "availableTo");

    private DemoSheets() {
    }

    static byte[] workers(Collection<DemoWorker> workers) {
        StringBuilder csv = new StringBuilder();
        row(csv, WORKER_COLUMNS);
        for (DemoWorker w : workers) {
            row(csv, List.of(w.name(), w.idNumber(), w.phone(), w.householdId(), w.povertyStatus().name(),
                    join(w.specialGroups().stream().map(Enum::name).toList()), w.county(), w.town(), w.village(),
                    w.collectionPoint().name(), number(w.collectionPoint().location().lat()),
                    number(w.collectionPoint().location().lon()), number(w.home().lat()), number(w.home().lon()),
                    join(w.skills().stream().map(s -> s.skill().name() + ":" + s.years()).toList()),
                    w.intent().name(), join(w.preferredCities()), String.valueOf(w.minMonthlyWage()),
                    date(w.availableFrom()), w.fitness().name(), date(w.fitnessCheckedOn())));
        }
        return bytes(csv);
    }

    /** @param employerIds jobs-service's id for each demo employer, by {@link DemoEmployer#employerRef()} */
    static byte[] postings(Collection<DemoPosting> postings, Map<String, String> employerIds) {
        StringBuilder csv = new StringBuilder();
        row(csv, POSTING_COLUMNS);
        for (DemoPosting p : postings) {
            String employerId = employerIds.get(p.employerRef());
            if (employerId == null) {
                throw new IllegalArgumentException("No employer id for " + p.employerRef() + " (" + p.employerName()
                        + ")");
            }
            row(csv, List.of(employerId, p.title(), p.category().name(),
                    join(p.requiredSkills().stream().map(Enum::name).toList()), String.valueOf(p.openings()),
                    p.site().name(), p.site().city(), number(p.site().location().lat()),
                    number(p.site().location().lon()), String.valueOf(p.monthlyWage()), date(p.startDate()),
                    p.accommodation() ? "yes" : "no", String.valueOf(p.minAge()), String.valueOf(p.maxAge()),
                    join(p.suitableFor().stream().map(Enum::name).toList())));
        }
        return bytes(csv);
    }

    /** A bus is free on a run of days; the import takes the first and the last. */
    static byte[] vehicles(Collection<DemoBus> buses) {
        StringBuilder csv = new StringBuilder();
        row(csv, VEHICLE_COLUMNS);
        for (DemoBus b : buses) {
            LocalDate from = b.availableDates().stream().min(LocalDate::compareTo).orElseThrow();
            LocalDate to = b.availableDates().stream().max(LocalDate::compareTo).orElseThrow();
            row(csv, List.of(b.plate(), String.valueOf(b.seats()), b.operator(), b.driverName(), b.driverPhone(),
                    number(b.depot().location().lat()), number(b.depot().location().lon()), date(from), date(to)));
        }
        return bytes(csv);
    }

    private static void row(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(DemoSheets::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    /** RFC 4180: a cell with a comma, a quote or a line break is quoted, its quotes doubled. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static String join(List<String> values) {
        return String.join(";", values);
    }

    private static String number(double value) {
        return String.valueOf(value);
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static byte[] bytes(StringBuilder csv) {
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
