package org.chunfeng.employment.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chunfeng.employment.registration.RegistrationForm;
import org.chunfeng.employment.registration.RegistrationForm.CollectionPointForm;
import org.chunfeng.employment.registration.RegistrationForm.Coordinates;
import org.chunfeng.employment.registration.RegistrationForm.SkillForm;
import org.chunfeng.employment.registration.RegistrationRules;
import org.chunfeng.employment.registration.Vocabulary;
import org.chunfeng.kit.error.FieldViolation;
import org.chunfeng.kit.importing.SourceRow;

/**
 * Turns one sheet row into a registration and checks it with the same rules as the form. Problems are reported
 * under the file's own column headers, so the clerk finds the cell to fix.
 */
public final class RowParser {

    /** "电子装配:3" or "电子装配（3年）": a skill with its own years. */
    private static final Pattern SKILL_YEARS = Pattern.compile("(.+?)\\s*[:：(（]\\s*(\\d+)\\s*年?\\s*[)）]?");

    /** Said of the template's example row: it is a made-up worker, never to be registered by mistake. */
    static final String EXAMPLE_ROW = "is the template's example row: delete that row before importing";

    private RowParser() {
    }

    /** The checked registration, or the row's problems by column. */
    public record Outcome(RegistrationRules.Checked checked, List<FieldViolation> problems) {
        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    public static Outcome check(SourceRow row, ColumnMap columns, LocalDate today) {
        List<FieldViolation> problems = new ArrayList<>();
        RegistrationForm form = form(row, columns, problems);
        RegistrationRules.Result result = RegistrationRules.check(form, today);
        for (FieldViolation v : result.violations()) {
            problems.add(new FieldViolation(columns.header(columnOf(v.field())), v.message()));
        }
        if (ImportTemplate.EXAMPLE.get(ImportColumn.ID_NUMBER).equals(idNumber(columns, row))) {
            problems.add(new FieldViolation(columns.header(ImportColumn.ID_NUMBER), EXAMPLE_ROW));
        }
        if (columns.isNumeric(row, ImportColumn.ID_NUMBER) && problems.stream()
                .anyMatch(p -> p.field().equals(columns.header(ImportColumn.ID_NUMBER)))) {
            problems.removeIf(p -> p.field().equals(columns.header(ImportColumn.ID_NUMBER)));
            problems.add(new FieldViolation(columns.header(ImportColumn.ID_NUMBER), "was saved as a number, which "
                    + "keeps only 15 digits: format the column as text and type the number again"));
        }
        return problems.isEmpty() ? new Outcome(result.checked(), List.of())
                : new Outcome(null, dedupe(problems));
    }

    private static String idNumber(ColumnMap columns, SourceRow row) {
        String id = columns.value(row, ImportColumn.ID_NUMBER);
        return id == null ? "" : id.trim();
    }

    static RegistrationForm form(SourceRow row, ColumnMap c, List<FieldViolation> problems) {
        Double lat = number(row, c, ImportColumn.LAT, problems);
        Double lon = number(row, c, ImportColumn.LON, problems);
        Double pointLat = number(row, c, ImportColumn.COLLECTION_POINT_LAT, problems);
        Double pointLon = number(row, c, ImportColumn.COLLECTION_POINT_LON, problems);
        Double wage = number(row, c, ImportColumn.MIN_MONTHLY_WAGE, problems);
        Double years = number(row, c, ImportColumn.YEARS, problems);
        List<SkillForm> skills = new ArrayList<>();
        for (String item : Vocabulary.list(c.value(row, ImportColumn.SKILLS))) {
            Matcher m = SKILL_YEARS.matcher(item);
            if (m.matches()) {
                skills.add(new SkillForm(m.group(1).trim(), Integer.parseInt(m.group(2))));
            } else {
                skills.add(new SkillForm(item, years == null ? null : years.intValue()));
            }
        }
        String point = c.value(row, ImportColumn.COLLECTION_POINT);
        return new RegistrationForm(
                c.value(row, ImportColumn.NAME), c.value(row, ImportColumn.ID_NUMBER),
                c.value(row, ImportColumn.PHONE), c.value(row, ImportColumn.HOUSEHOLD_ID),
                c.value(row, ImportColumn.POVERTY_STATUS),
                Vocabulary.list(c.value(row, ImportColumn.SPECIAL_GROUPS)),
                c.value(row, ImportColumn.COUNTY), c.value(row, ImportColumn.TOWN), c.value(row, ImportColumn.VILLAGE),
                new CollectionPointForm(point, pointLat, pointLon), new Coordinates(lat, lon), skills,
                c.value(row, ImportColumn.INTENT), Vocabulary.list(c.value(row, ImportColumn.PREFERRED_CITIES)),
                wage == null ? null : (int) Math.round(wage), blankToNull(c.value(row, ImportColumn.AVAILABLE_FROM)),
                c.value(row, ImportColumn.FITNESS), blankToNull(c.value(row, ImportColumn.FITNESS_CHECKED_ON)));
    }

    /** Which column a registration field came from. */
    static ImportColumn columnOf(String field) {
        String f = field.replaceAll("\\[\\d+]", "");
        return switch (f) {
            case "name" -> ImportColumn.NAME;
            case "idNumber" -> ImportColumn.ID_NUMBER;
            case "phone" -> ImportColumn.PHONE;
            case "householdId" -> ImportColumn.HOUSEHOLD_ID;
            case "povertyStatus" -> ImportColumn.POVERTY_STATUS;
            case "specialGroups" -> ImportColumn.SPECIAL_GROUPS;
            case "county" -> ImportColumn.COUNTY;
            case "town" -> ImportColumn.TOWN;
            case "village" -> ImportColumn.VILLAGE;
            case "collectionPoint.name" -> ImportColumn.COLLECTION_POINT;
            case "collectionPoint.lat" -> ImportColumn.COLLECTION_POINT_LAT;
            case "collectionPoint.lon" -> ImportColumn.COLLECTION_POINT_LON;
            case "home.lat" -> ImportColumn.LAT;
            case "home.lon" -> ImportColumn.LON;
            case "skills.skill" -> ImportColumn.SKILLS;
            case "skills.years" -> ImportColumn.YEARS;
            case "intent" -> ImportColumn.INTENT;
            case "preferredCities" -> ImportColumn.PREFERRED_CITIES;
            case "minMonthlyWage" -> ImportColumn.MIN_MONTHLY_WAGE;
            case "availableFrom" -> ImportColumn.AVAILABLE_FROM;
            case "fitness" -> ImportColumn.FITNESS;
            case "fitnessCheckedOn" -> ImportColumn.FITNESS_CHECKED_ON;
            default -> throw new IllegalArgumentException("No column for field " + field);
        };
    }

    private static Double number(SourceRow row, ColumnMap c, ImportColumn column, List<FieldViolation> problems) {
        String text = c.value(row, column).replace(",", "").replace("，", "");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text).doubleValue();
        } catch (NumberFormatException e) {
            problems.add(new FieldViolation(c.header(column), "must be a number"));
            return Double.NaN;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A bad number is reported once, not again by the rules as "out of range". */
    private static List<FieldViolation> dedupe(List<FieldViolation> problems) {
        List<FieldViolation> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (FieldViolation p : problems) {
            if (!fields.contains(p.field() + "\u0000" + p.message()) && !(p.message().startsWith("must be a")
                    && fields.stream().anyMatch(f -> f.startsWith(p.field() + "\u0000must be a number")))) {
                out.add(p);
                fields.add(p.field() + "\u0000" + p.message());
            }
        }
        return out;
    }
}
