package org.chunfeng.employment.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import org.chunfeng.employment.place.CountyPlaces;
import org.chunfeng.employment.worker.Details;
import org.chunfeng.employment.worker.IdentityHasher;
import org.chunfeng.employment.worker.RegistrationChannel;
import org.chunfeng.employment.worker.Worker;
import org.chunfeng.employment.worker.WorkerMetrics;
import org.chunfeng.employment.worker.WorkerRepository;
import org.chunfeng.kit.error.ConflictException;
import org.chunfeng.kit.error.FieldViolation;
import org.chunfeng.kit.error.InvalidInputException;
import org.springframework.stereotype.Service;

/** Registers one worker, from the office form or the worker's own phone. */
@Service
public class Registrations {

    /** The new worker, and for a self-registration the reference to show them once. */
    public record Registered(Worker worker, String reference) {
    }

    private final WorkerRepository workers;
    private final CollectionPoints collectionPoints;
    private final IdentityHasher hasher;
    private final WorkerMetrics metrics;
    private final CountyPlaces places;
    private final Clock clock;

    public Registrations(WorkerRepository workers, CollectionPoints collectionPoints, IdentityHasher hasher,
            WorkerMetrics metrics, CountyPlaces places, Clock clock) {
        this.workers = workers;
        this.places = places;
        this.collectionPoints = collectionPoints;
        this.hasher = hasher;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Checks everything first (a 400 names every bad field and stores nothing), then refuses a known ID number
     * (409), then stores the worker with its WorkerRegistered.
     */
    public Registered register(RegistrationForm form, RegistrationChannel channel, String registeredBy) {
        LocalDate today = LocalDate.now(clock.withZone(Worker.ZONE));
        RegistrationRules.Result result = RegistrationRules.check(form, today);
        List<FieldViolation> violations = new ArrayList<>(result.violations());
        if (channel == RegistrationChannel.SELF) {
            // A worker picks from the county's list, so an unknown village or a made-up pickup point is a stale or
            // tampered form. The office may register villages not on the list yet, as door-to-door sheets find them.
            violations.addAll(places.check(form.county(), form.town(), form.village(),
                    form.collectionPoint() == null ? null : form.collectionPoint().name()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String idHash = hasher.idNumber(result.checked().nationalId());
        workers.findByIdHash(idHash).ifPresent(existing -> {
            throw duplicate(channel, existing.id());
        });
        Details details = withResolvedPoint(result.checked().details());
        String reference = channel == RegistrationChannel.SELF ? WorkerReference.next() : null;
        Worker worker = Worker.register(UUID.randomUUID().toString(), result.checked().nationalId(), idHash, details,
                channel, registeredBy, reference == null ? null : hasher.reference(reference), clock.instant());
        try {
            workers.insert(worker);
        } catch (ConflictException e) {
            if (channel == RegistrationChannel.SELF) {
                throw duplicate(channel, null);
            }
            throw e;
        }
        metrics.registered(channel, 1);
        return new Registered(worker, reference);
    }

    public Details withResolvedPoint(Details details) {
        return details.withCollectionPoint(collectionPoints.resolve(details.county(), details.town(),
                details.village(), details.collectionPoint(), details.home()));
    }

    /** Someone registering themselves is not told whose record they ran into. */
    private static ConflictException duplicate(RegistrationChannel channel, String existingId) {
        if (channel == RegistrationChannel.SELF || existingId == null) {
            return new ConflictException("duplicate-id-number",
                    "This ID number is already registered: ask your village or town labour office for your reference");
        }
        return new ConflictException("duplicate-id-number", "A worker with this ID number is already registered",
                Map.of("existingWorkerId", existingId));
    }
}
