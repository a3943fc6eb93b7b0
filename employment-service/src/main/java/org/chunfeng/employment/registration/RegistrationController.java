package org.chunfeng.employment.registration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.chunfeng.employment.worker.IdentityHasher;
import org.chunfeng.employment.worker.PlaceRef;
import org.chunfeng.employment.worker.RegistrationChannel;
import org.chunfeng.employment.worker.Worker;
import org.chunfeng.employment.worker.WorkerRepository;
import org.chunfeng.employment.worker.WorkerStatus;
import org.chunfeng.employment.worker.WorkerViews;
import org.chunfeng.employment.worker.WorkerViews.WorkerView;
import org.chunfeng.kit.error.Problems;
import org.chunfeng.kit.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Registration", description = "Registering workers one by one, self-registration, corrections")
@ApiResponse(responseCode = "401", description = "No valid token", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "The role does not allow this", content = @Content(
        mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class RegistrationController {

    private final Registrations registrations;
    private final Corrections corrections;
    private final SignInCheck signInCheck;
    private final WorkerRepository workers;
    private final CollectionPoints collectionPoints;
    private final IdentityHasher hasher;
    private final Clock clock;

    RegistrationController(Registrations registrations, Corrections corrections, SignInCheck signInCheck,
            WorkerRepository workers, CollectionPoints collectionPoints, IdentityHasher hasher, Clock clock) {
        this.registrations = registrations;
        this.corrections = corrections;
        this.signInCheck = signInCheck;
        this.workers = workers;
        this.collectionPoints = collectionPoints;
        this.hasher = hasher;
        this.clock = clock;
    }

    record SelfRegistered(String workerId,
            @Schema(description = "Show this to the worker: with ID number and phone it is how they sign in",
                    example = "CF-7K3M9Q") String reference, WorkerStatus status) {
    }

    record SignInRequest(String idNumber, String phone, String reference) {
    }

    record SignedIn(String workerId) {
    }

    record NewReference(String workerId, String reference) {
    }

    @PostMapping("/api/workers")
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    @Operation(summary = "Register a worker (labour office)", description = "Announces WorkerRegistered. "
            + "The ID number is stored only as a keyed hash and a masked form.")
    @ApiResponse(responseCode = "201", description = "Registered")
    @ApiResponse(responseCode = "400", description = "Every invalid field, named; nothing was stored",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "duplicate-id-number, with existingWorkerId",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<WorkerView> register(@RequestBody RegistrationForm form) {
        Worker worker = registrations.register(form, RegistrationChannel.OFFICE, CurrentUser.name()).worker();
        return ResponseEntity.created(URI.create("/api/workers/" + worker.id()))
                .body(WorkerViews.view(worker, true, clock.instant()));
    }

    @PostMapping("/api/workers/self-register")
    @SecurityRequirements
    @Operation(summary = "A worker registers themselves (no sign-in)", description = "Answers the worker's "
            + "reference, shown once: with their ID number and phone it lets them sign in later.")
    @ApiResponse(responseCode = "201", description = "Registered")
    @ApiResponse(responseCode = "400", description = "Every invalid field, named; nothing was stored",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "The ID number is already registered (no worker id given)",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<SelfRegistered> selfRegister(@RequestBody RegistrationForm form) {
        Registrations.Registered r = registrations.register(form, RegistrationChannel.SELF, "self");
        return ResponseEntity.created(URI.create("/api/workers/" + r.worker().id()))
                .body(new SelfRegistered(r.worker().id(), r.reference(), r.worker().status()));
    }

    @PatchMapping("/api/workers/{workerId}")
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    @Operation(summary = "Correct a worker's record", description = "Fields sent replace the stored ones; "
            + "the whole record is checked again. Announces WorkerUpdated. The ID number cannot change.")
    @ApiResponse(responseCode = "200", description = "Corrected")
    @ApiResponse(responseCode = "400", description = "Every invalid field, named; nothing was changed",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such worker", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "worker-withdrawn", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    WorkerView correct(@PathVariable String workerId, @RequestBody RegistrationForm patch) {
        return WorkerViews.view(corrections.correct(workerId, patch), true, clock.instant());
    }

    @PostMapping("/api/workers/{workerId}/reference")
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    @Operation(summary = "Issue a new sign-in reference", description = "For a worker registered by the office, "
            + "or one who lost theirs; the previous reference stops working.")
    @ApiResponse(responseCode = "200", description = "The new reference, shown once")
    @ApiResponse(responseCode = "404", description = "No such worker", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    NewReference newReference(@PathVariable String workerId) {
        String reference = WorkerReference.next();
        workers.change(workerId, w -> w.replaceReference(hasher.reference(reference), clock.instant()));
        return new NewReference(workerId, reference);
    }

    @PostMapping("/api/workers/sign-in-check")
    @SecurityRequirements
    @Operation(summary = "Check a worker's sign-in (called by the gateway)", description = "200 with the worker "
            + "id when ID number, phone and reference all belong to one worker; otherwise the same 401 whichever "
            + "was wrong.")
    @ApiResponse(responseCode = "200", description = "They match")
    @ApiResponse(responseCode = "401", description = "They do not match", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> signInCheck(@RequestBody SignInRequest request) {
        return signInCheck.workerId(request.idNumber(), request.phone(), request.reference())
                .<ResponseEntity<?>>map(id -> ResponseEntity.ok(new SignedIn(id)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Problems.of(
                        HttpStatus.UNAUTHORIZED, "sign-in-failed", "Sign-in failed",
                        "The ID number, phone number and reference do not match a registered worker.")));
    }

    @GetMapping("/api/collection-points")
    @PreAuthorize("hasRole('LABOUR_OFFICE')")
    @Operation(summary = "The collection points known in one village", description = "For the form's picker: "
            + "using a known name keeps its coordinates.")
    @ApiResponse(responseCode = "200", description = "The points")
    List<PlaceRef> collectionPoints(@Parameter(example = "利辛县") @RequestParam String county,
            @Parameter(example = "程家集镇") @RequestParam String town,
            @Parameter(example = "李楼村") @RequestParam String village) {
        return collectionPoints.inVillage(county, town, village);
    }
}
