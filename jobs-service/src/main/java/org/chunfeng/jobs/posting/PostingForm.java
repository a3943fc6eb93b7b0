package org.chunfeng.jobs.posting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SpecialGroup;

/**
 * A new job posting. {@code publicWelfareTown} is taken from the employer for public-welfare programmes; the age range
 * defaults to 16 to no upper limit.
 */
public record PostingForm(
        @NotBlank String employerId,
        @NotBlank @Size(max = 200) String title,
        @NotNull Skill category,
        List<Skill> requiredSkills,
        @NotNull @Min(1) @Max(100_000) Integer openings,
        @NotNull @Valid SiteForm site,
        @NotNull @Min(0) @Max(1_000_000) Integer monthlyWage,
        @NotNull LocalDate startDate,
        Boolean accommodation,
        @Min(16) @Max(100) Integer minAge,
        @Min(0) @Max(100) Integer maxAge,
        List<SpecialGroup> suitableFor) {
}
