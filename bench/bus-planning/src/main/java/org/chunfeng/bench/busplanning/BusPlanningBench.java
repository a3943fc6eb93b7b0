package org.chunfeng.bench.busplanning;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chunfeng.transport.planning.BusPlanner;
import org.chunfeng.transport.planning.Plan;
import org.chunfeng.transport.planning.PlanRequest;
import org.chunfeng.transport.planning.PlannedTrip;
import org.chunfeng.transport.planning.PlanningRules;
import org.chunfeng.transport.planning.RoadDistance;

/**
 * Plans the seed-scale day (1,284 riders, 20 collection points, 40 sites in 7 cities) and a 20,000-rider day with
 * transport-service's planner, then the same instances with jsprit, and prints buses against both lower bounds,
 * vehicle-km and time. Arguments: {@code seedSolverSeconds largeSolverSeconds jspritSeconds} (defaults 3 20 60).
 */
public final class BusPlanningBench {

    private BusPlanningBench() {
    }

    public static void main(String[] args) {
        double seedSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        double largeSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        long jspritSeconds = args.length > 2 ? Long.parseLong(args[2]) : 60;
        boolean skipJspritLarge = args.length > 3 && args[3].equals("skip-jsprit-large");
        boolean onlyLarge = args.length > 3 && args[3].equals("only-large");
        RoadDistance distance = RoadDistance.greatCircle(1.3);
        PlanningRules rules = PlanningRules.defaults();
        System.out.printf(Locale.ROOT, "Rules: %.0f%% load factor, %.0f h max ride, %.0f km/h, %d min per stop, "
                + "road factor 1.3; %d cores, Java %s%n", rules.maxLoadFactor() * 100, rules.maxRideHours(),
                rules.averageSpeedKmh(), rules.stopMinutes(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));

        List<String> rows = new ArrayList<>();
        rows.add("| instance | planner | time limit | buses | bound (seats) | bound (city) | vehicle-km | wall s "
                + "| CPU s | unserved | longest ride h |");
        rows.add("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Instance seed = Instance.generate("seed 1,284", 2020, 1284, 20, 40, 7, 45);
        Instance large = Instance.generate("20,000", 2021, 20_000, 100, 120, 8, 45);
        BusPlanner planner = new BusPlanner(distance);
        // Warm the JIT on a small day so the first measured plan is not a cold start.
        planner.plan(new PlanRequest(LocalDate.of(2026, 2, 19), seed.riders().subList(0, 300), seed.buses(),
                List.of(), rules, Duration.ofSeconds(1)));

        for (Instance instance : onlyLarge ? List.of(large) : List.of(seed, large)) {
            double seconds = instance == seed ? seedSeconds : largeSeconds;
            long cpu = cpuNanos();
            Plan construction = planner.plan(new PlanRequest(LocalDate.of(2026, 2, 19), instance.riders(),
                    instance.buses(), List.of(), rules, Duration.ZERO));
            rows.add(row(instance, "construction only", "0 s", construction, cpuNanos() - cpu));
            cpu = cpuNanos();
            Plan plan = planner.plan(new PlanRequest(LocalDate.of(2026, 2, 19), instance.riders(), instance.buses(),
                    List.of(), rules, Duration.ofMillis(Math.round(seconds * 1000))));
            rows.add(row(instance, "construction + Timefold", seconds + " s", plan, cpuNanos() - cpu));
            printRows(rows);
            if (instance == large && skipJspritLarge) {
                continue;
            }
            JspritPlanner jsprit = new JspritPlanner(distance, rules);
            for (long limit : instance == seed ? List.of(5L, jspritSeconds) : List.of(jspritSeconds)) {
                long before = cpuNanos();
                JspritPlanner.Result result = jsprit.solve(instance, limit * 1000, 2);
                rows.add(String.format(Locale.ROOT, "| %s | jsprit 1.8 (%s) | %d s | %d | %d | %d | %,.0f | %.1f "
                        + "| %.1f | %d | %.1f |", instance.name(), result.note(), limit, result.buses(),
                        plan.lowerBounds().bySeats(), plan.lowerBounds().byCity(), result.km(),
                        result.millis() / 1000.0, (cpuNanos() - before) / 1e9, result.unassignedRiders(),
                        result.longestRideHours()));
                printRows(rows);
            }
        }
        System.exit(0);
    }

    private static String row(Instance instance, String planner, String limit, Plan plan, long cpuNanos) {
        double longest = plan.trips().stream().mapToDouble(PlannedTrip::longestRideMinutes).max().orElse(0) / 60;
        return String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %d | %,.0f | %.1f | %.1f | %d | %.1f |",
                instance.name(), planner, limit, plan.buses(), plan.lowerBounds().bySeats(),
                plan.lowerBounds().byCity(), plan.vehicleKm(), plan.stats().totalMillis() / 1000.0, cpuNanos / 1e9,
                plan.unserved().size(), longest);
    }

    /** CPU time of the whole process: other work on a shared machine stretches wall time, not this. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void printRows(List<String> rows) {
        System.out.println();
        rows.forEach(System.out::println);
    }
}
