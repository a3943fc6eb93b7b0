package org.chunfeng.jobs.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;

/**
 * What matching knows of a worker, with the derived values the hot loop needs (bit masks, epoch days) computed once.
 * {@code location} is the home, or the village collection point when the home is unknown; null if neither is known,
 * in which case no job counts as local.
 */
public final class WorkerView {

    private final String workerId;
    private final int age;
    private final PovertyStatus povertyStatus;
    private final Set<SpecialGroup> specialGroups;
    private final String town;
    private final GeoPoint location;
    private final Map<Skill, Integer> skillYears;
    private final WorkIntent intent;
    private final List<String> preferredCities;
    private final int minMonthlyWage;
    private final LocalDate availableFrom;
    private final TravelFitness fitness;
    private final Set<String> excludedJobs;
    private final Instant waitingSince;

    final int specialMask;
    final long availableDay;
    final int[] yearsBySkill;
    final Skill[] skills;
    /** The cosine of the home's latitude, as distances take it ({@link GeoPoint#cosLat}); NaN without a home. */
    final double cosLat;
    /**
     * A degree of longitude at home in degrees of latitude: that cosine, but no smaller than at 85°, where the search's
     * box around home stops narrowing. The search asks it of every site near home it passes over.
     */
    final double lonShrink;
    private static final double LON_SHRINK_AT_85 = Math.cos(Math.toRadians(85));

    public WorkerView(String workerId, int age, PovertyStatus povertyStatus, Collection<SpecialGroup> specialGroups,
            String town, GeoPoint location, Map<Skill, Integer> skillYears, WorkIntent intent,
            List<String> preferredCities, int minMonthlyWage, LocalDate availableFrom, TravelFitness fitness,
            Set<String> excludedJobs, Instant waitingSince) {
        this.workerId = workerId;
        this.age = age;
        this.povertyStatus = povertyStatus == null ? PovertyStatus.NONE : povertyStatus;
        this.specialGroups = specialGroups == null || specialGroups.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(EnumSet.copyOf(specialGroups));
        this.town = town;
        this.location = location;
        // An EnumMap keeps the skills in one order in every JVM, so searches and their ties repeat exactly.
        this.skillYears = skillYears == null || skillYears.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(skillYears));
        this.intent = intent == null ? WorkIntent.EITHER : intent;
        this.preferredCities = preferredCities == null ? List.of()
                : preferredCities.stream().filter(c -> c != null && !c.isBlank()).distinct().toList();
        this.minMonthlyWage = Math.max(0, minMonthlyWage);
        this.availableFrom = availableFrom;
        this.fitness = fitness == null ? TravelFitness.RED : fitness;
        this.excludedJobs = excludedJobs == null ? Set.of() : Set.copyOf(excludedJobs);
        this.waitingSince = waitingSince;
        this.specialMask = SpecialGroups.mask(this.specialGroups);
        this.availableDay = availableFrom == null ? Long.MIN_VALUE : availableFrom.toEpochDay();
        this.yearsBySkill = new int[Skill.values().length];
        java.util.Arrays.fill(yearsBySkill, -1);
        this.skillYears.forEach((skill, years) -> yearsBySkill[skill.ordinal()] = Math.max(0, years));
        this.skills = this.skillYears.keySet().toArray(Skill[]::new);
        this.cosLat = location == null ? Double.NaN : GeoPoint.cosLat(location.lat());
        this.lonShrink = location == null ? 1 : Math.max(cosLat, LON_SHRINK_AT_85);
    }

    /** The same worker with other excluded jobs (after a decline or an expiry). */
    public WorkerView withExcludedJobs(Set<String> excluded) {
        return new WorkerView(workerId, age, povertyStatus, specialGroups, town, location, skillYears, intent,
                preferredCities, minMonthlyWage, availableFrom, fitness, excluded, waitingSince);
    }

    public String workerId() {
        return workerId;
    }

    public int age() {
        return age;
    }

    public PovertyStatus povertyStatus() {
        return povertyStatus;
    }

    public Set<SpecialGroup> specialGroups() {
        return specialGroups;
    }

    public String town() {
        return town;
    }

    public GeoPoint location() {
        return location;
    }

    public Map<Skill, Integer> skillYears() {
        return skillYears;
    }

    public WorkIntent intent() {
        return intent;
    }

    public List<String> preferredCities() {
        return preferredCities;
    }

    public int minMonthlyWage() {
        return minMonthlyWage;
    }

    public LocalDate availableFrom() {
        return availableFrom;
    }

    public TravelFitness fitness() {
        return fitness;
    }

    public Set<String> excludedJobs() {
        return excludedJobs;
    }

    public Instant waitingSince() {
        return waitingSince;
    }

    @Override
    public String toString() {
        return "WorkerView[" + workerId + "]";
    }
}
