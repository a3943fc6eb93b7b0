package org.chunfeng.jobs.match;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
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
                    + "the same hard constraints and score as online matching; each assignment becomes an offer.")
    Matchmaker.BatchReport batch() {
        return matchmaker.runBatch();
    }

    @GetMapping("/explain")
    @Operation(summary = "Why this offer, or why none",
            description = "Labour office only. The offer's score breakdown in Chinese and English, or how many open "
                    + "postings each hard constraint ruled out and the best ones still open to the worker.")
    Explanation explain(@RequestParam String workerId) {
        return matchmaker.explain(workerId);
    }
}
