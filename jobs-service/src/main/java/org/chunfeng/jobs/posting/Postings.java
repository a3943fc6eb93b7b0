package org.chunfeng.jobs.posting;

import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.jobs.JobClosed;
import org.chunfeng.contracts.jobs.JobPosted;
import org.chunfeng.contracts.jobs.JobUpdated;
import org.chunfeng.jobs.employer.Employer;
import org.chunfeng.jobs.employer.Employers;
import org.chunfeng.jobs.match.Matchmaker;
import org.chunfeng.jobs.match.MatchingProperties;
import org.chunfeng.jobs.matching.RoadDistance;
import org.chunfeng.kit.error.ConflictException;
import org.chunfeng.kit.error.FieldViolation;
import org.chunfeng.kit.error.InvalidInputException;
import org.chunfeng.kit.error.NotFoundException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Posting, changing and closing jobs; each change is announced and hands the openings to matching. */
@Service
public class Postings {

    private static final int ATTEMPTS = 50;

    private final JobStore store;
    private final Employers employers;
    private final Matchmaker matchmaker;
    private final Clock clock;
    private final RoadDistance roads;

    Postings(JobStore store, Employers employers, Matchmaker matchmaker, Clock clock, MatchingProperties properties) {
        this.store = store;
        this.employers = employers;
        this.matchmaker = matchmaker;
        this.clock = clock;
        this.roads = RoadDistance.greatCircle(properties.roadFactor());
    }

    public Posting post(PostingForm form) {
        Posting posting = prepare(form);
        store.insert(posting, List.of(new JobPosted(posting.id(), posting.postedAt(), posting.toContract())));
        matchmaker.postingsOpened(List.of(posting.id()));
        return posting;
    }

    /** Checks a form and makes the posting it describes, without storing it; throws naming every bad field. */
    Posting prepare(PostingForm form) {
        return prepare(form, "job-" + UUID.randomUUID());
    }

    /** As {@link #prepare(PostingForm)}, under an id the caller chose (an import's id follows from the row). */
    Posting prepare(PostingForm form, String id) {
        return prepare(form, id, employers.find(form.employerId()).orElse(null));
    }

    /**
     * As {@link #prepare(PostingForm, String)}, with the form's employer already looked up (null when there is none),
     * so that an import looks each employer up once per batch rather than once per row.
     */
    Posting prepare(PostingForm form, String id, Employer employer) {
        List<FieldViolation> violations = new ArrayList<>();
        if (employer == null) {
            violations.add(new FieldViolation("employerId", "no employer has this id"));
        }
        int minAge = form.minAge() == null ? 16 : form.minAge();
        int maxAge = form.maxAge() == null ? 0 : form.maxAge();
        if (maxAge > 0 && maxAge < minAge) {
            violations.add(new FieldViolation("maxAge", "must be at least minAge (" + minAge + "), or 0 for no limit"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Instant now = clock.instant();
        String welfareTown = employer.kind() == EmployerKind.PUBLIC_WELFARE ? employer.town() : null;
        return new Posting(id, employer.id(), employer.name(), employer.kind(), form.title().trim(), form.category(),
                distinct(form.requiredSkills()), form.openings(), 0, 0, form.site().toPlace("site-" + id),
                form.monthlyWage(), form.startDate(), Boolean.TRUE.equals(form.accommodation()), minAge, maxAge,
                distinct(form.suitableFor()), welfareTown, JobStatus.OPEN, now, now);
    }

    public Posting get(String id) {
        return store.find(id).map(JobStore.Stored::posting).orElseThrow(() -> new NotFoundException("Job", id));
    }

    /** Listing filter; {@code near} with {@code radiusKm} keeps postings within that road distance. */
    public record Filter(Skill category, EmployerKind employerKind, JobStatus status, GeoPoint near, double radiusKm) {
    }

    public List<Posting> list(Filter filter) {
        List<Bson> conditions = new ArrayList<>();
        if (filter.category() != null) {
            conditions.add(Filters.eq("category", filter.category().name()));
        }
        if (filter.employerKind() != null) {
            conditions.add(Filters.eq("employerKind", filter.employerKind().name()));
        }
        if (filter.status() != null) {
            conditions.add(Filters.eq("status", filter.status().name()));
        }
        List<Posting> found = store.matching(conditions.isEmpty() ? new Document() : Filters.and(conditions));
        // No geo queries on the wire server: distances are computed here, as everywhere in Chunfeng.
        if (filter.near() != null) {
            found = found.stream().filter(p -> p.site() != null && p.site().location() != null
                    && roads.km(filter.near(), p.site().location()) <= filter.radiusKm()).toList();
        }
        return found.stream().sorted(Comparator.comparing(Posting::postedAt).reversed().thenComparing(Posting::id))
                .toList();
    }

    public Posting change(String id, PostingPatch patch) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            JobStore.Stored stored = store.find(id).orElseThrow(() -> new NotFoundException("Job", id));
            Posting old = stored.posting();
            if (old.status() == JobStatus.CLOSED) {
                throw new ConflictException("job-closed", "Job " + id + " is closed and can no longer change");
            }
            Posting changed = apply(old, patch);
            if (changed.openings() < old.reserved() + old.filled()) {
                throw new ConflictException("openings-taken", "Openings cannot drop below the " + old.reserved()
                        + " reserved and " + old.filled() + " filled", Map.of("reserved", old.reserved(), "filled",
                        old.filled()));
            }
            Update update = new Update();
            PostingDocs.fields(changed).forEach((field, value) -> {
                if (!field.equals("postedAt")) {
                    update.set(field, value);
                }
            });
            JobStatus status = changed.filled() >= changed.openings() ? JobStatus.FILLED : JobStatus.OPEN;
            update.set("status", status.name());
            Posting result = new Posting(changed.id(), changed.employerId(), changed.employerName(),
                    changed.employerKind(), changed.title(), changed.category(), changed.requiredSkills(),
                    changed.openings(), changed.reserved(), changed.filled(), changed.site(), changed.monthlyWage(),
                    changed.startDate(), changed.accommodation(), changed.minAge(), changed.maxAge(),
                    changed.suitableFor(), changed.publicWelfareTown(), status, changed.postedAt(), changed.updatedAt());
            if (store.update(id, stored.version(), update,
                    List.of(new JobUpdated(id, changed.updatedAt(), result.toContract())))) {
                matchmaker.postingChanged(id);
                return result;
            }
        }
        throw new ConflictException("busy", "Job " + id + " is changing too often; try again");
    }

    private Posting apply(Posting p, PostingPatch patch) {
        int minAge = patch.minAge() != null ? patch.minAge() : p.minAge();
        int maxAge = patch.maxAge() != null ? patch.maxAge() : p.maxAge();
        if (maxAge > 0 && maxAge < minAge) {
            throw new InvalidInputException("maxAge", "must be at least minAge (" + minAge + "), or 0 for no limit");
        }
        return new Posting(p.id(), p.employerId(), p.employerName(), p.employerKind(),
                patch.title() != null ? patch.title().trim() : p.title(),
                patch.category() != null ? patch.category() : p.category(),
                patch.requiredSkills() != null ? distinct(patch.requiredSkills()) : p.requiredSkills(),
                patch.openings() != null ? patch.openings() : p.openings(), p.reserved(), p.filled(),
                patch.site() != null ? patch.site().toPlace(p.site() == null ? "site-" + p.id() : p.site().id())
                        : p.site(),
                patch.monthlyWage() != null ? patch.monthlyWage() : p.monthlyWage(),
                patch.startDate() != null ? patch.startDate() : p.startDate(),
                patch.accommodation() != null ? patch.accommodation() : p.accommodation(), minAge, maxAge,
                patch.suitableFor() != null ? distinct(patch.suitableFor()) : p.suitableFor(), p.publicWelfareTown(),
                p.status(), p.postedAt(), clock.instant());
    }

    /** Closes the job: no more offers; its live offers are withdrawn and those workers matched again. */
    public Posting close(String id, String reason) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            JobStore.Stored stored = store.find(id).orElseThrow(() -> new NotFoundException("Job", id));
            if (stored.posting().status() == JobStatus.CLOSED) {
                matchmaker.postingClosed(id);
                return stored.posting();
            }
            Instant now = clock.instant();
            String why = reason == null || reason.isBlank() ? "closed by the labour office" : reason.trim();
            Update update = new Update().set("status", JobStatus.CLOSED.name()).set("updatedAt", java.util.Date.from(now))
                    .set("closedAt", java.util.Date.from(now)).set("closeReason", why);
            if (store.update(id, stored.version(), update, List.of(new JobClosed(id, now, why)))) {
                matchmaker.postingClosed(id);
                return get(id);
            }
        }
        throw new ConflictException("busy", "Job " + id + " is changing too often; try again");
    }

    private static <T> List<T> distinct(List<T> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values.stream()
                .filter(java.util.Objects::nonNull).toList()));
    }
}
