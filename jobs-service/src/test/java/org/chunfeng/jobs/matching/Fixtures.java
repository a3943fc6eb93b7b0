package org.chunfeng.jobs.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;

/** Workers and postings for unit tests: a worker in Chengjiaji town, and builders to vary one thing at a time. */
final class Fixtures {

    static final GeoPoint HOME = new GeoPoint(33.10, 116.30);
    static final Instant NOW = Instant.parse("2027-02-01T08:00:00Z");
    static final LocalDate SEASON = LocalDate.of(2027, 2, 15);

    private Fixtures() {
    }

    static WorkerBuilder worker() {
        return new WorkerBuilder();
    }

    static JobBuilder job() {
        return new JobBuilder();
    }

    /** A point about {@code km} east of home. */
    static GeoPoint eastOfHome(double km) {
        return new GeoPoint(HOME.lat(), HOME.lon() + km / (111.2 * Math.cos(Math.toRadians(HOME.lat()))));
    }

    static final class WorkerBuilder {
        String id = "w-1";
        int age = 40;
        PovertyStatus poverty = PovertyStatus.POOR;
        List<SpecialGroup> groups = List.of();
        String town = "程家集镇";
        GeoPoint home = HOME;
        Map<Skill, Integer> skills = new EnumMap<>(Map.of(Skill.GARMENT, 3));
        WorkIntent intent = WorkIntent.EITHER;
        List<String> cities = List.of("苏州");
        int minWage = 3000;
        LocalDate available = SEASON.minusDays(5);
        TravelFitness fitness = TravelFitness.GREEN;
        Set<String> excluded = Set.of();
        Instant since = NOW.minusSeconds(10 * 86400);

        WorkerBuilder id(String v) { id = v; return this; }
        WorkerBuilder age(int v) { age = v; return this; }
        WorkerBuilder poverty(PovertyStatus v) { poverty = v; return this; }
        WorkerBuilder groups(SpecialGroup... v) { groups = List.of(v); return this; }
        WorkerBuilder town(String v) { town = v; return this; }
        WorkerBuilder home(GeoPoint v) { home = v; return this; }
        WorkerBuilder skills(Map<Skill, Integer> v) { skills = v.isEmpty() ? Map.of() : new EnumMap<>(v); return this; }
        WorkerBuilder intent(WorkIntent v) { intent = v; return this; }
        WorkerBuilder cities(String... v) { cities = List.of(v); return this; }
        WorkerBuilder minWage(int v) { minWage = v; return this; }
        WorkerBuilder available(LocalDate v) { available = v; return this; }
        WorkerBuilder fitness(TravelFitness v) { fitness = v; return this; }
        WorkerBuilder excluded(String... v) { excluded = Set.of(v); return this; }
        WorkerBuilder since(Instant v) { since = v; return this; }

        WorkerView build() {
            return new WorkerView(id, age, poverty, groups, town, home, skills, intent, cities, minWage, available,
                    fitness, excluded, since);
        }
    }

    static final class JobBuilder {
        String id = "j-1";
        EmployerKind kind = EmployerKind.ENTERPRISE;
        Skill category = Skill.GARMENT;
        List<Skill> required = List.of();
        String city = "苏州";
        GeoPoint site = new GeoPoint(31.30, 120.59);
        int wage = 4500;
        LocalDate start = SEASON;
        int minAge = 18;
        int maxAge = 55;
        List<SpecialGroup> suitable = List.of();
        String welfareTown;

        JobBuilder id(String v) { id = v; return this; }
        JobBuilder kind(EmployerKind v) { kind = v; return this; }
        JobBuilder category(Skill v) { category = v; return this; }
        JobBuilder required(Skill... v) { required = List.of(v); return this; }
        JobBuilder city(String v) { city = v; return this; }
        JobBuilder site(GeoPoint v) { site = v; return this; }
        JobBuilder local(double km) { site = eastOfHome(km); city = "利辛县"; return this; }
        JobBuilder wage(int v) { wage = v; return this; }
        JobBuilder start(LocalDate v) { start = v; return this; }
        JobBuilder ages(int min, int max) { minAge = min; maxAge = max; return this; }
        JobBuilder suitable(SpecialGroup... v) { suitable = List.of(v); return this; }
        JobBuilder welfare(String town) { kind = EmployerKind.PUBLIC_WELFARE; welfareTown = town; return this; }

        JobView build() {
            return new JobView(id, kind, category, required, city, site, wage, start, minAge, maxAge, suitable,
                    welfareTown);
        }
    }
}
