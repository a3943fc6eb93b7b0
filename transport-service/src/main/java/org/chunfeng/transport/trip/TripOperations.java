package org.chunfeng.transport.trip;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.transport.RiderArrived;
import org.chunfeng.contracts.transport.RiderBoarded;
import org.chunfeng.contracts.transport.RiderNoShow;
import org.chunfeng.contracts.transport.TripCancelled;
import org.chunfeng.kit.error.ConflictException;
import org.chunfeng.kit.error.NotFoundException;
import org.chunfeng.transport.rider.RiderRecord;
import org.chunfeng.transport.rider.RiderStatus;
import org.chunfeng.transport.rider.RiderStore;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The day of travel, rider by rider (安全护送): boarding at the pickup, no-shows, departure, handover at the site.
 * Every action is idempotent (doing it again answers the same and publishes nothing new) and an action that does
 * not fit the state is refused with 409.
 *
 * <p>The rider's document is changed first, with its event; then the trip's manifest. If the second write is lost,
 * doing the action again completes it without a second event.
 */
@Service
public class TripOperations {

    private final TripStore trips;
    private final RiderStore riders;
    private final ReplanScheduler replans;
    private final Clock clock;
    private final Counter boarded;
    private final Counter arrived;
    private final Counter noShows;

    TripOperations(TripStore trips, RiderStore riders, ReplanScheduler replans, Clock clock, MeterRegistry meters) {
        this.trips = trips;
        this.riders = riders;
        this.replans = replans;
        this.clock = clock;
        this.boarded = Counter.builder("chunfeng.riders.boarded").description("Riders checked on at their pickup")
                .register(meters);
        this.arrived = Counter.builder("chunfeng.riders.arrived").description("Riders handed over at their site")
                .register(meters);
        this.noShows = Counter.builder("chunfeng.riders.no.show")
                .description("Riders recorded as not turning up for their bus").register(meters);
    }

    public TripRecord board(String tripId, String workerId) {
        TripRecord trip = trips.get(tripId);
        TripRider rider = riderOn(trip, workerId);
        if (rider.status() == TripRiderStatus.BOARDED) {
            return finishRiderChange(trip, rider, RiderStatus.BOARDED);
        }
        refuseIfCancelled(trip);
        switch (rider.status()) {
            case NO_SHOW -> throw new ConflictException("rider-no-show", "The rider was recorded as not turning up; "
                    + "their seat is no longer held");
            case ARRIVED -> throw new ConflictException("rider-arrived", "The rider has already arrived");
            default -> {
            }
        }
        if (trip.status() != TripStatus.PLANNED) {
            throw new ConflictException("trip-departed", "The bus has already left", Map.of("status", trip.status()));
        }
        if (rider.fitness() != TravelFitness.GREEN) {
            throw new ConflictException("not-fit-to-travel", "Boarding needs a GREEN health check; this rider's is "
                    + rider.fitness(), Map.of("fitness", String.valueOf(rider.fitness())));
        }
        RiderBoarded event = new RiderBoarded(tripId, workerId, rider.placementId(), clock.instant());
        // WAITING too: the manifest is what the coordinator sees, even if a crash kept the rider's seat news back.
        if (riders.change(workerId, rider.placementId(), List.of(RiderStatus.SEATED, RiderStatus.WAITING),
                new Update().set("status", RiderStatus.BOARDED), List.of(event))) {
            boarded.increment();
        }
        return finishRiderChange(trip, rider, RiderStatus.BOARDED);
    }

    public TripRecord noShow(String tripId, String workerId) {
        TripRecord trip = trips.get(tripId);
        TripRider rider = riderOn(trip, workerId);
        if (rider.status() == TripRiderStatus.NO_SHOW) {
            return finishRiderChange(trip, rider, RiderStatus.NO_SHOW);
        }
        refuseIfCancelled(trip);
        if (rider.status() != TripRiderStatus.ASSIGNED) {
            throw new ConflictException("rider-on-board", "The rider is already " + rider.status());
        }
        if (trip.status() == TripStatus.COMPLETED) {
            throw new ConflictException("trip-completed", "The trip is over");
        }
        // employment-service learns of it, so the village staff can follow up on a worker who missed the bus.
        RiderNoShow event = new RiderNoShow(tripId, workerId, rider.placementId(), trip.travelDate(), clock.instant());
        if (riders.change(workerId, rider.placementId(), List.of(RiderStatus.SEATED),
                new Update().set("status", RiderStatus.NO_SHOW), List.of(event))) {
            noShows.increment();
        }
        return finishRiderChange(trip, rider, RiderStatus.NO_SHOW);
    }

    /** The bus leaves the last pickup; whoever is neither on board nor a no-show is missing. */
    public Departure depart(String tripId) {
        TripRecord trip = trips.get(tripId);
        refuseIfCancelled(trip);
        if (trip.status() == TripStatus.PLANNED) {
            trip = update(trip, t -> new TripRecord(t.id(), t.travelDate(), t.vehicleId(), t.plate(), t.seats(),
                    t.capacity(), t.operator(), t.driverName(), t.driverPhone(), t.depotLat(), t.depotLon(),
                    t.locked(), TripStatus.DEPARTED, t.stops(), t.riders(), t.distanceKm(), t.version() + 1,
                    t.plannedAt(), clock.instant(), t.cancelReason()));
        }
        List<TripRider> missing = trip.riders().stream().filter(r -> r.status() == TripRiderStatus.ASSIGNED).toList();
        return new Departure(trip, missing);
    }

    public record Departure(TripRecord trip, List<TripRider> missing) {
    }

    public TripRecord arrive(String tripId, String workerId) {
        TripRecord trip = trips.get(tripId);
        TripRider rider = riderOn(trip, workerId);
        if (rider.status() == TripRiderStatus.ARRIVED) {
            return finishRiderChange(trip, rider, RiderStatus.ARRIVED);
        }
        refuseIfCancelled(trip);
        if (trip.status() != TripStatus.DEPARTED) {
            throw new ConflictException("trip-not-departed", "Riders are handed over after the bus has left",
                    Map.of("status", trip.status()));
        }
        if (rider.status() != TripRiderStatus.BOARDED) {
            throw new ConflictException("rider-not-on-board", "Only a rider on board can arrive; this one is "
                    + rider.status());
        }
        RiderArrived event = new RiderArrived(tripId, workerId, rider.placementId(), rider.site().name(),
                clock.instant());
        if (riders.change(workerId, rider.placementId(), List.of(RiderStatus.BOARDED),
                new Update().set("status", RiderStatus.ARRIVED), List.of(event))) {
            arrived.increment();
        }
        return finishRiderChange(trip, rider, RiderStatus.ARRIVED);
    }

    /** Cancels a trip that has not left: each rider is told, loses the seat and is planned again. */
    public TripRecord cancel(String tripId, String reason) {
        TripRecord trip = trips.get(tripId);
        if (trip.status() == TripStatus.CANCELLED) {
            return trip;
        }
        if (trip.status() != TripStatus.PLANNED || trip.riders().stream()
                .anyMatch(r -> r.status() == TripRiderStatus.BOARDED)) {
            throw new ConflictException("trip-under-way", "Riders have boarded or the bus has left; it cannot be "
                    + "cancelled");
        }
        String why = reason == null || reason.isBlank() ? "Trip cancelled by the transport coordinator" : reason;
        Instant now = clock.instant();
        TripRecord cancelled = update(trip, t -> new TripRecord(t.id(), t.travelDate(), t.vehicleId(), t.plate(),
                t.seats(), t.capacity(), t.operator(), t.driverName(), t.driverPhone(), t.depotLat(), t.depotLon(),
                t.locked(), TripStatus.CANCELLED, t.stops(), t.riders(), t.distanceKm(), t.version() + 1,
                t.plannedAt(), t.departedAt(), why));
        for (TripRider r : cancelled.riders()) {
            if (r.status() == TripRiderStatus.ASSIGNED) {
                riders.change(r.workerId(), r.placementId(), List.of(RiderStatus.SEATED),
                        new Update().set("status", RiderStatus.WAITING).unset("seat"),
                        List.of(new TripCancelled(tripId, r.workerId(), r.placementId(), why, now)));
            }
        }
        replans.request(cancelled.travelDate());
        return cancelled;
    }

    public TripRecord lock(String tripId, boolean locked) {
        TripRecord trip = trips.get(tripId);
        refuseIfCancelled(trip);
        if (trip.locked() == locked) {
            return trip;
        }
        TripRecord changed = update(trip, t -> new TripRecord(t.id(), t.travelDate(), t.vehicleId(), t.plate(),
                t.seats(), t.capacity(), t.operator(), t.driverName(), t.driverPhone(), t.depotLat(), t.depotLon(),
                locked, t.status(), t.stops(), t.riders(), t.distanceKm(), t.version() + 1, t.plannedAt(),
                t.departedAt(), t.cancelReason()));
        if (!locked) {
            replans.request(changed.travelDate());
        }
        return changed;
    }

    /**
     * Puts the rider's new status on the manifest, unless it is there already; a trip whose riders on board have
     * all arrived is complete.
     */
    private TripRecord finishRiderChange(TripRecord trip, TripRider rider, RiderStatus riderStatus) {
        TripRiderStatus target = switch (riderStatus) {
            case BOARDED -> TripRiderStatus.BOARDED;
            case NO_SHOW -> TripRiderStatus.NO_SHOW;
            case ARRIVED -> TripRiderStatus.ARRIVED;
            default -> throw new IllegalArgumentException(riderStatus.name());
        };
        if (rider.status() == target && !(target == TripRiderStatus.ARRIVED && shouldComplete(trip))) {
            return trip;
        }
        return update(trip, t -> {
            List<TripRider> next = new ArrayList<>();
            for (TripRider r : t.riders()) {
                next.add(r.workerId().equals(rider.workerId()) ? r.withStatus(target) : r);
            }
            TripStatus status = t.status() == TripStatus.DEPARTED && next.stream().noneMatch(
                    r -> r.status() == TripRiderStatus.BOARDED) ? TripStatus.COMPLETED : t.status();
            return new TripRecord(t.id(), t.travelDate(), t.vehicleId(), t.plate(), t.seats(), t.capacity(),
                    t.operator(), t.driverName(), t.driverPhone(), t.depotLat(), t.depotLon(), t.locked(), status,
                    t.stops(), next, t.distanceKm(), t.version() + 1, t.plannedAt(), t.departedAt(), t.cancelReason());
        });
    }

    private static boolean shouldComplete(TripRecord trip) {
        return trip.status() == TripStatus.DEPARTED
                && trip.riders().stream().noneMatch(r -> r.status() == TripRiderStatus.BOARDED);
    }

    /** Applies a change under the version check, reading again if a replan or another action got there first. */
    private TripRecord update(TripRecord trip, UnaryOperator<TripRecord> change) {
        TripRecord current = trip;
        for (int attempt = 0; attempt < 5; attempt++) {
            TripRecord next = change.apply(current);
            if (trips.write(next, current.version())) {
                return next;
            }
            current = trips.get(trip.id());
        }
        throw new ConflictException("trip-busy", "The trip is being changed by someone else; try again");
    }

    private static TripRider riderOn(TripRecord trip, String workerId) {
        return trip.riders().stream().filter(r -> r.workerId().equals(workerId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Rider on trip " + trip.id(), workerId));
    }

    private static void refuseIfCancelled(TripRecord trip) {
        if (trip.status() == TripStatus.CANCELLED) {
            throw new ConflictException("trip-cancelled", "The trip was cancelled: " + trip.cancelReason());
        }
    }

    /** For the rider's own view of why they travel as they do. */
    public java.util.Optional<RiderRecord> rider(String workerId) {
        return riders.find(workerId);
    }
}
