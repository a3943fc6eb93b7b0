package org.chunfeng.employment.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chunfeng.employment.registration.RegistrationForm.CollectionPointForm;
import org.chunfeng.employment.registration.RegistrationForm.Coordinates;
import org.chunfeng.employment.registration.RegistrationForm.SkillForm;
import org.chunfeng.employment.worker.Details;
import org.chunfeng.employment.worker.Worker;
import org.chunfeng.employment.worker.WorkerRepository;
import org.chunfeng.kit.error.FieldViolation;
import org.chunfeng.kit.error.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Corrections to a worker's record (PATCH): the fields sent replace the stored ones, the whole record is checked
 * again by the registration rules, and WorkerUpdated carries the full profile. The ID number cannot change.
 */
@Service
public class Corrections {

    private final WorkerRepository workers;
    private final Registrations registrations;
    private final Clock clock;

    public Corrections(WorkerRepository workers, Registrations registrations, Clock clock) {
        this.workers = workers;
        this.registrations = registrations;
        this.clock = clock;
    }

    public Worker correct(String workerId, RegistrationForm patch) {
        Worker current = workers.get(workerId);
        List<FieldViolation> violations = new ArrayList<>();
        if (patch.idNumber() != null) {
            violations.add(new FieldViolation("idNumber",
                    "cannot be changed: withdraw this record and register the worker again"));
        }
        LocalDate today = LocalDate.now(clock.withZone(Worker.ZONE));
        Details checked = RegistrationRules.details(merge(current.details(), patch), today, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Details details = sameCollectionPoint(current.details(), checked) ? checked
                .withCollectionPoint(current.collectionPoint()) : registrations.withResolvedPoint(checked);
        return workers.change(workerId, w -> w.update(details, clock.instant()));
    }

    private static boolean sameCollectionPoint(Details before, Details after) {
        return before.collectionPoint() != null && after.collectionPoint().location() != null
                && before.collectionPoint().name().equals(after.collectionPoint().name())
                && before.collectionPoint().location().equals(after.collectionPoint().location())
                && before.county().equals(after.county()) && before.town().equals(after.town())
                && before.village().equals(after.village());
    }

    static RegistrationForm merge(Details d, RegistrationForm p) {
        RegistrationForm current = new RegistrationForm(d.name(), null, d.phone(), d.householdId(),
                d.povertyStatus().name(), d.specialGroups().stream().map(Enum::name).toList(), d.county(), d.town(),
                d.village(), d.collectionPoint() == null ? null : new CollectionPointForm(d.collectionPoint().name(),
                        d.collectionPoint().location().lat(), d.collectionPoint().location().lon()),
                new Coordinates(d.home().lat(), d.home().lon()),
                d.skills().stream().map(s -> new SkillForm(s.skill().name(), s.years())).toList(),
                d.intent().name(), d.preferredCities(), d.minMonthlyWage(),
                d.availableFrom() == null ? null : d.availableFrom().toString(), d.fitness().name(),
                d.fitnessCheckedOn() == null ? null : d.fitnessCheckedOn().toString());
        return new RegistrationForm(
                or(p.name(), current.name()), null, or(p.phone(), current.phone()),
                or(p.householdId(), current.householdId()), or(p.povertyStatus(), current.povertyStatus()),
                or(p.specialGroups(), current.specialGroups()), or(p.county(), current.county()),
                or(p.town(), current.town()), or(p.village(), current.village()),
                or(p.collectionPoint(), current.collectionPoint()), or(p.home(), current.home()),
                or(p.skills(), current.skills()), or(p.intent(), current.intent()),
                or(p.preferredCities(), current.preferredCities()), or(p.minMonthlyWage(), current.minMonthlyWage()),
                or(p.availableFrom(), current.availableFrom()), or(p.fitness(), current.fitness()),
                or(p.fitnessCheckedOn(), current.fitnessCheckedOn()));
    }

    private static <T> T or(T patch, T current) {
        return patch != null ? patch : current;
    }
}
