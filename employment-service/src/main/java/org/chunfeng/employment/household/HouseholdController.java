package org.chunfeng.employment.household;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.employment.worker.Worker;
import org.chunfeng.employment.worker.WorkerQueries;
import org.chunfeng.employment.worker.WorkerViews;
import org.chunfeng.employment.worker.WorkerViews.WorkerRow;
import org.chunfeng.kit.error.NotFoundException;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** One plan per household (一户一方案): its members and how far each has come. */
@RestController
@Tag(name = "Households", description = "A household's members and their progress")
@ApiResponse(responseCode = "401", description = "No valid token", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "Only the labour office", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class HouseholdController {

    private final WorkerQueries queries;
    private final Clock clock;

    HouseholdController(WorkerQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    record Household(String householdId, List<PovertyStatus> povertyStatus, String town, String village,
            int members, long placed, List<WorkerRow> workers) {
    }

    @GetMapping("/api/households/{householdId}")
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    @Operation(summary = "A household's registered members, phones masked")
    @ApiResponse(responseCode = "200", description = "The household")
    @ApiResponse(responseCode = "404", description = "Nobody registered under this household number",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    Household household(@PathVariable String householdId) {
        List<Worker> members = queries.all(new WorkerQueries.Filter(null, null, null, null, null, householdId));
        if (members.isEmpty()) {
            throw new NotFoundException("Household", householdId);
        }
        var now = clock.instant();
        Worker first = members.get(0);
        return new Household(householdId, members.stream().map(Worker::povertyStatus).distinct().toList(),
                first.town(), first.village(), members.size(),
                members.stream().filter(w -> w.status().isPlaced()).count(),
                members.stream().map(w -> WorkerViews.row(w, now)).toList());
    }
}
