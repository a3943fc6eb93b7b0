package org.chunfeng.transport.trip;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.chunfeng.transport.TransportProperties;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/trips")
@Tag(name = "Trips", description = "Bus plans, manifests and the day of travel (专线专车, 安全护送)")
class TripController {

    private static final String READ = "hasAnyRole('TRANSPORT_COORDINATOR', 'LABOUR_OFFICE')";
    private static final String RUN = "hasRole('TRANSPORT_COORDINATOR')";

    record CancelRequest(String reason) {
    }

    private final TripPlanning planning;
    private final TripStore trips;
    private final TripOperations operations;
    private final TransportProperties properties;

    TripController(TripPlanning planning, TripStore trips, TripOperations operations,
            TransportProperties properties) {
        this.planning = planning;
        this.trips = trips;
        this.operations = operations;
        this.properties = properties;
    }

    @PostMapping("/plan")
    @PreAuthorize(RUN)
    @Operation(summary = "Plan a travel date now", description = "Fewest buses first, then fewest vehicle-km; locked "
            + "trips and trips under way are kept. Each rider whose seat changed gets SeatAssigned, each rider no bus "
            + "can carry gets FareSubsidyGranted. Also runs by itself shortly after demand or vehicles change.")
    TripPlanning.Summary plan(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return planning.plan(date);
    }

    @GetMapping
    @PreAuthorize(READ)
    @Operation(summary = "The manifests of a travel date", description = "Each bus with its riders in pickup order "
            + "(masked phones), pickup points and times, route and distance; the driver's phone in full")
    List<TripRecord> onDate(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return trips.onDate(date);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    @Operation(summary = "One trip's manifest")
    TripRecord one(@PathVariable String id) {
        return trips.get(id);
    }

    @GetMapping("/{id}/explain")
    @PreAuthorize(READ)
    @Operation(summary = "Why these riders share this bus", description = "Same date and destination, pickups on the "
            + "way, seats used against seats allowed, ride time against its limit, buses against the lower bounds")
    TripExplanation explain(@PathVariable String id) {
        TripRecord trip = trips.get(id);
        return TripExplanation.of(trip, planning.lastPlan(trip.travelDate()).orElse(null), properties.rules(),
                properties.roadFactor());
    }

    @PostMapping("/{id}/lock")
    @PreAuthorize(RUN)
    @Operation(summary = "Lock a trip", description = "Replanning keeps its riders, seats and stop order")
    TripRecord lock(@PathVariable String id) {
        return operations.lock(id, true);
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize(RUN)
    @Operation(summary = "Unlock a trip", description = "Its riders may be moved at the next plan, which starts soon")
    TripRecord unlock(@PathVariable String id) {
        return operations.lock(id, false);
    }

    @PostMapping("/{id}/riders/{workerId}/board")
    @PreAuthorize(RUN)
    @Operation(summary = "Check a rider on at the pickup", description = "Needs a GREEN health check; publishes "
            + "RiderBoarded. 409 if the bus has left, the rider was a no-show or the trip was cancelled.")
    TripRecord board(@PathVariable String id, @PathVariable String workerId) {
        return operations.board(id, workerId);
    }

    @PostMapping("/{id}/riders/{workerId}/no-show")
    @PreAuthorize(RUN)
    @Operation(summary = "Record that a rider did not turn up", description = "Frees the seat")
    TripRecord noShow(@PathVariable String id, @PathVariable String workerId) {
        return operations.noShow(id, workerId);
    }

    @PostMapping("/{id}/depart")
    @PreAuthorize(RUN)
    @Operation(summary = "The bus leaves for the sites", description = "Lists the riders neither on board nor "
            + "recorded as no-shows")
    TripOperations.Departure depart(@PathVariable String id) {
        return operations.depart(id);
    }

    @PostMapping("/{id}/riders/{workerId}/arrive")
    @PreAuthorize(RUN)
    @Operation(summary = "Hand a rider over at their site", description = "Publishes RiderArrived")
    TripRecord arrive(@PathVariable String id, @PathVariable String workerId) {
        return operations.arrive(id, workerId);
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize(RUN)
    @Operation(summary = "Cancel a trip that has not left", description = "Publishes TripCancelled to each rider, "
            + "takes the bus out of that date's plan and plans the riders again")
    TripRecord cancel(@PathVariable String id, @RequestBody(required = false) CancelRequest request) {
        return operations.cancel(id, request == null ? null : request.reason());
    }
}
