package org.chunfeng.employment.importing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.chunfeng.employment.worker.PageOf;
import org.chunfeng.kit.error.FieldViolation;
import org.chunfeng.kit.error.NotFoundException;
import org.chunfeng.kit.importing.ImportJobs;
import org.chunfeng.kit.importing.ImportJobs.Job;
import org.chunfeng.kit.importing.ImportJobs.Outcome;
import org.chunfeng.kit.importing.ImportJobs.RowPage;
import org.chunfeng.kit.importing.ImportRunner;
import org.chunfeng.kit.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Import", description = "Registering workers in bulk from the spreadsheets of door-to-door checks")
@ApiResponse(responseCode = "401", description = "No valid token", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "Only the labour office imports", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class ImportController {

    private final ImportRunner runner;
    private final ImportJobs jobs;
    private final WorkerSheet sheet;

    ImportController(ImportRunner runner, ImportJobs jobs, WorkerSheet sheet) {
        this.runner = runner;
        this.jobs = jobs;
        this.sheet = sheet;
    }

    record Accepted(String jobId, String status) {
    }

    /** One line of the report. {@code workerId} is the new worker, or for a duplicate the one already there. */
    record RowReport(int row, Outcome outcome, String workerId, List<FieldViolation> errors) {
    }

    record JobReport(Job job, PageOf<RowReport> rows) {
    }

    @PostMapping(path = "/api/workers/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    @Operation(summary = "Import workers from a CSV (UTF-8) or XLSX sheet", description = "Answers at once with a "
            + "job; the rows are read in the background. Follow GET /api/workers/import/{jobId} for progress and "
            + "the report: each row imported, duplicate (in the file or already registered) or rejected with "
            + "the reason per column. A rejected row stores nothing. The header and the number of rows are checked "
            + "before answering.")
    @ApiResponse(responseCode = "202", description = "Queued; Location is the job")
    @ApiResponse(responseCode = "400", description = "No file, an empty file, not a CSV or XLSX (an old .xls "
            + "workbook), a header without the required columns, no rows or more than the most allowed (100,000)",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Larger than 50 MB", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Too many imports waiting; try again later",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Accepted> upload(@RequestPart("file") MultipartFile file) throws IOException {
        String jobId = runner.submit(file, CurrentUser.name(), sheet);
        String path = "/api/workers/import/" + jobId;
        return ResponseEntity.accepted().location(URI.create(path)).body(new Accepted(jobId, path));
    }

    @GetMapping("/api/workers/import/{jobId}")
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    @Operation(summary = "An import's progress and its per-row report")
    @ApiResponse(responseCode = "200", description = "The job, and one page of its rows in row order")
    @ApiResponse(responseCode = "404", description = "No such import", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    JobReport status(@PathVariable String jobId,
            @Parameter(description = "Only rows with this outcome") @RequestParam(required = false) Outcome outcome,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        Job job = jobs.find(jobId).orElseThrow(() -> new NotFoundException("Import", jobId));
        RowPage rows = jobs.rows(jobId, outcome, page, size);
        return new JobReport(job, new PageOf<>(rows.items().stream().map(r -> new RowReport(r.row(), r.outcome(),
                r.recordId(), r.errors())).toList(), rows.page(), rows.size(), rows.total()));
    }

    @GetMapping("/api/workers/import/template")
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    @Operation(summary = "The import template, with Chinese headers", description = "English header aliases "
            + "are accepted too (see the notes sheet of the XLSX).")
    @ApiResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            @Content(mediaType = "text/csv")})
    @ApiResponse(responseCode = "400", description = "format is neither xlsx nor csv", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<byte[]> template(@Parameter(description = "xlsx or csv") @RequestParam(defaultValue = "xlsx")
            String format) {
        return ImportTemplate.SHEET.download(format);
    }
}
