package org.chunfeng.contracts.employment;

import java.time.LocalDate;
import java.util.List;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Place;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.SkillLevel;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;

/**
 * What other services may know of a worker: enough to match and transport them, and no more.
 * The national ID number never leaves employment-service; only its masked form does, for a check at boarding.
 */
public record WorkerProfile(
        String name,
        String idNumberMasked,
        String phoneMasked,
        int age,
        String sex,
        String householdId,
        PovertyStatus povertyStatus,
        List<SpecialGroup> specialGroups,
        String county,
        String town,
        String village,
        Place collectionPoint,
        GeoPoint home,
        List<SkillLevel> skills,
        WorkIntent intent,
        List<String> preferredCities,
        int minMonthlyWage,
        LocalDate availableFrom,
        TravelFitness fitness,
        LocalDate fitnessCheckedOn) {
}
