package org.chunfeng.devstack.demo;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SkillLevel;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;

/**
 * The town's households and their workers, as the door-to-door checks (入户排查) found them: mostly registered poor,
 * unstable and marginal households, one to four workers each, with elderly, seriously ill and disabled people among
 * them.
 */
final class Workforce {

    static final LocalDate FIRST_AVAILABLE = LocalDate.of(2026, 2, 20);
    static final LocalDate LAST_AVAILABLE = LocalDate.of(2026, 3, 10);

    private static final PovertyStatus[] STATUSES = PovertyStatus.values();
    /** POOR, UNSTABLE, MARGINAL, NONE: the campaign registers households of the poverty register first. */
    private static final double[] STATUS_WEIGHTS = {0.42, 0.16, 0.20, 0.22};
    /** Households of 1, 2, 3 and 4 workers. */
    private static final double[] HOUSEHOLD_SIZE_WEIGHTS = {0.22, 0.38, 0.25, 0.15};

    private static final Skill[] SKILLS = Skill.values();
    private static final double[] MALE_SKILL_WEIGHTS = weights(Skill.CONSTRUCTION, 18, Skill.ELECTRONICS_ASSEMBLY, 8,
            Skill.GARMENT, 2, Skill.LOGISTICS, 12, Skill.CLEANING, 3, Skill.FARMING, 14, Skill.FRUIT_GROWING, 6,
            Skill.DRIVING, 8, Skill.COOKING, 5, Skill.CARE_WORK, 1, Skill.SECURITY, 7, Skill.GENERAL_LABOUR, 16);
    private static final double[] FEMALE_SKILL_WEIGHTS = weights(Skill.CONSTRUCTION, 2, Skill.ELECTRONICS_ASSEMBLY, 16,
            Skill.GARMENT, 16, Skill.LOGISTICS, 5, Skill.CLEANING, 12, Skill.FARMING, 14, Skill.FRUIT_GROWING, 6,
            Skill.DRIVING, 1, Skill.COOKING, 8, Skill.CARE_WORK, 9, Skill.SECURITY, 1, Skill.GENERAL_LABOUR, 12);
    private static final double[] SKILL_COUNT_WEIGHTS = {0.12, 0.45, 0.30, 0.13};

    private final SplittableRandom random;
    private final DemoTown town;
    private final IdNumbers idNumbers;
    private final Phones phones;
    private final double[] villageWeights;

    private final List<DemoHousehold> households = new ArrayList<>();
    private final List<DemoWorker> workers = new ArrayList<>();

    Workforce(SplittableRandom random, DemoTown town, IdNumbers idNumbers, Phones phones) {
        this.random = random;
        this.town = town;
        this.idNumbers = idNumbers;
        this.phones = phones;
        // Villages differ in size, by up to about two to one.
        this.villageWeights = new double[town.villages().size()];
        for (int i = 0; i < villageWeights.length; i++) {
            villageWeights[i] = 0.7 + 0.6 * random.nextDouble();
        }
    }

    List<DemoHousehold> households() {
        return households;
    }

    List<DemoWorker> workers() {
        return workers;
    }

    /** Adds households until the town has exactly {@code count} workers. */
    void register(int count) {
        while (workers.size() < count) {
            int size = Math.min(1 + Draw.weighted(random, HOUSEHOLD_SIZE_WEIGHTS), count - workers.size());
            household(size);
        }
    }

    private void household(int size) {
        int villageIndex = Draw.weighted(random, villageWeights);
        DemoVillage village = town.villages().get(villageIndex);
        PovertyStatus status = STATUSES[Draw.weighted(random, STATUS_WEIGHTS)];
        String householdId = "CJJ" + Draw.digits(villageIndex + 1, 2) + Draw.digits(households.size() + 1, 6);
        GeoPoint home = Geography.scatter(random, village.collectionPoint().location(), 0.1, 1.5);
        String surname = Names.surname(random);

        boolean headMale = Draw.chance(random, 0.7);
        // Heads of household are 22 to 58, most around forty.
        int headAge = 22 + (random.nextInt(37) + random.nextInt(37)) / 2;
        String headName = surname + Names.given(random, headMale);
        add(headName, headMale, headAge, householdId, status, village, home);
        for (int member = 1; member < size; member++) {
            boolean male = Draw.chance(random, 0.5);
            int childAge = headAge - Draw.between(random, 20, 28);
            if (member == 1) {
                int age = clamp(headAge + Draw.between(random, -3, 3), 18, 65);
                add(Names.full(random, !headMale), !headMale, age, householdId, status, village, home);
            } else if (Draw.chance(random, 0.2)) {
                // A parent who still works: the elderly of the campaign, a few past 65.
                int age = clamp(headAge + Draw.between(random, 22, 30), 45, 72);
                String name = male ? surname + Names.given(random, true) : Names.full(random, false);
                add(name, male, age, householdId, status, village, home);
            } else if (childAge >= 18) {
                add(surname + Names.given(random, male), male, childAge, householdId, status, village, home);
            } else {
                // A brother or sister of the head, when the children are too young to work.
                int age = clamp(headAge + Draw.between(random, -8, 8), 18, 62);
                add(surname + Names.given(random, male), male, age, householdId, status, village, home);
            }
        }
        households.add(new DemoHousehold(householdId, village.name(), status, headName, size));
    }

    private void add(String name, boolean male, int age, String householdId, PovertyStatus status,
            DemoVillage village, GeoPoint home) {
        LocalDate birthDate = CampaignGenerator.REGISTRATION_DATE.minusYears(age)
                .minusDays(random.nextInt(365));
        age = Period.between(birthDate, CampaignGenerator.REGISTRATION_DATE).getYears();
        String idNumber = idNumbers.issue(Geography.COUNTY_AREA_CODE, birthDate, male, random);
        Set<SpecialGroup> groups = EnumSet.noneOf(SpecialGroup.class);
        if (age >= 60) {
            groups.add(SpecialGroup.ELDERLY);
        }
        boolean poor = status == PovertyStatus.POOR;
        if (Draw.chance(random, poor ? 0.06 : 0.03)) {
            groups.add(SpecialGroup.DISABLED);
        }
        if (Draw.chance(random, poor ? 0.04 : 0.02)) {
            groups.add(SpecialGroup.SERIOUSLY_ILL);
        }
        WorkIntent intent = intent(groups, age);
        LocalDate availableFrom = FIRST_AVAILABLE.plusDays(
                random.nextInt((int) (LAST_AVAILABLE.toEpochDay() - FIRST_AVAILABLE.toEpochDay()) + 1));
        workers.add(new DemoWorker(name, idNumber, phones.issue(random), male ? "M" : "F", birthDate, age,
                householdId, status, List.copyOf(groups), Geography.COUNTY, Geography.TOWN, village.name(),
                village.collectionPoint(), home, skills(male, age), intent, preferredCities(intent),
                minMonthlyWage(intent, groups), availableFrom, fitness(groups),
                LocalDate.of(2026, 2, 8).plusDays(random.nextInt(12))));
    }

    private WorkIntent intent(Set<SpecialGroup> groups, int age) {
        double[] localEitherAway;
        if (!groups.isEmpty()) {
            localEitherAway = new double[] {0.85, 0.15, 0};
        } else if (age >= 55) {
            localEitherAway = new double[] {0.55, 0.30, 0.15};
        } else {
            localEitherAway = new double[] {0.20, 0.35, 0.45};
        }
        return new WorkIntent[] {WorkIntent.LOCAL, WorkIntent.EITHER, WorkIntent.AWAY}[
                Draw.weighted(random, localEitherAway)];
    }

    private List<String> preferredCities(WorkIntent intent) {
        if (intent == WorkIntent.LOCAL) {
            return List.of();
        }
        int count = Draw.between(random, 1, 3);
        List<String> cities = new ArrayList<>(count);
        double[] weights = Geography.CITY_WEIGHTS.clone();
        for (int i = 0; i < count; i++) {
            int city = Draw.weighted(random, weights);
            weights[city] = 0;
            cities.add(Geography.CITIES.get(city).name());
        }
        return cities;
    }

    private List<SkillLevel> skills(boolean male, int age) {
        int count = Draw.weighted(random, SKILL_COUNT_WEIGHTS);
        double[] weights = (male ? MALE_SKILL_WEIGHTS : FEMALE_SKILL_WEIGHTS).clone();
        int maxYears = Math.max(1, Math.min(30, age - 16));
        List<SkillLevel> skills = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int skill = Draw.weighted(random, weights);
            weights[skill] = 0;
            int years = 1 + Math.min(random.nextInt(maxYears), random.nextInt(maxYears));
            skills.add(new SkillLevel(SKILLS[skill], years));
        }
        return skills;
    }

    private int minMonthlyWage(WorkIntent intent, Set<SpecialGroup> groups) {
        if (!groups.isEmpty()) {
            return Draw.yuan(random, 600, 1600);
        }
        return switch (intent) {
            case LOCAL -> Draw.yuan(random, 1800, 3200);
            case EITHER -> Draw.yuan(random, 2500, 4500);
            case AWAY -> Draw.yuan(random, 3200, 5800);
        };
    }

    private TravelFitness fitness(Set<SpecialGroup> groups) {
        double[] greenYellowRed = groups.contains(SpecialGroup.SERIOUSLY_ILL)
                ? new double[] {0.4, 0.4, 0.2}
                : new double[] {0.9, 0.07, 0.03};
        return TravelFitness.values()[Draw.weighted(random, greenYellowRed)];
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double[] weights(Object... skillAndWeight) {
        double[] weights = new double[SKILLS.length];
        for (int i = 0; i < skillAndWeight.length; i += 2) {
            weights[((Skill) skillAndWeight[i]).ordinal()] = ((Number) skillAndWeight[i + 1]).doubleValue();
        }
        return weights;
    }
}
