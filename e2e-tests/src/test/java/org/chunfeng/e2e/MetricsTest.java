package org.chunfeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.Assumptions;
import org.awaitility.Awaitility;
import org.chunfeng.devstack.demo.DemoReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every application's {@code /actuator/prometheus} after the demo campaign (and the dead letters of
 * {@link DeadLetterTest}): valid Prometheus text by Prometheus's own parser ({@code promtool check metrics}), the
 * business metrics the README lists, counters that agree with the records, and a README that lists them all.
 */
@Order(4)
@WholeSystemTest
class MetricsTest {

    /** What each application must expose, by the names the README gives. */
    static final Map<String, List<String>> REQUIRED = new LinkedHashMap<>();

    static {
        List<String> plumbing = List.of("chunfeng_event_lag_seconds", "chunfeng_outbox_backlog",
                "chunfeng_dead_letters_total", "chunfeng_events_consumed_total", "chunfeng_outbox_published_total");
        REQUIRED.put("employment-service", concat(plumbing, "chunfeng_workers_registered_total",
                "chunfeng_offers_received_total", "chunfeng_offers_accepted_total", "chunfeng_offers_declined_total",
                "chunfeng_workers_returned_total"));
        REQUIRED.put("jobs-service", concat(plumbing, "chunfeng_matches_proposed_total",
                "chunfeng_placements_confirmed_total"));
        REQUIRED.put("transport-service", concat(plumbing, "chunfeng_seats_assigned_total",
                "chunfeng_subsidies_granted_total", "chunfeng_riders_boarded_total", "chunfeng_riders_arrived_total",
                "chunfeng_riders_no_show_total"));
        REQUIRED.put("gateway", List.of("chunfeng_signins_total"));
    }

    private static ChunfengSystem system;
    private static Map<String, Metrics> scrapes;

    @BeforeAll
    static void scrapeEveryApplication(ChunfengSystem theSystem) {
        system = theSystem;
        system.demo();
        scrapes = new LinkedHashMap<>();
        for (String app : system.apps()) {
            scrapes.put(app, Metrics.scrape(system, app));
        }
    }

    @Test
    void everyScrapeIsValidPrometheusTextByPromtool() throws Exception {
        Optional<Path> promtool = onPath("promtool");
        Assumptions.assumeThat(promtool).as("promtool (Debian package prometheus; deploy/check.sh installs it)")
                .isPresent();
        for (Metrics scrape : scrapes.values()) {
            Process check = new ProcessBuilder(promtool.get().toString(), "check", "metrics")
                    .redirectErrorStream(true).start();
            try (OutputStream in = check.getOutputStream()) {
                in.write(scrape.text().getBytes(StandardCharsets.UTF_8));
            }
            String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
            // 0: clean; 3: parsed, with lint advice (Micrometer's counters have no unit suffix, for one); 1: broken.
            assertThat(check.exitValue()).as("promtool check metrics on %s said:%n%s", scrape.app(), said)
                    .isIn(0, 3);
        }
    }

    @Test
    void theBusinessMetricsAreExposed() {
        List<String> missing = new ArrayList<>();
        REQUIRED.forEach((app, names) -> names.stream().filter(name -> !scrapes.get(app).has(name))
                .forEach(name -> missing.add(app + ": " + name)));
        scrapes.forEach((app, scrape) -> System.out.println(app + " exposes " + readmeNames(scrape)));

        assertThat(missing).isEmpty();
    }

    @Test
    void theAtRiskGaugeCountsTheAtRiskList() {
        long listed = system.office().get("/api/monitoring/at-risk?size=1").path("total").asLong();
        // The gauge is counted once a minute; wait for a count taken after the campaign settled.
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            Metrics employment = Metrics.scrape(system, "employment-service");
            assertThat(employment.has("chunfeng_workers_at_risk")).isTrue();
            assertThat(employment.sum("chunfeng_workers_at_risk", Map.of())).isEqualTo((double) listed);
        });
    }

    @Test
    void theCountersAgreeWithWhatWasRecorded() {
        DemoReport report = system.demo().report();
        Metrics transport = scrapes.get("transport-service");
        Metrics employment = scrapes.get("employment-service");

        assertThat(transport.sum("chunfeng_riders_boarded_total", Map.of())).isEqualTo(report.boarded());
        assertThat(transport.sum("chunfeng_riders_arrived_total", Map.of())).isEqualTo(report.arrived());
        assertThat(transport.sum("chunfeng_riders_no_show_total", Map.of())).isEqualTo(report.noShows());
        assertThat(employment.sum("chunfeng_workers_registered_total", Map.of()))
                .isEqualTo(system.database("employment").getCollection("workers").countDocuments());
        assertThat(employment.sum("chunfeng_offers_accepted_total", Map.of()))
                .isGreaterThanOrEqualTo(report.offersAccepted());
        assertThat(scrapes.get("jobs-service").sum("chunfeng_placements_confirmed_total", Map.of()))
                .isGreaterThanOrEqualTo(report.funnel().intentAgreed());
        assertThat(scrapes.get("gateway").sum("chunfeng_signins_total", Map.of("kind", "staff",
                "outcome", "success"))).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theReadmeListsEveryChunfengMetric() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent()
                .resolve("README.md"));
        int start = readme.indexOf("\n## Metrics");
        assertThat(start).as("a Metrics section in the README").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Set<String> listed = new TreeSet<>();
        Matcher names = Pattern.compile("`(chunfeng_[a-z0-9_]+)").matcher(section);
        while (names.find()) {
            listed.add(names.group(1));
        }

        Set<String> exposed = new TreeSet<>();
        scrapes.values().forEach(scrape -> exposed.addAll(readmeNames(scrape)));
        assertThat(listed).containsAll(exposed);
    }

    /**
     * The names a reader queries: counters with {@code _total}, timers and histograms by their base name (their
     * {@code _max} gauge goes with them).
     */
    static Set<String> readmeNames(Metrics scrape) {
        Set<String> names = new TreeSet<>();
        for (String family : scrape.chunfengFamilies()) {
            String type = scrape.types().get(family);
            if (family.endsWith("_max") && scrape.types().containsKey(family.substring(0, family.length() - 4))) {
                continue;
            }
            names.add(type.equals("counter") && !family.endsWith("_total") ? family + "_total" : family);
        }
        return names;
    }

    private static Optional<Path> onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, command)).filter(Files::isExecutable).findFirst();
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
