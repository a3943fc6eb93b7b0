package org.chunfeng.devstack.demo;

import java.time.LocalDate;
import java.util.List;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.contracts.common.Place;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SpecialGroup;

/**
 * A job posting with the fields of {@code JobPosting}. {@code postingRef} and {@code employerRef} are the demo's own
 * stable keys, so a loader can tell what it already posted; the services assign the real ids.
 */
public record DemoPosting(
        String postingRef,
        String employerRef,
        String employerName,
        EmployerKind employerKind,
        String title,
        Skill category,
        List<Skill> requiredSkills,
        int openings,
        Place site,
        int monthlyWage,
        LocalDate startDate,
        boolean accommodation,
        int minAge,
        int maxAge,
        List<SpecialGroup> suitableFor,
        String publicWelfareTown) {

    public DemoPosting {
        requiredSkills = List.copyOf(requiredSkills);
        suitableFor = List.copyOf(suitableFor);
    }
}
