package org.chunfeng.jobs.placement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import org.chunfeng.jobs.candidate.Candidate;
import org.chunfeng.jobs.candidate.CandidateStore;
import org.chunfeng.jobs.posting.Postings;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Jobs")
class PlacementController {

    private final CandidateStore candidates;
    private final Postings postings;

    PlacementController(CandidateStore candidates, Postings postings) {
        this.candidates = candidates;
        this.postings = postings;
    }

    @GetMapping("/api/jobs/{id}/placements")
    @PreAuthorize("hasAnyRole('LABOUR_OFFICE', 'TRANSPORT_COORDINATOR')")
    @Operation(summary = "The workers placed on a job", description = "Labour office and transport coordinators; "
            + "phones masked. The placement id is the match id of the accepted offer.")
    List<PlacementView> placements(@PathVariable String id) {
        postings.get(id);
        return candidates.placedOn(id).stream().filter(c -> c.state() == Candidate.State.PLACED)
                .map(PlacementController::view).sorted(Comparator.comparing(PlacementView::confirmedAt)).toList();
    }

    private static PlacementView view(Candidate c) {
        Candidate.Placement p = c.placement();
        var w = c.profile();
        return new PlacementView(p.matchId(), c.workerId(), w.name(), w.phoneMasked(), w.fitness(), w.town(),
                w.village(), w.collectionPoint(), p.score(), p.local(), p.confirmedAt());
    }
}
