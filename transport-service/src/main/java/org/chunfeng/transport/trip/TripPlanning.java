package org.chunfeng.transport.trip;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.chunfeng.contracts.transport.FareSubsidyGranted;
import org.chunfeng.contracts.transport.SeatAssigned;
import org.chunfeng.transport.StoredPlace;
import org.chunfeng.transport.TransportProperties;
import org.chunfeng.transport.planning.Bus;
import org.chunfeng.transport.planning.BusPlanner;
import org.chunfeng.transport.planning.LockedTrip;
import org.chunfeng.transport.planning.Plan;
import org.chunfeng.transport.planning.PlanRequest;
import org.chunfeng.transport.planning.PlannedTrip;
import org.chunfeng.transport.planning.Rider;
import org.chunfeng.transport.planning.SeatedRider;
import org.chunfeng.transport.planning.Stop;
import org.chunfeng.transport.planning.Unserved;
import org.chunfeng.transport.rider.RiderRecord;
import org.chunfeng.transport.rider.RiderStatus;
import org.chunfeng.transport.rider.RiderStore;
import org.chunfeng.transport.rider.Seat;
import org.chunfeng.transport.subsidy.SubsidyLedger;
import org.chunfeng.transport.subsidy.SubsidyRecord;
import org.chunfeng.transport.vehicle.Vehicle;
import org.chunfeng.transport.vehicle.Vehicles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Plans a travel date and makes the stored state match the plan: trips first, then each rider's seat or subsidy.
 *
 * <p>Every step compares what is stored with what the plan wants and writes only differences, guarded by versions
 * and statuses, so planning again after a crash anywhere in between finishes the job: riders whose seat did not
 * change publish nothing, a subsidy is granted once per placement, and trips written before the crash are simply
 * rewritten to the new plan.
 */
@Service
public class TripPlanning {

    static final String PLANS = "plans";
    private static final Logger log = LoggerFactory.getLogger(TripPlanning.class);
    private static final List<RiderStatus> PLANNABLE = List.of(RiderStatus.WAITING, RiderStatus.SEATED);

    /** What one plan did. */
    public record Summary(LocalDate travelDate, int buses, int boundBySeats, int boundByCity, double vehicleKm,
            int seated, int subsidised, int seatsChanged, long solverMillis, long totalMillis, List<String> tripIds) {
    }

    /** Someone changed a trip while we planned: plan again from what is stored now. */
    static final class StaleTrip extends RuntimeException {
        StaleTrip(String tripId) {
            super("Trip " + tripId + " changed while planning");
        }
    }

    private final TripStore trips;
    private final RiderStore riders;
    private final Vehicles vehicles;
    private final SubsidyLedger ledger;
    private final MongoTemplate mongo;
    private final TransportProperties properties;
    private final BusPlanner planner;
    private final Clock clock;
    private final Timer duration;
    private final Counter seatsAssigned;
    private final Counter subsidiesGranted;
    private final AtomicInteger lastBuses = new AtomicInteger();

    TripPlanning(TripStore trips, RiderStore riders, Vehicles vehicles, SubsidyLedger ledger, MongoTemplate mongo,
            TransportProperties properties, BusPlanner planner, Clock clock, MeterRegistry meters) {
        this.trips = trips;
        this.riders = riders;
        this.vehicles = vehicles;
        this.ledger = ledger;
        this.mongo = mongo;
        this.properties = properties;
        this.planner = planner;
        this.clock = clock;
        this.duration = Timer.builder("chunfeng.planning.duration").description("Time to plan one travel date")
                .register(meters);
        this.seatsAssigned = Counter.builder("chunfeng.seats.assigned")
                .description("SeatAssigned events published (first seats and changed seats)").register(meters);
        this.subsidiesGranted = Counter.builder("chunfeng.subsidies.granted")
                .description("Fare subsidies granted").register(meters);
        meters.gauge("chunfeng.planning.buses", lastBuses);
    }

    public synchronized Summary plan(LocalDate date) {
        return duration.record(() -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    return attempt(date, false);
                } catch (StaleTrip e) {
                    if (attempt == 3) {
                        throw e;
                    }
                    log.info("{}; planning {} again", e.getMessage(), date);
                }
            }
        });
    }

    /** Writes the trips of a new plan and stops, as a crash before the riders are told would. For tests. */
    synchronized void planTripsOnly(LocalDate date) {
        attempt(date, true);
    }

    private Summary attempt(LocalDate date, boolean tripsOnly) {
        List<TripRecord> stored = trips.onDate(date);
        Map<String, RiderRecord> riderById = new HashMap<>();
        riders.onDate(date).forEach(r -> riderById.put(r.workerId(), r));

        Set<String> unavailable = new HashSet<>();
        List<LockedTrip> locked = new ArrayList<>();
        Set<String> lockedWorkers = new HashSet<>();
        Map<String, TripRecord> replaceable = new HashMap<>();
        for (TripRecord trip : stored) {
            if (trip.status() == TripStatus.CANCELLED) {
                unavailable.add(trip.vehicleId());
            } else if (trip.frozen()) {
                unavailable.add(trip.vehicleId());
                List<Rider> on = new ArrayList<>();
                for (TripRider r : trip.riders()) {
                    RiderRecord rider = riderById.get(r.workerId());
                    boolean stillTravelling = rider == null || (Objects.equals(rider.placementId(), r.placementId())
                            && rider.status() != RiderStatus.CANCELLED && rider.status() != RiderStatus.NO_SHOW);
                    if (r.status() != TripRiderStatus.NO_SHOW && stillTravelling) {
                        on.add(new Rider(r.workerId(), r.placementId(), r.town(), r.pickup().toPlace(),
                                r.site().toPlace(), trip.vehicleId(), r.seatNumber()));
                        lockedWorkers.add(r.workerId());
                    }
                }
                locked.add(new LockedTrip(trip.id(), busOf(trip), on,
                        trip.stops().stream().map(s -> s.place().placeId()).toList()));
            } else {
                replaceable.put(trip.vehicleId(), trip);
            }
        }
        List<Rider> demand = new ArrayList<>();
        for (RiderRecord r : riderById.values()) {
            if (PLANNABLE.contains(r.status()) && !lockedWorkers.contains(r.workerId())) {
                Seat seat = r.seat();
                demand.add(new Rider(r.workerId(), r.placementId(), r.town(), r.pickup().toPlace(),
                        r.site().toPlace(), seat == null ? null : seat.vehicleId(),
                        seat == null ? null : seat.seatNumber()));
            }
        }
        demand.sort(java.util.Comparator.comparing(Rider::workerId));
        Map<String, Vehicle> fleet = new HashMap<>();
        List<Bus> buses = new ArrayList<>();
        for (Vehicle v : vehicles.availableOn(date)) {
            fleet.put(v.id(), v);
            if (!unavailable.contains(v.id())) {
                buses.add(v.toBus());
            }
        }
        Plan plan = planner.plan(new PlanRequest(date, demand, buses, locked, properties.rules(),
                properties.solverTime()));

        Instant now = clock.instant();
        Map<String, TripRecord> written = new HashMap<>();
        for (PlannedTrip planned : plan.trips()) {
            if (planned.locked()) {
                continue;
            }
            TripRecord old = replaceable.remove(planned.bus().vehicleId());
            TripRecord next = record(date, planned, old, fleet.get(planned.bus().vehicleId()), riderById, now);
            written.put(planned.bus().vehicleId(), next);
            if (old != null && sameContent(old, next)) {
                continue;
            }
            if (!trips.write(next, old == null ? -1 : old.version())) {
                throw new StaleTrip(next.id());
            }
        }
        for (TripRecord unused : replaceable.values()) {
            if (!trips.delete(unused)) {
                throw new StaleTrip(unused.id());
            }
        }
        if (tripsOnly) {
            return null;
        }

        int changed = 0;
        for (TripRecord trip : written.values()) {
            for (TripRider r : trip.riders()) {
                RiderRecord rider = riderById.get(r.workerId());
                Seat seat = new Seat(trip.id(), trip.vehicleId(), trip.plate(), r.seatNumber(), r.pickup().placeId(),
                        r.pickupTime(), trip.driverName(), trip.driverPhone());
                if (rider == null || (rider.status() == RiderStatus.SEATED && seat.equals(rider.seat()))) {
                    continue;
                }
                SeatAssigned event = new SeatAssigned(rider.workerId(), rider.placementId(), trip.id(), date,
                        trip.plate(), r.seatNumber(), r.pickup().toPlace(), r.pickupTime(), r.site().toPlace(),
                        trip.driverName(), trip.driverPhone(), rider.seat() == null ? null : rider.seat().tripId(), now);
                if (riders.change(rider.workerId(), rider.placementId(), PLANNABLE,
                        new Update().set("status", RiderStatus.SEATED).set("seat", seat), List.of(event))) {
                    seatsAssigned.increment();
                    changed++;
                }
            }
        }
        int subsidised = 0;
        for (Unserved unserved : plan.unserved()) {
            RiderRecord rider = riderById.get(unserved.rider().workerId());
            if (rider == null) {
                continue;
            }
            SubsidyRecord entry = ledger.grant(rider.placementId(), rider.workerId(), rider.town(), date,
                    unserved.directKm(), unserved.reason().name(), unserved.explanation());
            FareSubsidyGranted event = new FareSubsidyGranted(entry.subsidyId(), rider.workerId(),
                    rider.placementId(), entry.amountYuan(), entry.distanceKm(), entry.reason(), entry.grantedAt());
            if (riders.change(rider.workerId(), rider.placementId(), PLANNABLE, new Update()
                    .set("status", RiderStatus.SUBSIDISED).unset("seat").set("subsidyId", entry.subsidyId()),
                    List.of(event))) {
                subsidiesGranted.increment();
            }
            subsidised++;
        }
        lastBuses.set(plan.buses());
        PlanRecord record = new PlanRecord(date.toString(), date, plan.buses(), plan.lowerBounds().bySeats(),
                plan.lowerBounds().byCity(), plan.lowerBounds().ridersByCity(), round(plan.vehicleKm()),
                plan.seated(), subsidised, plan.stats().constructionBuses(), round(plan.stats().constructionKm()),
                plan.stats().solverMillis(), plan.stats().totalMillis(), plan.stats().score(), now);
        mongo.save(record, PLANS);
        log.info("Planned {}: {} buses (bound {} by seats, {} by city), {} km, {} seated, {} subsidised, {} told of a "
                + "new seat", date, plan.buses(), plan.lowerBounds().bySeats(), plan.lowerBounds().byCity(),
                record.vehicleKm(), plan.seated(), subsidised, changed);
        return new Summary(date, plan.buses(), plan.lowerBounds().bySeats(), plan.lowerBounds().byCity(),
                record.vehicleKm(), plan.seated(), subsidised, changed, plan.stats().solverMillis(),
                plan.stats().totalMillis(), java.util.stream.Stream.concat(locked.stream().map(LockedTrip::tripId),
                        written.values().stream().map(TripRecord::id)).sorted().toList());
    }

    public java.util.Optional<PlanRecord> lastPlan(LocalDate date) {
        return java.util.Optional.ofNullable(mongo.findById(date.toString(), PlanRecord.class, PLANS));
    }

    private TripRecord record(LocalDate date, PlannedTrip planned, TripRecord old, Vehicle vehicle,
            Map<String, RiderRecord> riderById, Instant now) {
        ZonedDateTime departure = date.atTime(properties.departure()).atZone(properties.rules().zone());
        List<TripStop> stops = new ArrayList<>();
        for (Stop stop : planned.stops()) {
            stops.add(new TripStop(StoredPlace.of(stop.place()), stop.kind(), at(departure, stop.minutesFromDeparture()),
                    round(stop.kmFromDepot())));
        }
        List<TripRider> onBoard = new ArrayList<>();
        for (SeatedRider seated : planned.riders()) {
            Rider r = seated.rider();
            RiderRecord rider = riderById.get(r.workerId());
            onBoard.add(new TripRider(r.workerId(), r.placementId(), rider == null ? null : rider.name(),
                    rider == null ? null : rider.phoneMasked(), r.town(), rider == null ? null : rider.fitness(),
                    seated.seatNumber(), StoredPlace.of(r.pickup()), at(departure, seated.pickupMinutes()),
                    StoredPlace.of(r.site()), at(departure, seated.dropOffMinutes()), TripRiderStatus.ASSIGNED));
        }
        Bus bus = planned.bus();
        return new TripRecord(old == null ? TripRecord.idFor(date, bus.vehicleId()) : old.id(), date,
                bus.vehicleId(), bus.plate(), bus.seats(), planned.capacity(),
                vehicle == null ? null : vehicle.operator(), bus.driverName(), bus.driverPhone(), bus.depot().lat(),
                bus.depot().lon(), false, TripStatus.PLANNED, stops, onBoard, round(planned.distanceKm()),
                old == null ? 0 : old.version() + 1, now, null, null);
    }

    private static boolean sameContent(TripRecord a, TripRecord b) {
        return a.stops().equals(b.stops()) && a.riders().equals(b.riders()) && a.capacity() == b.capacity()
                && Objects.equals(a.driverPhone(), b.driverPhone()) && Objects.equals(a.plate(), b.plate());
    }

    static Bus busOf(TripRecord trip) {
        return new Bus(trip.vehicleId(), trip.plate(), trip.seats(),
                new org.chunfeng.contracts.common.GeoPoint(trip.depotLat(), trip.depotLon()), trip.driverName(),
                trip.driverPhone());
    }

    /** Times to the minute: a pickup time is a promise to a worker, not a computation. */
    private static Instant at(ZonedDateTime departure, double minutes) {
        return departure.plusMinutes(Math.round(minutes)).toInstant();
    }

    private static double round(double km) {
        return Math.round(km * 10) / 10.0;
    }
}
