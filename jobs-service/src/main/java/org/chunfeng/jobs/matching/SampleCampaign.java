package org.chunfeng.jobs.matching;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;

/**
 * A generated campaign shaped like Lixin County's: workers from twenty towns, a quarter of the openings local (county
 * enterprises, cooperatives, fruit-tree parks, public-welfare posts of each town), the rest in fourteen cities from
 * Hefei to Shenzhen, headquarters postings with hundreds of openings among them. The same seed gives the same
 * campaign. The matching benchmark measures on it, and the service warms its batch on a small one at start-up
 * ({@link BatchWarmUp}); nothing in it is anyone's data.
 */
public final class SampleCampaign {

    public record City(String name, double lat, double lon, double weight) {
    }

    /** A posting and how many openings it offers. */
    public record Posting(JobView job, int openings) {
    }

    static final String COUNTY = "利辛县";
    static final GeoPoint COUNTY_SEAT = new GeoPoint(33.144, 116.208);
    static final List<City> CITIES = List.of(
            new City("合肥", 31.820, 117.227, 10), new City("亳州", 33.869, 115.779, 4),
            new City("阜阳", 32.890, 115.814, 4), new City("蚌埠", 32.916, 117.389, 3),
            new City("南京", 32.060, 118.797, 6), new City("苏州", 31.299, 120.585, 8),
            new City("无锡", 31.491, 120.312, 5), new City("杭州", 30.274, 120.155, 7),
            new City("宁波", 29.868, 121.544, 4), new City("上海", 31.230, 121.474, 10),
            new City("温州", 27.994, 120.699, 2), new City("广州", 23.129, 113.264, 5),
            new City("深圳", 22.543, 114.058, 6), new City("东莞", 23.021, 113.752, 5));
    static final Instant NOW = Instant.parse("2027-02-01T08:00:00Z");
    static final LocalDate SEASON = LocalDate.of(2027, 2, 1);
    private static final Skill[] COMMON_SKILLS = {Skill.GENERAL_LABOUR, Skill.GENERAL_LABOUR, Skill.GENERAL_LABOUR,
            Skill.CONSTRUCTION, Skill.CONSTRUCTION, Skill.ELECTRONICS_ASSEMBLY, Skill.ELECTRONICS_ASSEMBLY,
            Skill.GARMENT, Skill.GARMENT, Skill.LOGISTICS, Skill.LOGISTICS, Skill.CLEANING, Skill.FARMING,
            Skill.FRUIT_GROWING, Skill.DRIVING, Skill.COOKING, Skill.CARE_WORK, Skill.SECURITY};

    private final List<WorkerView> workers;
    private final List<Posting> postings;
    private final long openings;

    private SampleCampaign(List<WorkerView> workers, List<Posting> postings) {
        this.workers = workers;
        this.postings = postings;
        this.openings = postings.stream().mapToLong(Posting::openings).sum();
    }

    public List<WorkerView> workers() {
        return workers;
    }

    public List<Posting> postings() {
        return postings;
    }

    public long openings() {
        return openings;
    }

    public static Instant now() {
        return NOW;
    }

    public static SampleCampaign generate(int workerCount, int postingCount, long openingCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        GeoPoint[] towns = new GeoPoint[20];
        for (int t = 0; t < towns.length; t++) {
            towns[t] = offset(COUNTY_SEAT, random, 22);
        }
        List<WorkerView> workers = new ArrayList<>(workerCount);
        for (int i = 0; i < workerCount; i++) {
            workers.add(worker(i, towns, random));
        }
        List<JobView> jobs = new ArrayList<>(postingCount);
        double[] weights = new double[postingCount];
        for (int i = 0; i < postingCount; i++) {
            boolean local = random.nextDouble() < 0.30;
            jobs.add(local ? localJob(i, towns, random) : awayJob(i, random));
            // Openings are skewed: most postings want a few people, headquarters postings want hundreds.
            double w = Math.exp(random.nextGaussian() * 1.1);
            weights[i] = local ? w * 0.6 : (random.nextDouble() < 0.03 ? w * 25 : w);
        }
        int[] counts = apportion(weights, openingCount);
        List<Posting> postings = new ArrayList<>(postingCount);
        for (int i = 0; i < postingCount; i++) {
            postings.add(new Posting(jobs.get(i), Math.max(1, counts[i])));
        }
        return new SampleCampaign(List.copyOf(workers), List.copyOf(postings));
    }

    private static WorkerView worker(int i, GeoPoint[] towns, SplittableRandom r) {
        int town = r.nextInt(towns.length);
        GeoPoint village = offset(towns[town], r, 6);
        GeoPoint home = offset(village, r, 1.5);
        double p = r.nextDouble();
        PovertyStatus poverty = p < 0.30 ? PovertyStatus.POOR : p < 0.45 ? PovertyStatus.UNSTABLE
                : p < 0.65 ? PovertyStatus.MARGINAL : PovertyStatus.NONE;
        List<SpecialGroup> groups = new ArrayList<>();
        double g = r.nextDouble();
        if (g < 0.04) {
            groups.add(SpecialGroup.ELDERLY);
        } else if (g < 0.06) {
            groups.add(SpecialGroup.DISABLED);
        } else if (g < 0.07) {
            groups.add(SpecialGroup.SERIOUSLY_ILL);
        }
        int age = groups.contains(SpecialGroup.ELDERLY) ? 60 + r.nextInt(9) : 18 + r.nextInt(43);
        Map<Skill, Integer> skills = new EnumMap<>(Skill.class);
        int skillCount = 1 + r.nextInt(3);
        for (int s = 0; s < skillCount; s++) {
            skills.put(COMMON_SKILLS[r.nextInt(COMMON_SKILLS.length)], r.nextInt(11));
        }
        double in = r.nextDouble();
        WorkIntent intent = groups.isEmpty() ? (in < 0.30 ? WorkIntent.LOCAL : in < 0.55 ? WorkIntent.EITHER
                : WorkIntent.AWAY) : WorkIntent.LOCAL;
        List<String> cities = new ArrayList<>();
        int cityCount = intent == WorkIntent.LOCAL ? 0 : r.nextInt(4);
        for (int c = 0; c < cityCount; c++) {
            String city = pickCity(r).name();
            if (!cities.contains(city)) {
                cities.add(city);
            }
        }
        double f = r.nextDouble();
        TravelFitness fitness = f < 0.92 ? TravelFitness.GREEN : f < 0.98 ? TravelFitness.YELLOW : TravelFitness.RED;
        int minWage = 2500 + 100 * r.nextInt(intent == WorkIntent.LOCAL ? 16 : 26);
        LocalDate available = SEASON.plusDays(r.nextInt(30));
        Instant since = NOW.minus(Duration.ofHours(r.nextInt(40 * 24)));
        return new WorkerView("w" + i, age, poverty, groups, "town" + town, home, skills, intent, cities, minWage,
                available, fitness, java.util.Set.of(), since);
    }

    private static JobView localJob(int i, GeoPoint[] towns, SplittableRandom r) {
        int town = r.nextInt(towns.length);
        GeoPoint site = offset(towns[town], r, 8);
        double k = r.nextDouble();
        boolean welfare = k < 0.08;
        EmployerKind kind = welfare ? EmployerKind.PUBLIC_WELFARE : k < 0.5 ? EmployerKind.ENTERPRISE
                : k < 0.8 ? EmployerKind.COOPERATIVE : EmployerKind.INDUSTRIAL_PARK;
        Skill category = welfare ? (r.nextBoolean() ? Skill.CLEANING : Skill.SECURITY)
                : kind == EmployerKind.INDUSTRIAL_PARK ? (r.nextBoolean() ? Skill.FRUIT_GROWING : Skill.FARMING)
                : COMMON_SKILLS[r.nextInt(COMMON_SKILLS.length)];
        List<SpecialGroup> suitable = welfare ? List.of(SpecialGroup.ELDERLY, SpecialGroup.DISABLED)
                : r.nextDouble() < 0.12 ? List.of(SpecialGroup.ELDERLY) : r.nextDouble() < 0.06
                        ? List.of(SpecialGroup.DISABLED, SpecialGroup.SERIOUSLY_ILL) : List.of();
        int maxAge = welfare || !suitable.isEmpty() ? 70 : 50 + 5 * r.nextInt(3);
        int wage = welfare ? 1800 + 100 * r.nextInt(8) : 2600 + 100 * r.nextInt(30);
        return new JobView("j" + i, kind, category, List.of(), COUNTY, site, wage, SEASON.plusDays(5 + r.nextInt(40)),
                18, maxAge, suitable, welfare ? "town" + town : null);
    }

    private static JobView awayJob(int i, SplittableRandom r) {
        City city = pickCity(r);
        GeoPoint site = offset(new GeoPoint(city.lat(), city.lon()), r, 25);
        Skill category = COMMON_SKILLS[r.nextInt(COMMON_SKILLS.length)];
        List<Skill> required = r.nextDouble() < 0.3 ? List.of(COMMON_SKILLS[r.nextInt(COMMON_SKILLS.length)]) : List.of();
        EmployerKind kind = r.nextDouble() < 0.1 ? EmployerKind.RETURN_TO_WORK_HQ : EmployerKind.ENTERPRISE;
        int maxAge = 45 + 5 * r.nextInt(4);
        int wage = 3800 + 100 * r.nextInt(45);
        return new JobView("j" + i, kind, category, required, city.name(), site, wage, SEASON.plusDays(5 + r.nextInt(40)),
                18, maxAge, List.of(), null);
    }

    private static City pickCity(SplittableRandom r) {
        double total = CITIES.stream().mapToDouble(City::weight).sum();
        double x = r.nextDouble() * total;
        for (City c : CITIES) {
            x -= c.weight();
            if (x <= 0) {
                return c;
            }
        }
        return CITIES.get(CITIES.size() - 1);
    }

    private static GeoPoint offset(GeoPoint centre, SplittableRandom r, double radiusKm) {
        double d = Math.sqrt(r.nextDouble()) * radiusKm;
        double angle = r.nextDouble() * 2 * Math.PI;
        double dLat = d * Math.cos(angle) / 111.2;
        double dLon = d * Math.sin(angle) / (111.2 * Math.cos(Math.toRadians(centre.lat())));
        return new GeoPoint(centre.lat() + dLat, centre.lon() + dLon);
    }

    /** Splits {@code total} in proportion to the weights, in whole numbers (largest remainder). */
    static int[] apportion(double[] weights, long total) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] counts = new int[weights.length];
        double[] remainders = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = weights[i] / sum * total;
            counts[i] = (int) Math.floor(exact);
            remainders[i] = exact - counts[i];
            given += counts[i];
        }
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(remainders[b], remainders[a]));
        for (int i = 0; given < total; i++, given++) {
            counts[order[i % order.length]]++;
        }
        return counts;
    }

    /** The workers in the order their registrations arrive: shuffled with the seed. */
    public List<WorkerView> arrivalOrder(long seed) {
        List<WorkerView> order = new ArrayList<>(workers);
        java.util.Collections.shuffle(order, new Random(seed));
        return order;
    }
}
