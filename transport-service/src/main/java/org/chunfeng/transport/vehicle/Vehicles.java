package org.chunfeng.transport.vehicle;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.chunfeng.kit.error.ConflictException;
import org.chunfeng.kit.error.InvalidInputException;
import org.chunfeng.transport.trip.ReplanScheduler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Service;

/** The fleet. A change of vehicles replans the dates they are free on. */
@Service
public class Vehicles {

    static final String COLLECTION = "vehicles";

    /** What importing one row did. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ReplanScheduler replans;

    Vehicles(MongoTemplate mongo, Clock clock, ReplanScheduler replans) {
        this.mongo = mongo;
        this.clock = clock;
        this.replans = replans;
    }

    @PostConstruct
    void indexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index("plate", Sort.Direction.ASC).unique());
    }

    public Vehicle create(VehicleForm form) {
        List<org.chunfeng.kit.error.FieldViolation> violations = form.violations();
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Vehicle vehicle = toVehicle("v-" + UUID.randomUUID(), form);
        try {
            mongo.insert(vehicle, COLLECTION);
        } catch (DuplicateKeyException e) {
            Vehicle existing = byPlate(vehicle.plate()).orElseThrow();
            throw new ConflictException("duplicate-plate", "A vehicle with plate " + vehicle.plate()
                    + " is already registered", Map.of("existingVehicleId", existing.id()));
        }
        replans.requestRange(vehicle.availableFrom(), vehicle.availableTo());
        return vehicle;
    }

    /** Creates or updates by plate, so importing the same sheet twice changes nothing. */
    Outcome upsert(VehicleForm form) {
        Optional<Vehicle> existing = byPlate(form.normalisedPlate());
        if (existing.isEmpty()) {
            try {
                Vehicle vehicle = toVehicle("v-" + UUID.randomUUID(), form);
                mongo.insert(vehicle, COLLECTION);
                replans.requestRange(vehicle.availableFrom(), vehicle.availableTo());
                return Outcome.CREATED;
            } catch (DuplicateKeyException e) {
                existing = byPlate(form.normalisedPlate());
            }
        }
        Vehicle before = existing.orElseThrow();
        Vehicle after = toVehicle(before.id(), form);
        if (same(before, after)) {
            return Outcome.UNCHANGED;
        }
        mongo.save(after, COLLECTION);
        replans.requestRange(min(before.availableFrom(), after.availableFrom()),
                max(before.availableTo(), after.availableTo()));
        return Outcome.UPDATED;
    }

    public List<Vehicle> all() {
        return mongo.find(new org.springframework.data.mongodb.core.query.Query().with(Sort.by("plate")),
                Vehicle.class, COLLECTION);
    }

    public List<Vehicle> availableOn(LocalDate date) {
        return mongo.find(query(where("availableFrom").lte(date).and("availableTo").gte(date)).with(Sort.by("plate")),
                Vehicle.class, COLLECTION);
    }

    public Optional<Vehicle> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Vehicle.class, COLLECTION));
    }

    private Optional<Vehicle> byPlate(String plate) {
        return Optional.ofNullable(mongo.findOne(query(where("plate").is(plate)), Vehicle.class, COLLECTION));
    }

    private Vehicle toVehicle(String id, VehicleForm form) {
        return new Vehicle(id, form.normalisedPlate(), form.seats(), blankToNull(form.operator()),
                form.driverName().strip(), form.driverPhone().strip(), form.depotLat(), form.depotLon(),
                form.availableFrom(), form.availableTo(), clock.instant());
    }

    private static boolean same(Vehicle a, Vehicle b) {
        return a.seats() == b.seats() && java.util.Objects.equals(a.operator(), b.operator())
                && a.driverName().equals(b.driverName()) && a.driverPhone().equals(b.driverPhone())
                && a.depotLat() == b.depotLat() && a.depotLon() == b.depotLon()
                && a.availableFrom().equals(b.availableFrom()) && a.availableTo().equals(b.availableTo());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
