package org.chunfeng.employment.registration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SkillLevel;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;
import org.chunfeng.employment.registration.RegistrationForm.CollectionPointForm;
import org.chunfeng.employment.registration.RegistrationForm.Coordinates;
import org.chunfeng.employment.registration.RegistrationForm.SkillForm;
import org.chunfeng.employment.worker.Details;
import org.chunfeng.employment.worker.NationalId;
import org.chunfeng.employment.worker.Phone;
import org.chunfeng.employment.worker.PlaceRef;
import org.chunfeng.kit.error.FieldViolation;

/**
 * Checks a registration and names every bad field at once, by its path in the form ({@code home.lat},
 * {@code skills[1].years}). The same rules serve the form, self-registration, corrections and spreadsheet rows.
 */
public final class RegistrationRules {

    static final int MAX_TEXT = 50;
    static final int MAX_WAGE = 100_000;
    static final int MAX_YEARS = 60;

    private RegistrationRules() {
    }

    /** A registration that passed: the ID number and the details, with the collection point not yet resolved. */
    public record Checked(NationalId nationalId, Details details) {
    }

    /** The outcome: either {@code checked} or a non-empty list of violations. */
    public record Result(Checked checked, List<FieldViolation> violations) {
        public boolean isValid() {
            return violations.isEmpty();
        }
    }

    public static Result check(RegistrationForm form, LocalDate today) {
        List<FieldViolation> violations = new ArrayList<>();
        NationalId id = null;
        try {
            id = NationalId.parse(form.idNumber(), today);
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("idNumber", e.getMessage()));
        }
        Details details = details(form, today, violations);
        return new Result(violations.isEmpty() ? new Checked(id, details) : null, List.copyOf(violations));
    }

    /** The details alone, for a correction: everything but the ID number, which never changes. */
    public static Details details(RegistrationForm form, LocalDate today, List<FieldViolation> violations) {
        String name = text(form.name(), "name", true, MAX_TEXT, violations);
        String phone = null;
        try {
            phone = Phone.parse(form.phone());
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("phone", e.getMessage()));
        }
        String householdId = text(form.householdId(), "householdId", true, 40, violations);
        PovertyStatus poverty = required(form.povertyStatus(), "povertyStatus", Vocabulary::povertyStatus,
                PovertyStatus.class, violations);
        List<SpecialGroup> groups = specialGroups(form.specialGroups(), violations);
        String county = text(form.county(), "county", true, MAX_TEXT, violations);
        String town = text(form.town(), "town", true, MAX_TEXT, violations);
        String village = text(form.village(), "village", true, MAX_TEXT, violations);
        GeoPoint home = coordinates(form.home(), "home", true, violations);
        PlaceRef point = collectionPoint(form.collectionPoint(), county, violations);
        List<SkillLevel> skills = skills(form.skills(), violations);
        WorkIntent intent = required(form.intent(), "intent", Vocabulary::intent, WorkIntent.class, violations);
        List<String> cities = cities(form.preferredCities(), violations);
        int wage = 0;
        if (form.minMonthlyWage() != null) {
            wage = form.minMonthlyWage();
            if (wage < 0 || wage > MAX_WAGE) {
                violations.add(new FieldViolation("minMonthlyWage", "must be between 0 and " + MAX_WAGE + " yuan"));
            }
        }
        LocalDate availableFrom = today;
        if (form.availableFrom() != null && !form.availableFrom().isBlank()) {
            availableFrom = date(form.availableFrom(), "availableFrom", violations);
        }
        TravelFitness fitness = required(form.fitness(), "fitness", Vocabulary::fitness, TravelFitness.class,
                violations);
        LocalDate checkedOn = null;
        if (form.fitnessCheckedOn() == null || form.fitnessCheckedOn().isBlank()) {
            violations.add(new FieldViolation("fitnessCheckedOn", "is required: the date of the health check"));
        } else {
            checkedOn = date(form.fitnessCheckedOn(), "fitnessCheckedOn", violations);
            if (checkedOn != null && checkedOn.isAfter(today)) {
                violations.add(new FieldViolation("fitnessCheckedOn", "cannot be in the future"));
            }
        }
        if (!violations.isEmpty()) {
            return null;
        }
        return new Details(name, phone, householdId, poverty, groups, county, town, village, point, home, skills,
                intent, cities, wage, availableFrom, fitness, checkedOn);
    }

    private static String text(String value, String field, boolean required, int max, List<FieldViolation> out) {
        String t = value == null ? "" : value.trim();
        if (t.isEmpty()) {
            if (required) {
                out.add(new FieldViolation(field, "is required"));
            }
            return null;
        }
        if (t.length() > max) {
            out.add(new FieldViolation(field, "must be at most " + max + " characters"));
        }
        return t;
    }

    private static <E extends Enum<E>> E required(String value, String field, Function<String, Optional<E>> lookup,
            Class<E> type, List<FieldViolation> out) {
        if (value == null || value.isBlank()) {
            out.add(new FieldViolation(field, "is required; " + Vocabulary.describe(type)));
            return null;
        }
        Optional<E> found = lookup.apply(value);
        if (found.isEmpty()) {
            out.add(new FieldViolation(field, Vocabulary.describe(type)));
        }
        return found.orElse(null);
    }

    private static List<SpecialGroup> specialGroups(List<String> values, List<FieldViolation> out) {
        Set<SpecialGroup> groups = EnumSet.noneOf(SpecialGroup.class);
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                Optional<SpecialGroup> g = Vocabulary.specialGroup(values.get(i));
                if (g.isEmpty()) {
                    out.add(new FieldViolation("specialGroups[" + i + "]", Vocabulary.describe(SpecialGroup.class)));
                } else {
                    groups.add(g.get());
                }
            }
        }
        return List.copyOf(groups);
    }

    static GeoPoint coordinates(Coordinates c, String field, boolean required, List<FieldViolation> out) {
        Double lat = c == null ? null : c.lat();
        Double lon = c == null ? null : c.lon();
        return coordinates(lat, lon, field, required, out);
    }

    private static GeoPoint coordinates(Double lat, Double lon, String field, boolean required,
            List<FieldViolation> out) {
        if (lat == null && lon == null && !required) {
            return null;
        }
        boolean ok = true;
        // China lies between 3° and 54° north, 73° and 136° east: anything else is a slip (swapped or mistyped).
        if (lat == null || lat.isNaN() || lat < 3 || lat > 54) {
            out.add(new FieldViolation(field + ".lat", lat == null ? "is required"
                    : "must be a latitude in China, between 3 and 54"));
            ok = false;
        }
        if (lon == null || lon.isNaN() || lon < 73 || lon > 136) {
            out.add(new FieldViolation(field + ".lon", lon == null ? "is required"
                    : "must be a longitude in China, between 73 and 136"));
            ok = false;
        }
        return ok ? new GeoPoint(lat, lon) : null;
    }

    private static PlaceRef collectionPoint(CollectionPointForm form, String county, List<FieldViolation> out) {
        String name = text(form == null ? null : form.name(), "collectionPoint.name", true, 60, out);
        GeoPoint location = form == null ? null
                : coordinates(form.lat(), form.lon(), "collectionPoint", false, out);
        return name == null ? null : new PlaceRef(null, name, county, location);
    }

    private static List<SkillLevel> skills(List<SkillForm> forms, List<FieldViolation> out) {
        List<SkillLevel> skills = new ArrayList<>();
        Set<Skill> seen = new LinkedHashSet<>();
        if (forms == null) {
            return skills;
        }
        for (int i = 0; i < forms.size(); i++) {
            SkillForm f = forms.get(i);
            String path = "skills[" + i + "]";
            Optional<Skill> skill = Skill.lookup(f == null ? null : f.skill());
            if (skill.isEmpty()) {
                out.add(new FieldViolation(path + ".skill", "must be a code or label from GET /api/workers/skills"));
            } else if (!seen.add(skill.get())) {
                out.add(new FieldViolation(path + ".skill", "is listed twice"));
            }
            int years = f == null || f.years() == null ? 0 : f.years();
            if (years < 0 || years > MAX_YEARS) {
                out.add(new FieldViolation(path + ".years", "must be between 0 and " + MAX_YEARS));
            }
            skill.ifPresent(s -> skills.add(new SkillLevel(s, years)));
        }
        return skills;
    }

    private static List<String> cities(List<String> values, List<FieldViolation> out) {
        List<String> cities = new ArrayList<>();
        if (values == null) {
            return cities;
        }
        if (values.size() > 10) {
            out.add(new FieldViolation("preferredCities", "may list at most 10 cities"));
        }
        for (int i = 0; i < values.size(); i++) {
            String c = values.get(i) == null ? "" : values.get(i).trim();
            if (c.isEmpty() || c.length() > 30) {
                out.add(new FieldViolation("preferredCities[" + i + "]", "must be a city name of 1 to 30 characters"));
            } else if (!cities.contains(c)) {
                cities.add(c);
            }
        }
        return cities;
    }

    private static LocalDate date(String value, String field, List<FieldViolation> out) {
        Optional<LocalDate> d = Vocabulary.date(value);
        if (d.isEmpty()) {
            out.add(new FieldViolation(field, "must be a real date like 2026-02-15"));
        }
        return d.orElse(null);
    }
}
