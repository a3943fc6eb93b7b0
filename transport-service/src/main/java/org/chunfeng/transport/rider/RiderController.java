package org.chunfeng.transport.rider;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.chunfeng.kit.error.NotFoundException;
import org.chunfeng.transport.subsidy.SubsidyLedger;
import org.chunfeng.transport.subsidy.SubsidyRecord;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/riders")
@PreAuthorize("hasAnyRole('TRANSPORT_COORDINATOR', 'LABOUR_OFFICE')")
@Tag(name = "Riders", description = "Workers to be carried, and how")
class RiderController {

    record Explanation(String workerId, RiderStatus status, Seat seat, SubsidyRecord subsidy, List<String> reasons) {
    }

    private final RiderStore riders;
    private final SubsidyLedger ledger;

    RiderController(RiderStore riders, SubsidyLedger ledger) {
        this.riders = riders;
        this.ledger = ledger;
    }

    @GetMapping("/{workerId}")
    @Operation(summary = "A rider: placement, pickup, site, travel date, status and seat")
    RiderRecord one(@PathVariable String workerId) {
        return riders.find(workerId).orElseThrow(() -> new NotFoundException("Rider", workerId));
    }

    @GetMapping("/{workerId}/explain")
    @Operation(summary = "How this rider travels and why", description = "For a subsidised rider: why no bus could "
            + "carry them and how the amount was reckoned")
    Explanation explain(@PathVariable String workerId) {
        RiderRecord rider = one(workerId);
        SubsidyRecord subsidy = ledger.find(rider.placementId()).orElse(null);
        List<String> reasons = new ArrayList<>();
        reasons.add("Works from " + rider.startDate() + " at " + rider.site().name() + " (" + rider.site().city()
                + "), so travels on " + rider.travelDate() + " from " + rider.pickup().name() + ".");
        switch (rider.status()) {
            case SEATED, BOARDED, ARRIVED -> reasons.add("Seat " + rider.seat().seatNumber() + " on "
                    + rider.seat().plate() + " (trip " + rider.seat().tripId() + "); see the trip's explanation for "
                    + "why its riders share it.");
            case SUBSIDISED -> reasons.add("No bus: " + (subsidy == null ? "" : subsidy.reason() + ". The fare is "
                    + "paid instead: " + subsidy.amountYuan() + " yuan for " + subsidy.distanceKm()
                    + " km by the tariff."));
            case WAITING -> reasons.add("Not planned yet: the date is planned again shortly after every change.");
            default -> reasons.add("Status " + rider.status() + ".");
        }
        return new Explanation(workerId, rider.status(), rider.seat(), subsidy, reasons);
    }
}
