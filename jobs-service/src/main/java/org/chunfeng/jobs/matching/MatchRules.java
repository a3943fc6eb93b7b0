package org.chunfeng.jobs.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;
import org.chunfeng.contracts.jobs.ScoreComponent;

/**
 * The hard constraints and the score of one worker against one posting. The hot paths ({@link #violation},
 * {@link #jobPoints}) allocate nothing, since a batch weighs millions of pairs; {@link #explain} builds the reasons
 * only for pairs that become offers.
 */
public final class MatchRules {

    public static final String SKILL = "skill";
    public static final String DISTANCE = "distance";
    public static final String WAGE = "wage";
    public static final String PRIORITY = "priority";
    public static final String WAITING = "waiting";

    private static final double MIN_REFERENCE_WAGE = 2000;
    private static final double KM_PER_DEGREE = 111.2;

    private final MatchingSettings settings;
    private final Weights weights;
    private final RoadDistance roads;
    private final double greatCircleReachDegrees;

    public MatchRules(MatchingSettings settings, RoadDistance roads) {
        this.settings = settings;
        this.weights = settings.weights();
        this.roads = roads;
        // A site more than this many degrees of latitude away cannot be within the commute (road >= great circle).
        this.greatCircleReachDegrees = settings.localCommuteKm() / KM_PER_DEGREE * 1.01;
    }

    public static MatchRules of(MatchingSettings settings) {
        return new MatchRules(settings, RoadDistance.greatCircle(settings.roadFactor()));
    }

    public MatchingSettings settings() {
        return settings;
    }

    /** Road km from the worker's home to the site; infinite when either place is unknown or the site beyond the commute. */
    public double roadKm(WorkerView w, JobView j) {
        return j.site() == null ? Double.POSITIVE_INFINITY
                : roadKm(w, j.site().lat(), j.site().lon(), j.siteCosLat);
    }

    /** The same for a site given by its coordinates and its latitude's cosine (NaN: no site). */
    double roadKm(WorkerView w, double lat, double lon, double cosLat) {
        // Beyond the commute only "not local" matters, never how far: skip the exact distance there.
        if (w.location() == null || surelyBeyondCommute(w, lat, lon, cosLat)) {
            return Double.POSITIVE_INFINITY;
        }
        return nearRoadKm(w, lat, lon, cosLat);
    }

    /** The road distance to a site the caller knows is not surely beyond the commute, nor unknown. */
    double nearRoadKm(WorkerView w, double lat, double lon, double cosLat) {
        GeoPoint home = w.location();
        return roads.km(home.lat(), home.lon(), w.cosLat, lat, lon, cosLat);
    }

    /**
     * Whether a site at these coordinates (NaN: none) is surely beyond the commute from the worker's home, which must
     * be known: what lets a search pass over a posting without reading it.
     */
    boolean surelyBeyondCommute(WorkerView w, double lat, double lon, double cosLat) {
        if (Double.isNaN(lat)) {
            return true;
        }
        GeoPoint home = w.location();
        if (Math.abs(home.lat() - lat) > greatCircleReachDegrees) {
            return true;
        }
        double dLon = Math.abs(home.lon() - lon);
        if (dLon * w.lonShrink > greatCircleReachDegrees * 1.1) {
            return true;
        }
        return roads.surelyBeyond(home.lat(), home.lon(), w.cosLat, lat, lon, cosLat, settings.localCommuteKm());
    }

    /** Whether a site at these coordinates is surely within the commute from the worker's home, which must be known. */
    boolean surelyWithinCommute(WorkerView w, double lat, double lon, double cosLat) {
        GeoPoint home = w.location();
        return !Double.isNaN(lat) && Math.abs(home.lat() - lat) <= greatCircleReachDegrees
                && roads.surelyWithin(home.lat(), home.lon(), w.cosLat, lat, lon, cosLat, settings.localCommuteKm());
    }

    /** The exact road distance, for messages and events; {@link #roadKm} may answer infinity for far sites. */
    public double exactRoadKm(WorkerView w, JobView j) {
        return w.location() == null || j.site() == null ? Double.POSITIVE_INFINITY : roads.km(w.location(), j.site());
    }

    public boolean isLocal(double roadKm) {
        return roadKm <= settings.localCommuteKm();
    }

    /** The first hard constraint the pair breaks (openings aside), or null when the worker may take the job. */
    public HardConstraint violation(WorkerView w, JobView j, double roadKm) {
        if (j.monthlyWage() < w.minMonthlyWage()) {
            return HardConstraint.MINIMUM_WAGE;
        }
        if (w.age() < j.minAge() || (j.maxAge() > 0 && w.age() > j.maxAge())) {
            return HardConstraint.AGE_RANGE;
        }
        if (w.availableDay > j.startDay) {
            return HardConstraint.AVAILABLE_BY_START;
        }
        if ((w.specialMask & ~j.suitableMask) != 0) {
            return HardConstraint.SPECIAL_GROUP;
        }
        HardConstraint travel = travelViolation(w, isLocal(roadKm));
        if (travel != null) {
            return travel;
        }
        if (j.publicWelfare() && !publicWelfareEligible(w, j)) {
            return HardConstraint.PUBLIC_WELFARE;
        }
        if (!w.excludedJobs().isEmpty() && w.excludedJobs().contains(j.jobId())) {
            return HardConstraint.NOT_DECLINED;
        }
        return null;
    }

    /**
     * The constraint a job within the commute ({@code local}) or beyond it breaks by the worker's work intent or
     * fitness to travel, or null.
     */
    static HardConstraint travelViolation(WorkerView w, boolean local) {
        if (w.intent() == WorkIntent.LOCAL && !local || w.intent() == WorkIntent.AWAY && local) {
            return HardConstraint.WORK_INTENT;
        }
        if (!local && w.fitness() != TravelFitness.GREEN) {
            return HardConstraint.FIT_TO_TRAVEL;
        }
        return null;
    }

    /** Whether the pair breaks a constraint that needs no distance: a cheap first test before the distance. */
    boolean violatesBeforeDistance(WorkerView w, JobView j) {
        return j.monthlyWage() < w.minMonthlyWage() || outsideAgeStartOrGroups(w, j.reach);
    }

    /**
     * Whether the worker is outside a posting's age range (maximum 0: no upper limit), available only after it
     * starts, or of a special group it does not suit; the posting given by those fields as {@link JobView#reach} packs
     * them, the form the board's lists and facts keep.
     */
    static boolean outsideAgeStartOrGroups(WorkerView w, long reach) {
        int minAge = (int) (reach >>> 20) & 0xfff;
        int maxAge = (int) (reach >>> 8) & 0xfff;
        return w.age() < minAge || maxAge > 0 && w.age() > maxAge || w.availableDay > (int) (reach >> 32)
                || (w.specialMask & ~((int) reach & 0xff)) != 0;
    }

    /** Every hard constraint the pair breaks (openings aside), for explanations. */
    public List<HardConstraint> violations(WorkerView w, JobView j) {
        double km = roadKm(w, j);
        List<HardConstraint> broken = new ArrayList<>();
        boolean local = isLocal(km);
        if (w.excludedJobs().contains(j.jobId())) {
            broken.add(HardConstraint.NOT_DECLINED);
        }
        if (w.intent() == WorkIntent.LOCAL && !local || w.intent() == WorkIntent.AWAY && local) {
            broken.add(HardConstraint.WORK_INTENT);
        }
        if (!local && w.fitness() != TravelFitness.GREEN) {
            broken.add(HardConstraint.FIT_TO_TRAVEL);
        }
        if (j.publicWelfare() && !publicWelfareEligible(w, j)) {
            broken.add(HardConstraint.PUBLIC_WELFARE);
        }
        if ((w.specialMask & ~j.suitableMask) != 0) {
            broken.add(HardConstraint.SPECIAL_GROUP);
        }
        if (w.age() < j.minAge() || (j.maxAge() > 0 && w.age() > j.maxAge())) {
            broken.add(HardConstraint.AGE_RANGE);
        }
        if (w.availableDay > j.startDay) {
            broken.add(HardConstraint.AVAILABLE_BY_START);
        }
        if (j.monthlyWage() < w.minMonthlyWage()) {
            broken.add(HardConstraint.MINIMUM_WAGE);
        }
        return broken;
    }

    private static boolean publicWelfareEligible(WorkerView w, JobView j) {
        boolean poor = w.povertyStatus() == PovertyStatus.POOR || w.povertyStatus() == PovertyStatus.UNSTABLE;
        return poor && j.publicWelfareTown() != null && j.publicWelfareTown().equals(w.town());
    }

    /** The points that depend on the job: skill, distance or city, wage. They rank a worker's feasible jobs. */
    public double jobPoints(WorkerView w, JobView j, double roadKm) {
        return points(skillFit(w, j.skillBits), placeFit(w, j, roadKm), wageFit(w, j.monthlyWage()));
    }

    /**
     * The same from what a search keeps of the posting ({@link PostingFacts}): its skills, the road distance, whether
     * its city is one the worker prefers (when beyond the commute), its wage.
     */
    double jobPoints(WorkerView w, long skillBits, double roadKm, boolean preferredCity, int monthlyWage) {
        return points(skillFit(w, skillBits), placeFit(w, roadKm, preferredCity), wageFit(w, monthlyWage));
    }

    private double points(double skillFit, double placeFit, double wageFit) {
        return weights.skill() * skillFit + weights.distance() * placeFit + weights.wage() * wageFit;
    }

    /** The points that depend on the worker alone: priority and waiting time. They rank workers for scarce openings. */
    public double workerPoints(WorkerView w, Instant now) {
        return weights.priority() * priorityFit(w.povertyStatus()) + weights.waiting() * waitingFit(w, now);
    }

    public double score(WorkerView w, JobView j, double roadKm, Instant now) {
        return jobPoints(w, j, roadKm) + workerPoints(w, now);
    }

    /** The score with one explained line per criterion, in Chinese and English. */
    public Score explain(WorkerView w, JobView j, Instant now) {
        double km = exactRoadKm(w, j);
        List<ScoreComponent> lines = new ArrayList<>(5);
        lines.add(skillLine(w, j));
        lines.add(placeLine(w, j, km));
        lines.add(new ScoreComponent(WAGE, round(weights.wage() * wageFit(w, j)),
                "月薪" + j.monthlyWage() + "元，本人期望不低于" + w.minMonthlyWage() + "元",
                "Monthly wage " + j.monthlyWage() + " yuan; the worker asks for at least " + w.minMonthlyWage()));
        lines.add(priorityLine(w));
        long days = waitingDays(w, now);
        lines.add(new ScoreComponent(WAITING, round(weights.waiting() * waitingFit(w, now)), "已等待" + days + "天",
                "Waiting for " + days + (days == 1 ? " day" : " days")));
        double total = lines.stream().mapToDouble(ScoreComponent::points).sum();
        return new Score(round(total), List.copyOf(lines));
    }

    double skillFit(WorkerView w, JobView j) {
        return skillFit(w, j.skillBits);
    }

    /** The skill fraction for a job asking for these skills ({@link JobView#skillBits}). */
    static double skillFit(WorkerView w, long skillBits) {
        double best = 0;
        for (long bits = skillBits & ~JobView.GENERAL_LABOUR_CATEGORY; bits != 0; bits &= bits - 1) {
            int years = w.yearsBySkill[Long.numberOfTrailingZeros(bits)];
            if (years >= 0) {
                best = Math.max(best, skillFraction(years));
            }
        }
        if (best == 0 && (skillBits & JobView.GENERAL_LABOUR_CATEGORY) != 0) {
            best = GENERAL_LABOUR_FIT;
        }
        return best;
    }

    /** The skill fraction of a worker with this many years of a skill the job asks for. */
    static double skillFraction(int years) {
        return 0.6 + 0.4 * Math.min(years, 5) / 5.0;
    }

    /** The skill fraction of a general-labour job for a worker without any of its skills. */
    static final double GENERAL_LABOUR_FIT = 0.5;

    double placeFit(WorkerView w, JobView j, double roadKm) {
        return placeFit(w, roadKm, !isLocal(roadKm) && j.city() != null && w.preferredCities().contains(j.city()));
    }

    double placeFit(WorkerView w, double roadKm, boolean preferredCity) {
        if (isLocal(roadKm)) {
            return 1.0 - 0.5 * roadKm / settings.localCommuteKm();
        }
        return awayPlaceFit(w, preferredCity);
    }

    static double awayPlaceFit(WorkerView w, boolean preferredCity) {
        if (w.preferredCities().isEmpty()) {
            return 0.5;
        }
        return preferredCity ? 1.0 : 0.2;
    }

    /**
     * The most job points a posting paying {@code monthlyWage} can earn the worker if its skill and place fractions
     * are at most these: what lets a search stop reading a list sorted by wage.
     */
    double jobPointsBound(WorkerView w, double skillFraction, double placeFraction, int monthlyWage) {
        return points(skillFraction, placeFraction, wageFit(w, monthlyWage));
    }

    static double wageFit(WorkerView w, JobView j) {
        return wageFit(w, j.monthlyWage());
    }

    static double wageFit(WorkerView w, int monthlyWage) {
        double reference = Math.max(w.minMonthlyWage(), MIN_REFERENCE_WAGE);
        double fit = (monthlyWage - reference) / (0.5 * reference);
        return Math.max(0, Math.min(1, fit));
    }

    static double priorityFit(PovertyStatus status) {
        return switch (status) {
            case POOR -> 1.0;
            case UNSTABLE -> 0.75;
            case MARGINAL -> 0.5;
            case NONE -> 0.0;
        };
    }

    static double waitingFit(WorkerView w, Instant now) {
        return Math.min(1.0, waitingDays(w, now) / 30.0);
    }

    private static long waitingDays(WorkerView w, Instant now) {
        if (w.waitingSince() == null || now == null || now.isBefore(w.waitingSince())) {
            return 0;
        }
        return Duration.between(w.waitingSince(), now).toDays();
    }

    private ScoreComponent skillLine(WorkerView w, JobView j) {
        Skill matched = null;
        int matchedYears = -1;
        for (Skill s : j.skills) {
            int years = w.yearsBySkill[s.ordinal()];
            if (years > matchedYears) {
                matched = s;
                matchedYears = years;
            }
        }
        double points = round(weights.skill() * skillFit(w, j));
        if (matched != null && matchedYears >= 0) {
            return new ScoreComponent(SKILL, points, "具备岗位所需的" + matched.labelZh() + "技能，" + matchedYears + "年经验",
                    "Has the job's skill " + matched.labelEn() + " with " + matchedYears + " years of experience");
        }
        if (j.category() == Skill.GENERAL_LABOUR) {
            return new ScoreComponent(SKILL, points, "普工岗位，无需专门技能", "General labour: no particular skill needed");
        }
        return new ScoreComponent(SKILL, points, "不具备岗位所需的" + j.category().labelZh() + "技能",
                "Lacks the job's skill " + j.category().labelEn());
    }

    private ScoreComponent placeLine(WorkerView w, JobView j, double km) {
        double points = round(weights.distance() * placeFit(w, j, km));
        String city = j.city() == null ? "" : j.city();
        if (isLocal(km)) {
            long rounded = Math.round(km);
            return new ScoreComponent(DISTANCE, points, "距家约" + rounded + "公里，可每日通勤",
                    "About " + rounded + " km from home, within a daily commute");
        }
        if (w.preferredCities().isEmpty()) {
            return new ScoreComponent(DISTANCE, points, "外出务工，岗位在" + city + "，本人未填意向城市",
                    "Away from home in " + city + "; the worker named no preferred city");
        }
        if (w.preferredCities().contains(city)) {
            return new ScoreComponent(DISTANCE, points, "岗位在本人意向城市" + city,
                    "In " + city + ", a city the worker prefers");
        }
        return new ScoreComponent(DISTANCE, points, "岗位在" + city + "，不在本人意向城市之中",
                "In " + city + ", not among the worker's preferred cities");
    }

    private ScoreComponent priorityLine(WorkerView w) {
        double points = round(weights.priority() * priorityFit(w.povertyStatus()));
        return switch (w.povertyStatus()) {
            case POOR -> new ScoreComponent(PRIORITY, points, "建档立卡贫困户，优先安置",
                    "Registered poor household: placed first");
            case UNSTABLE -> new ScoreComponent(PRIORITY, points, "脱贫不稳定户，优先安置",
                    "Out of poverty but not yet stable: placed early");
            case MARGINAL -> new ScoreComponent(PRIORITY, points, "边缘易致贫户，优先安置",
                    "Marginal household at risk of poverty: placed early");
            case NONE -> new ScoreComponent(PRIORITY, points, "非贫困户，无优先加分", "No poverty priority");
        };
    }

    static double round(double points) {
        return Math.round(points * 100) / 100.0;
    }

    /** A scored pair: the total and its explained parts. */
    public record Score(double total, List<ScoreComponent> breakdown) {
    }
}
