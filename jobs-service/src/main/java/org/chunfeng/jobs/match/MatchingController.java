package org.chunfeng.jobs.match;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.chunfeng.kit.error.NotFoundException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/matching")
@Tag(name = "Matching", description = "The matching engine: batch optimisation and explanations")
@PreAuthorize("hasRole('LABOUR_OFFICE')")
class MatchingController {

    private final Matchmaker matchmaker;

    MatchingController(Matchmaker matchmaker) {
        this.matchmaker = matchmaker;
    }

    @PostMapping("/batch")
    @Operation(summary = "Match every waiting worker now, optimally",
            description = "Labour office only. A min-cost flow over all waiting workers and the openings left, with "
                    + "the same hard constraints and score as online matching; each assignment becomes an offer. "
                    + "At a county's scale it takes about ten seconds, so it answers at once with the batch to follow at "
                    + "GET /api/matching/batch/{batchId}; if a batch is being solved already, with that one.")
    @ApiResponse(responseCode = "202", description = "Solving; Location is the batch")
    ResponseEntity<Matchmaker.BatchRun> batch() {
        Matchmaker.BatchRun run = matchmaker.requestBatch();
        return ResponseEntity.accepted().location(URI.create("/api/matching/batch/" + run.batchId())).body(run);
    }

    @GetMapping("/batch")
    @Operation(summary = "The latest batches, newest first",
            description = "Labour office only. Up to 20, whether asked for or started by a big posting or many "
                    + "waiting workers; at most one is RUNNING.")
    List<Matchmaker.BatchRun> batchRuns() {
        return matchmaker.batchRuns();
    }

    @GetMapping("/batch/{batchId}")
    @Operation(summary = "A batch: still being solved, done with how many offered, or failed",
            description = "Labour office only. The latest 20 batches, whether asked for or started by a big posting "
                    + "or many waiting workers, can be looked up. While it is solved, rounds says how many rounds "
                    + "have ended and gap how many points the optimum could still exceed the assignment found; gap 0 "
                    + "means proven optimal.")
    @ApiResponse(responseCode = "404", description = "No such batch among the latest", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    Matchmaker.BatchRun batchRun(@PathVariable String batchId) {
        return matchmaker.batchRun(batchId).orElseThrow(() -> new NotFoundException("Batch", batchId));
    }

    @GetMapping("/explain")
    @Operation(summary = "Why this offer, or why none",
            description = "Labour office only. The offer's score breakdown in Chinese and English, or how many open "
                    + "postings each hard constraint ruled out and the best ones still open to the worker.")
    Explanation explain(@RequestParam String workerId) {
        return matchmaker.explain(workerId);
    }
}
