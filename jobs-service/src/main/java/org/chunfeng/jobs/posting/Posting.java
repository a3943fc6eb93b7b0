package org.chunfeng.jobs.posting;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.contracts.common.Place;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.contracts.jobs.JobPosting;
import org.chunfeng.jobs.matching.JobView;

/** A job posting with its openings: how many in all, how many reserved by live offers, how many filled. */
public record Posting(
        String id,
        String employerId,
        String employerName,
        EmployerKind employerKind,
        String title,
        Skill category,
        List<Skill> requiredSkills,
        @Schema(description = "Openings in all") int openings,
        @Schema(description = "Openings held by live offers") int reserved,
        @Schema(description = "Openings filled by placements") int filled,
        Place site,
        int monthlyWage,
        LocalDate startDate,
        boolean accommodation,
        int minAge,
        @Schema(description = "0 when there is no upper limit") int maxAge,
        List<SpecialGroup> suitableFor,
        @Schema(description = "Set for public-welfare posts: only poor and unstable households of this town may take them")
        String publicWelfareTown,
        JobStatus status,
        Instant postedAt,
        Instant updatedAt) {

    public int free() {
        return Math.max(0, openings - reserved - filled);
    }

    public JobPosting toContract() {
        return new JobPosting(employerId, employerName, employerKind, title, category, requiredSkills, openings, site,
                monthlyWage, startDate, accommodation, minAge, maxAge, suitableFor, publicWelfareTown);
    }

    public JobView toView() {
        return new JobView(id, employerKind, category, requiredSkills, site == null ? null : site.city(),
                site == null ? null : site.location(), monthlyWage, startDate, minAge, maxAge, suitableFor,
                publicWelfareTown);
    }
}
