package org.chunfeng.jobs.posting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SpecialGroup;

/**
 * A change to a posting: only the fields given change. Openings cannot drop below those already reserved or filled.
 * Live offers stand as they were made.
 */
public record PostingPatch(
        @Size(min = 1, max = 200) String title,
        Skill category,
        List<Skill> requiredSkills,
        @Min(1) @Max(100_000) Integer openings,
        @Valid SiteForm site,
        @Min(0) @Max(1_000_000) Integer monthlyWage,
        LocalDate startDate,
        Boolean accommodation,
        @Min(16) @Max(100) Integer minAge,
        @Min(0) @Max(100) Integer maxAge,
        List<SpecialGroup> suitableFor) {
}
