package org.chunfeng.contracts.jobs;

import java.time.LocalDate;
import java.util.List;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.contracts.common.Place;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SpecialGroup;

/**
 * A job posting as other services see it. {@code publicWelfareTown} is set only for public-welfare posts,
 * which are open to poor and unstable households of that town alone.
 */
public record JobPosting(
        String employerId,
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
}
