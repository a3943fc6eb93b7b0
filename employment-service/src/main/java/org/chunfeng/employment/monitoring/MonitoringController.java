package org.chunfeng.employment.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.employment.EmploymentProperties;
import org.chunfeng.employment.worker.PageOf;
import org.chunfeng.employment.worker.WorkerViews;
import org.chunfeng.employment.worker.WorkerViews.WorkerRow;
import org.chunfeng.kit.error.InvalidInputException;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Monitoring", description = "The campaign funnel, drill-downs and the at-risk list (返贫监测预警)")
@ApiResponse(responseCode = "400", description = "A bad filter, stage or page", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "401", description = "No valid token", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "Only the labour office", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class MonitoringController {

    private final Monitoring monitoring;
    private final EmploymentProperties properties;
    private final Clock clock;

    MonitoringController(Monitoring monitoring, EmploymentProperties properties, Clock clock) {
        this.monitoring = monitoring;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/monitoring/summary")
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    @Operation(summary = "The funnel by town, village, poverty status and special group", description = "Counted "
            + "from the worker records at each call. Each stage counts the workers at it or beyond now.")
    @ApiResponse(responseCode = "200", description = "The figures")
    Monitoring.Summary summary(@Parameter(example = "程家集镇") @RequestParam(required = false) String town,
            @Parameter(example = "李楼村") @RequestParam(required = false) String village) {
        return monitoring.summary(town, village);
    }

    @GetMapping("/api/monitoring/summary/drill")
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    @Operation(summary = "The workers behind one figure", description = "Same stage and filters as the figure; "
            + "total equals it. Phones masked.")
    @ApiResponse(responseCode = "200", description = "One page of workers")
    PageOf<WorkerRow> drill(@RequestParam FunnelStage stage, @RequestParam(required = false) String town,
            @RequestParam(required = false) String village,
            @RequestParam(required = false) PovertyStatus povertyStatus,
            @RequestParam(required = false) SpecialGroup specialGroup,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        var now = clock.instant();
        return monitoring.drill(stage, town, village, povertyStatus, specialGroup, page, size)
                .map(w -> WorkerViews.row(w, now));
    }

    @GetMapping("/api/monitoring/at-risk")
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    @Operation(summary = "Workers at risk of falling back into poverty, each with the reasons", description = "Poor, "
            + "unstable and marginal workers with no accepted offer N days after registering; members of such "
            + "households with nobody placed; workers who declined two offers or more.")
    @ApiResponse(responseCode = "200", description = "One page of rows, most reasons first")
    PageOf<AtRiskRules.Row> atRisk(@Parameter(description = "N; the configured default (7) when absent")
            @RequestParam(required = false) Integer days, @RequestParam(required = false) String town,
            @RequestParam(required = false) String village, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        int n = days == null ? properties.atRisk().days() : days;
        if (n < 1 || n > 365) {
            throw new InvalidInputException("days", "must be between 1 and 365");
        }
        return monitoring.atRisk(n, town, village, page, size);
    }
}
