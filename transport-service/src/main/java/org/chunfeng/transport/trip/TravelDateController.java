package org.chunfeng.transport.trip;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.chunfeng.transport.rider.RiderStatus;
import org.chunfeng.transport.rider.RiderStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Trips", description = "Bus plans, manifests and the day of travel (专线专车, 安全护送)")
class TravelDateController {

    private final MongoTemplate mongo;

    TravelDateController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What the counts need of a rider or trip document, read as is. */
    record RiderFields(LocalDate travelDate, RiderStatus status) {
    }

    record TripFields(LocalDate travelDate, TripStatus status) {
    }

    @GetMapping("/api/travel-dates")
    @PreAuthorize("hasAnyRole('TRANSPORT_COORDINATOR', 'LABOUR_OFFICE')")
    @Operation(summary = "The travel dates with riders", description = "Earliest first, each with its riders, buses, "
            + "seated, subsidised and not yet planned riders, and on the day boarded, arrived and no-shows: the "
            + "coordinator's list of days to plan and run")
    List<TravelDates.TravelDate> travelDates() {
        // Two fields of each document; a county's campaign has a few thousand riders at most.
        Query riders = new Query();
        riders.fields().include("travelDate").include("status");
        Query trips = new Query();
        trips.fields().include("travelDate").include("status");
        return TravelDates.of(
                mongo.find(riders, RiderFields.class, RiderStore.COLLECTION).stream()
                        .map(r -> new TravelDates.RiderOnDate(r.travelDate(), r.status())).toList(),
                mongo.find(trips, TripFields.class, TripStore.COLLECTION).stream()
                        .map(t -> new TravelDates.TripOnDate(t.travelDate(), t.status())).toList());
    }
}
