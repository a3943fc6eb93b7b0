package org.chunfeng.employment.worker;

import java.time.LocalDate;
import java.util.List;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.SkillLevel;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;

/** Everything about a worker that the labour office may correct later; the ID number is not among it. */
public record Details(
        String name,
        String phone,
        String householdId,
        PovertyStatus povertyStatus,
        List<SpecialGroup> specialGroups,
        String county,
        String town,
        String village,
        PlaceRef collectionPoint,
        GeoPoint home,
        List<SkillLevel> skills,
        WorkIntent intent,
        List<String> preferredCities,
        int minMonthlyWage,
        LocalDate availableFrom,
        TravelFitness fitness,
        LocalDate fitnessCheckedOn) {

    public Details {
        specialGroups = specialGroups == null ? List.of() : List.copyOf(specialGroups);
        skills = skills == null ? List.of() : List.copyOf(skills);
        preferredCities = preferredCities == null ? List.of() : List.copyOf(preferredCities);
    }

    public Details withCollectionPoint(PlaceRef point) {
        return new Details(name, phone, householdId, povertyStatus, specialGroups, county, town, village, point,
                home, skills, intent, preferredCities, minMonthlyWage, availableFrom, fitness, fitnessCheckedOn);
    }
}
