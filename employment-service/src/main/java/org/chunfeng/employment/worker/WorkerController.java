package org.chunfeng.employment.worker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.employment.worker.WorkerViews.WorkerRow;
import org.chunfeng.employment.worker.WorkerViews.WorkerView;
import org.chunfeng.kit.error.InvalidInputException;
import org.chunfeng.kit.security.CurrentUser;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Workers", description = "Worker records, their status, withdrawal and first day at work")
@ApiResponse(responseCode = "401", description = "No valid token", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "The role does not allow this, or another worker's record",
        content = @Content(mediaType = "application/problem+json",
                schema = @Schema(implementation = ProblemDetail.class)))
class WorkerController {

    private final WorkerRepository workers;
    private final WorkerQueries queries;
    private final WorkerMetrics metrics;
    private final Clock clock;

    WorkerController(WorkerRepository workers, WorkerQueries queries, WorkerMetrics metrics, Clock clock) {
        this.workers = workers;
        this.queries = queries;
        this.metrics = metrics;
        this.clock = clock;
    }

    record SkillLabel(Skill code, String zh, String en) {
    }

    record Withdrawal(@Schema(example = "Found work by himself") String reason) {
    }

    record FirstDay(@Schema(description = "The day the worker started; today when absent", example = "2026-02-24")
            LocalDate date) {
    }

    @GetMapping("/api/workers/skills")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The skill taxonomy, with Chinese and English labels")
    @ApiResponse(responseCode = "200", description = "Every skill code")
    List<SkillLabel> skills() {
        return Arrays.stream(Skill.values()).map(s -> new SkillLabel(s, s.labelZh(), s.labelEn())).toList();
    }

    @GetMapping("/api/workers/{workerId}")
    @PreAuthorize("hasAnyRole('LABOUR_OFFICE', 'WORKER', 'TRANSPORT_COORDINATOR')")
    @Operation(summary = "A worker's record, with their offers and \"my bus\"", description = "The phone is whole "
            + "for the labour office and the worker themselves, masked for transport coordinators. A worker may "
            + "read only their own record.")
    @ApiResponse(responseCode = "200", description = "The record")
    @ApiResponse(responseCode = "404", description = "No such worker", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    WorkerView get(@PathVariable String workerId) {
        if (CurrentUser.isOtherWorker(workerId)) {
            throw new AccessDeniedException("another worker's record");
        }
        boolean wholePhone = CurrentUser.hasRole(Role.LABOUR_OFFICE)
                || CurrentUser.workerId().map(workerId::equals).orElse(false);
        return WorkerViews.view(workers.get(workerId), wholePhone, clock.instant());
    }

    @GetMapping("/api/workers")
    @PreAuthorize("hasAnyRole('LABOUR_OFFICE', 'TRANSPORT_COORDINATOR')")
    @Operation(summary = "Workers, newest first, with phones masked", description = "Filters combine; "
            + "a name search is plain text, never a pattern")
    @ApiResponse(responseCode = "200", description = "One page")
    @ApiResponse(responseCode = "400", description = "A bad filter or page", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    PageOf<WorkerRow> list(@Parameter(example = "程家集镇") @RequestParam(required = false) String town,
            @Parameter(example = "李楼村") @RequestParam(required = false) String village,
            @RequestParam(required = false) WorkerStatus status,
            @RequestParam(required = false) PovertyStatus povertyStatus,
            @Parameter(description = "Part of the name, anywhere in it; Latin letters in either case", example = "秀英")
            @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (name != null && name.strip().length() > WorkerQueries.MAX_NAME_SEARCH) {
            throw new InvalidInputException("name", "is at most " + WorkerQueries.MAX_NAME_SEARCH + " characters");
        }
        return queries.page(WorkerQueries.Filter.of(town, village, status, povertyStatus).withName(name), page, size)
                .map(w -> WorkerViews.row(w, clock.instant()));
    }

    @PostMapping("/api/workers/{workerId}/withdraw")
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    @Operation(summary = "Withdraw a worker from the campaign", description = "Allowed at any time before "
            + "departure. Announces WorkerWithdrawn; jobs-service releases their offer or placement.")
    @ApiResponse(responseCode = "200", description = "Withdrawn")
    @ApiResponse(responseCode = "400", description = "No reason given", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such worker", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "illegal-transition (already withdrawn or back at work) or "
            + "already-departed", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    WorkerView withdraw(@PathVariable String workerId, @RequestBody Withdrawal body) {
        String reason = body == null || body.reason() == null ? "" : body.reason().trim();
        if (reason.isEmpty() || reason.length() > 200) {
            throw new InvalidInputException("reason", "is required, at most 200 characters");
        }
        Worker w = workers.change(workerId, worker -> worker.withdraw(reason, clock.instant()));
        return WorkerViews.view(w, true, clock.instant());
    }

    @PostMapping("/api/workers/{workerId}/first-day")
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    @Operation(summary = "Record the first day at work of a worker who travelled by themselves",
            description = "For local jobs and fare subsidies, where no bus reports the arrival: the worker is "
                    + "RETURNED_TO_WORK.")
    @ApiResponse(responseCode = "200", description = "Recorded")
    @ApiResponse(responseCode = "404", description = "No such worker", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "illegal-transition: transport is not arranged",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    WorkerView firstDay(@PathVariable String workerId, @RequestBody(required = false) FirstDay body) {
        LocalDate day = body == null || body.date() == null ? LocalDate.now(clock.withZone(Worker.ZONE))
                : body.date();
        boolean[] returned = {false};
        Worker w = workers.change(workerId, worker -> {
            WorkerStatus before = worker.status();
            worker.recordFirstDay(day, clock.instant());
            returned[0] = before != WorkerStatus.RETURNED_TO_WORK && worker.isChanged();
        });
        if (returned[0]) {
            metrics.workerReturned();
        }
        return WorkerViews.view(w, true, clock.instant());
    }
}
