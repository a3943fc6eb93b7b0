package org.chunfeng.employment.offer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.chunfeng.employment.worker.WorkerRepository;
import org.chunfeng.employment.worker.WorkerViews;
import org.chunfeng.employment.worker.WorkerViews.OfferView;
import org.chunfeng.kit.error.InvalidInputException;
import org.chunfeng.kit.security.CurrentUser;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Offers", description = "The worker's offers: see, accept (an employment intention) or decline")
@ApiResponse(responseCode = "401", description = "No valid token", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "Not the labour office, nor this worker", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "No such worker or offer", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class OfferController {

    private final Offers offers;
    private final WorkerRepository workers;
    private final Clock clock;

    OfferController(Offers offers, WorkerRepository workers, Clock clock) {
        this.offers = offers;
        this.workers = workers;
        this.clock = clock;
    }

    record Decline(@Schema(example = "Too far from home") String reason) {
    }

    @GetMapping("/api/workers/{workerId}/offers")
    @PreAuthorize("hasAnyRole('LABOUR_OFFICE', 'WORKER')")
    @Operation(summary = "The worker's offers, newest first")
    @ApiResponse(responseCode = "200", description = "The offers")
    List<OfferView> list(@PathVariable String workerId) {
        ownOnly(workerId);
        var now = clock.instant();
        return workers.get(workerId).offers().stream().map(o -> WorkerViews.offer(o, now))
                .sorted((a, b) -> b.proposedAt().compareTo(a.proposedAt())).toList();
    }

    @PostMapping("/api/workers/{workerId}/offers/{offerId}/accept")
    @PreAuthorize("hasAnyRole('LABOUR_OFFICE', 'WORKER')")
    @Operation(summary = "Accept an offer", description = "Announces OfferAccepted; the worker is INTENT_AGREED "
            + "once jobs-service confirms the placement. Of two accepts racing, one wins.")
    @ApiResponse(responseCode = "200", description = "Accepted")
    @ApiResponse(responseCode = "409", description = "offer-expired, offer-withdrawn, offer-accepted, ... : the "
            + "offer is no longer open", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    OfferView accept(@PathVariable String workerId, @PathVariable String offerId) {
        ownOnly(workerId);
        var worker = offers.accept(workerId, offerId);
        return WorkerViews.offer(worker.offer(offerId).orElseThrow(), clock.instant());
    }

    @PostMapping("/api/workers/{workerId}/offers/{offerId}/decline")
    @PreAuthorize("hasAnyRole('LABOUR_OFFICE', 'WORKER')")
    @Operation(summary = "Decline an offer, saying why", description = "Announces OfferDeclined; jobs-service "
            + "matches the worker again, never to the same job.")
    @ApiResponse(responseCode = "200", description = "Declined")
    @ApiResponse(responseCode = "400", description = "No reason given", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The offer is no longer open", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    OfferView decline(@PathVariable String workerId, @PathVariable String offerId, @RequestBody Decline body) {
        ownOnly(workerId);
        String reason = body == null || body.reason() == null ? "" : body.reason().trim();
        if (reason.isEmpty() || reason.length() > 200) {
            throw new InvalidInputException("reason", "is required, at most 200 characters");
        }
        var worker = offers.decline(workerId, offerId, reason);
        return WorkerViews.offer(worker.offer(offerId).orElseThrow(), clock.instant());
    }

    private static void ownOnly(String workerId) {
        if (CurrentUser.isOtherWorker(workerId)) {
            throw new AccessDeniedException("another worker's offers");
        }
    }
}
