package org.chunfeng.jobs.posting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.kit.error.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/jobs")
@Tag(name = "Jobs", description = "Job postings and their openings")
class PostingController {

    private final Postings postings;

    PostingController(Postings postings) {
        this.postings = postings;
    }

    /** One page of a listing. */
    record Page<T>(List<T> items, int page, int size, long total) {
    }

    /** Why a job closes, if the office says. */
    record CloseRequest(String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    @Operation(summary = "Post a job", description = "Labour office only. Announced as JobPosted; waiting workers are "
            + "matched to it at once (as a batch when it has many openings).")
    Posting post(@Valid @RequestBody PostingForm form) {
        return postings.post(form);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('LABOUR_OFFICE', 'TRANSPORT_COORDINATOR')")
    @Operation(summary = "List jobs, newest first", description = "Labour office and transport coordinators. "
            + "near=lat,lon keeps jobs within radiusKm road kilometres (great-circle times the road factor).")
    Page<Posting> list(@RequestParam(required = false) Skill category,
            @RequestParam(required = false) EmployerKind employerKind, @RequestParam(required = false) JobStatus status,
            @Parameter(description = "lat,lon, for example 33.14,116.21") @RequestParam(required = false) String near,
            @RequestParam(defaultValue = "30") @Min(0) @Max(5000) double radiusKm,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<Posting> all = postings.list(new Postings.Filter(category, employerKind, status, point(near), radiusKm));
        int from = (int) Math.min((long) page * size, all.size());
        return new Page<>(all.subList(from, Math.min(all.size(), from + size)), page, size, all.size());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('LABOUR_OFFICE', 'TRANSPORT_COORDINATOR')")
    @Operation(summary = "One job with its openings: total, reserved by live offers, filled by placements")
    Posting get(@PathVariable String id) {
        return postings.get(id);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    @Operation(summary = "Change a job", description = "Labour office only. Only the fields given change; openings "
            + "cannot drop below those reserved and filled (409). Announced as JobUpdated.")
    Posting change(@PathVariable String id, @Valid @RequestBody PostingPatch patch) {
        return postings.change(id, patch);
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    @Operation(summary = "Close a job", description = "Labour office only. Announced as JobClosed; its live offers are "
            + "withdrawn (MatchWithdrawn) and those workers matched again. Placements stand.")
    Posting close(@PathVariable String id, @RequestBody(required = false) CloseRequest request) {
        return postings.close(id, request == null ? null : request.reason());
    }

    static GeoPoint point(String near) {
        if (near == null || near.isBlank()) {
            return null;
        }
        String[] parts = near.split(",");
        try {
            if (parts.length == 2) {
                double lat = Double.parseDouble(parts[0].trim());
                double lon = Double.parseDouble(parts[1].trim());
                if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
                    return new GeoPoint(lat, lon);
                }
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidInputException("near", "must be latitude,longitude in degrees, like 33.14,116.21");
    }
}
