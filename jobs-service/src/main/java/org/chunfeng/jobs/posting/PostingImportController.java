package org.chunfeng.jobs.posting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
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

/** Posting jobs in bulk from a spreadsheet, followed as a background job exactly like the workers' import. */
@RestController
@Tag(name = "Jobs", description = "Job postings and their openings")
class PostingImportController {

    private final ImportRunner runner;
    private final ImportJobs imports;
    private final PostingImport sheet;

    PostingImportController(ImportRunner runner, ImportJobs imports, PostingImport sheet) {
        this.runner = runner;
        this.imports = imports;
        this.sheet = sheet;
    }

    /** As the workers' import answers: {@code jobId} is the import job's id, {@code status} where to follow it. */
    record Accepted(String jobId, String status) {
    }

    /** One line of the report. {@code jobId} is the new posting, or for a duplicate the one already there. */
    record RowReport(int row, Outcome outcome, String jobId, List<FieldViolation> errors) {
    }

    record ImportReport(Job job, PostingController.Page<RowReport> rows) {
    }

    @PostMapping(path = "/api/jobs/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    @Operation(summary = "Import jobs from a CSV (UTF-8) or XLSX sheet", description = "Labour office only. First "
            + "row headers, English or Chinese (see the jobs-service README). Answers at once with a job; the rows "
            + "are posted in the background. Follow GET /api/jobs/import/{importId} for progress and the report: "
            + "each row imported, duplicate (posted before, by this sheet or an earlier one: with that posting's "
            + "jobId) or rejected with the reason per field. A rejected row posts nothing; a sheet uploaded again "
            + "posts nothing twice.")
    @ApiResponse(responseCode = "202", description = "Queued; Location is the import job")
    @ApiResponse(responseCode = "400", description = "No file, an empty file, not a CSV or XLSX, a header without "
            + "the required columns, no rows or more than 100,000", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Larger than the upload limit", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Too many imports waiting; try again later (Retry-After)",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Accepted> upload(@RequestPart("file") MultipartFile file) throws IOException {
        String importId = runner.submit(file, CurrentUser.name(), sheet);
        String path = "/api/jobs/import/" + importId;
        return ResponseEntity.accepted().location(URI.create(path)).body(new Accepted(importId, path));
    }

    @GetMapping("/api/jobs/import/{importId}")
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    @Operation(summary = "A posting import's progress and its per-row report")
    @ApiResponse(responseCode = "200", description = "The import job, and one page of its rows in row order")
    @ApiResponse(responseCode = "400", description = "page below 0 or size outside 1 to 200", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such import", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ImportReport status(@PathVariable String importId,
            @Parameter(description = "Only rows with this outcome") @RequestParam(required = false) Outcome outcome,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        Job job = imports.find(importId).orElseThrow(() -> new NotFoundException("Import", importId));
        RowPage rows = imports.rows(importId, outcome, page, size);
        return new ImportReport(job, new PostingController.Page<>(rows.items().stream().map(r -> new RowReport(
                r.row(), r.outcome(), r.recordId(), r.errors())).toList(), rows.page(), rows.size(), rows.total()));
    }

    @GetMapping("/api/jobs/import/template")
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    @Operation(summary = "The postings' import template, with Chinese headers and one example row", description =
            "Labour office only. The English field names are accepted as headers too (the notes sheet of the XLSX "
            + "lists them with what each column takes). The example row imports as it stands once its employer id "
            + "is replaced by one of the county's employers.")
    @ApiResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            @Content(mediaType = "text/csv")})
    @ApiResponse(responseCode = "400", description = "format is neither xlsx nor csv", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<byte[]> template(@Parameter(description = "xlsx or csv") @RequestParam(defaultValue = "xlsx")
            String format) {
        return PostingTemplate.SHEET.download(format);
    }
}
