package org.chunfeng.devstack.demo;

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
 * A worker as the labour office registers them: the fields of {@code WorkerProfile} with the raw national ID number
 * and the full phone number instead of their masked forms, because registration is where those are entered.
 * {@code sex} is "M" or "F", and agrees with the ID number's 17th digit; {@code age} is on the campaign's
 * registration date ({@link CampaignGenerator#REGISTRATION_DATE}).
 */
public record DemoWorker(
        String name,
        String idNumber,
        String phone,
        String sex,
        LocalDate birthDate,
        int age,
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

    public DemoWorker {
        specialGroups = List.copyOf(specialGroups);
        skills = List.copyOf(skills);
        preferredCities = List.copyOf(preferredCities);
    }
}
