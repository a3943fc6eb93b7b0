package org.chunfeng.employment.importing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chunfeng.employment.importing.ImportJobs.Job;
import org.chunfeng.employment.importing.ImportJobs.Outcome;
import org.chunfeng.employment.importing.ImportJobs.RowReport;
import org.chunfeng.employment.worker.PageOf;
import org.chunfeng.kit.error.InvalidInputException;
import org.chunfeng.kit.error.NotFoundException;
import org.chunfeng.kit.error.Problems;
import org.chunfeng.kit.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ImportRunner runner;
    private final ImportJobs jobs;

    ImportController(ImportRunner runner, ImportJobs jobs) {
        this.runner = runner;
        this.jobs = jobs;
    }

    record Accepted(String jobId, String status) {
    }

    record JobReport(Job job, PageOf<RowReport> rows) {
    }

    @PostMapping(path = "/api/workers/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    @Operation(summary = "Import workers from a CSV (UTF-8) or XLSX sheet", description = "Answers at once with a "
            + "job; the rows are read in the background. Follow GET /api/workers/import/{jobId} for progress and "
            + "the report: each row imported, duplicate (in the file or already registered) or rejected with "
            + "the reason per column. A rejected row stores nothing.")
    @ApiResponse(responseCode = "202", description = "Queued; Location is the job")
    @ApiResponse(responseCode = "400", description = "No file, an empty file or an old .xls workbook",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Larger than 50 MB", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "Too many imports waiting; try again later",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> upload(@RequestPart("file") MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "is empty: choose the filled-in template");
        }
        Path copy = Files.createTempFile("chunfeng-import-", ".upload");
        file.transferTo(copy);
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        String jobId;
        try {
            jobId = runner.submit(copy, name, CurrentUser.name());
        } catch (IllegalArgumentException e) {
            Files.deleteIfExists(copy);
            throw new InvalidInputException("file", e.getMessage());
        } catch (ImportRunner.BusyException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "60")
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "import-busy", "Imports busy",
                            e.getMessage()));
        }
        return ResponseEntity.accepted().location(URI.create("/api/workers/import/" + jobId))
                .body(new Accepted(jobId, "/api/workers/import/" + jobId));
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
        return new JobReport(job, jobs.rows(jobId, outcome, page, size));
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
            String format) throws IOException {
        return switch (format.toLowerCase()) {
            case "xlsx" -> file(ImportTemplate.xlsx(), XLSX, "worker-import-template.xlsx");
            case "csv" -> file(ImportTemplate.csv(), new MediaType("text", "csv", java.nio.charset.StandardCharsets
                    .UTF_8), "worker-import-template.csv");
            default -> throw new InvalidInputException("format", "must be xlsx or csv");
        };
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString()).body(body);
    }
}
