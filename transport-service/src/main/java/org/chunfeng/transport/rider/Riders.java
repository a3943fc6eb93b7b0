package org.chunfeng.transport.rider;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.chunfeng.contracts.jobs.PlacementCancelled;
import org.chunfeng.contracts.jobs.PlacementConfirmed;
import org.chunfeng.kit.inbox.MalformedEventException;
import org.chunfeng.transport.StoredPlace;
import org.chunfeng.transport.trip.ReplanScheduler;
import org.chunfeng.transport.trip.TripStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Turns placements into demand. A placement beyond the commute makes the worker a rider who must arrive by the
 * start date, so they travel the day before; a cancelled placement frees the seat. Both are guarded state changes,
 * so a redelivered event changes nothing.
 */
@Service
public class Riders {

    private static final EnumSet<RiderStatus> LIVE = EnumSet.of(RiderStatus.WAITING, RiderStatus.SEATED,
            RiderStatus.SUBSIDISED);

    private final RiderStore store;
    private final TripStore trips;
    private final ReplanScheduler replans;
    private final Clock clock;

    Riders(RiderStore store, TripStore trips, ReplanScheduler replans, Clock clock) {
        this.store = store;
        this.trips = trips;
        this.replans = replans;
        this.clock = clock;
    }

    /** The day a rider travels: the day before work starts, since a ride can take most of a day. */
    public static LocalDate travelDateFor(LocalDate startDate) {
        return startDate.minusDays(1);
    }

    public void confirmed(PlacementConfirmed placement) {
        if (placement.local()) {
            return;
        }
        if (placement.collectionPoint() == null || placement.collectionPoint().location() == null
                || placement.site() == null || placement.site().location() == null || placement.startDate() == null) {
            throw new MalformedEventException("Placement " + placement.placementId()
                    + " lacks a located collection point, a located site or a start date");
        }
        RiderRecord existing = store.find(placement.workerId()).orElse(null);
        if (existing != null && placement.placementId().equals(existing.placementId())) {
            return;
        }
        RiderRecord rider = new RiderRecord(placement.workerId(), placement.placementId(), RiderStatus.WAITING,
                placement.workerName(), placement.phoneMasked(), placement.fitness(), placement.town(),
                placement.village(), placement.employerName(), StoredPlace.of(placement.collectionPoint()),
                StoredPlace.of(placement.site()), placement.startDate(), travelDateFor(placement.startDate()), null,
                null, clock.instant());
        if (existing == null) {
            try {
                store.insert(rider);
            } catch (DuplicateKeyException e) {
                confirmed(placement);
                return;
            }
        } else {
            // A new placement of the same worker replaces the old one; its seat, if any, is freed.
            Update update = new Update().set("placementId", rider.placementId()).set("status", RiderStatus.WAITING)
                    .set("name", rider.name()).set("phoneMasked", rider.phoneMasked()).set("fitness", rider.fitness())
                    .set("town", rider.town()).set("village", rider.village())
                    .set("employerName", rider.employerName()).set("pickup", rider.pickup()).set("site", rider.site())
                    .set("startDate", rider.startDate()).set("travelDate", rider.travelDate()).unset("seat")
                    .unset("subsidyId");
            Criteria guard = Criteria.where("_id").is(existing.workerId()).and("placementId")
                    .is(existing.placementId());
            if (store.change(guard, existing.workerId(), update, List.of()) && existing.seat() != null) {
                trips.removeRider(existing.seat().tripId(), existing.workerId());
                replans.request(existing.travelDate());
            }
        }
        replans.request(rider.travelDate());
    }

    public void cancelled(PlacementCancelled cancellation) {
        RiderRecord rider = store.find(cancellation.workerId()).orElse(null);
        if (rider == null || !cancellation.placementId().equals(rider.placementId()) || !LIVE.contains(rider.status())) {
            return;
        }
        if (store.change(rider.workerId(), rider.placementId(), LIVE,
                new Update().set("status", RiderStatus.CANCELLED).unset("seat"), List.of())) {
            if (rider.seat() != null) {
                trips.removeRider(rider.seat().tripId(), rider.workerId());
            }
            replans.request(rider.travelDate());
        }
    }
}
