package org.chunfeng.jobs.posting;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.contracts.jobs.JobPosted;
import org.chunfeng.jobs.employer.Employer;
import org.chunfeng.jobs.employer.Employers;
import org.chunfeng.jobs.match.Matchmaker;
import org.chunfeng.kit.error.FieldViolation;
import org.chunfeng.kit.error.InvalidInputException;
import org.chunfeng.kit.importing.ImportJobs.Outcome;
import org.chunfeng.kit.importing.ImportJobs.RowReport;
import org.chunfeng.kit.importing.SheetImporter;
import org.chunfeng.kit.importing.SourceRow;
import org.springframework.stereotype.Service;

/**
 * The postings' sheet, imported as a background job by the kit's runner: a good row becomes a posting (with its
 * JobPosted) when its batch is written, a batch in one insert; a bad row is left out and the report names its row
 * number and every bad field. Headers may be the English field names or the Chinese ones clerks use (see the
 * jobs-service README).
 */
@Service
public class PostingImport implements SheetImporter {

    static final Map<String, String> HEADERS = headers();
    /** Without these every row would be refused, so the header is refused instead. */
    static final List<String> REQUIRED = List.of("employerId", "title", "category", "openings", "siteName", "city",
            "lat", "lon", "monthlyWage", "startDate");
    /** Excel counts days from 1899-12-30 (its 1900 leap-year bug included). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private final Postings postings;
    private final Employers employers;
    private final JobStore store;
    private final Matchmaker matchmaker;
    private final Validator validator;

    PostingImport(Postings postings, Employers employers, JobStore store, Matchmaker matchmaker, Validator validator) {
        this.postings = postings;
        this.employers = employers;
        this.store = store;
        this.matchmaker = matchmaker;
        this.validator = validator;
    }

    @Override
    public Session begin(List<String> header, String createdBy) {
        return new Batch(columns(header));
    }

    /** The rows waiting to be posted, and the postings this sheet has opened so far. */
    private final class Batch implements Session {

        private record Pending(int row, PostingForm form) {
        }

        private final List<String> columns;
        private final List<Pending> pending = new ArrayList<>();
        private final List<RowReport> reports = new ArrayList<>();
        private final List<String> opened = new ArrayList<>();

        Batch(List<String> columns) {
            this.columns = columns;
        }

        @Override
        public void add(SourceRow row) {
            List<FieldViolation> errors = new ArrayList<>();
            PostingForm form = form(values(row, columns), errors);
            if (errors.isEmpty()) {
                for (ConstraintViolation<PostingForm> v : validator.validate(form)) {
                    errors.add(new FieldViolation(v.getPropertyPath().toString(), v.getMessage()));
                }
            }
            if (errors.isEmpty()) {
                pending.add(new Pending(row.number(), form));
            } else {
                reports.add(rejected(row.number(), errors));
            }
        }

        /**
         * One employer lookup for the batch and one insertMany of its postings (each document carries its own
         * JobPosted in its outbox, so a posting and its event stay one write). A row whose posting id another row of
         * the batch already took is a DUPLICATE of that posting without being written again.
         */
        @Override
        public List<RowReport> flush() {
            Map<String, Employer> employersById = employers.findAll(pending.stream()
                    .map(p -> p.form().employerId()).toList());
            Map<String, Posting> batch = new LinkedHashMap<>();
            List<Map.Entry<Integer, String>> rows = new ArrayList<>();
            for (Pending p : pending) {
                try {
                    Posting posting = postings.prepare(p.form(), idOf(p.form()),
                            employersById.get(p.form().employerId()));
                    batch.putIfAbsent(posting.id(), posting);
                    rows.add(Map.entry(p.row(), posting.id()));
                } catch (InvalidInputException e) {
                    reports.add(rejected(p.row(), new ArrayList<>(e.violations())));
                }
            }
            Set<String> refused = store.insertAll(List.copyOf(batch.values()),
                    posting -> List.of(new JobPosted(posting.id(), posting.postedAt(), posting.toContract())));
            Set<String> written = new HashSet<>();
            for (Map.Entry<Integer, String> row : rows) {
                String id = row.getValue();
                if (!refused.contains(id) && written.add(id)) {
                    opened.add(id);
                    reports.add(new RowReport(row.getKey(), Outcome.IMPORTED, id, List.of()));
                } else {
                    reports.add(new RowReport(row.getKey(), Outcome.DUPLICATE, id, List.of()));
                }
            }
            List<RowReport> done = List.copyOf(reports);
            pending.clear();
            reports.clear();
            return done;
        }

        /** Matched once for the whole sheet, as a batch when it brings many openings. */
        @Override
        public void finish() {
            if (!opened.isEmpty()) {
                matchmaker.postingsOpened(List.copyOf(opened));
            }
        }
    }

    private static RowReport rejected(int row, List<FieldViolation> errors) {
        errors.sort(Comparator.comparing(FieldViolation::field));
        return new RowReport(row, Outcome.REJECTED, null, List.copyOf(errors));
    }

    /**
     * A row's posting id follows from what the row says, so a sheet uploaded again (after a timeout, or by a second
     * clerk) finds its postings already there instead of posting every job twice.
     */
    static String idOf(PostingForm form) {
        SiteForm site = form.site();
        String row = String.join("\u001f", form.employerId(), form.title().trim(), form.category().name(),
                String.valueOf(form.requiredSkills()), String.valueOf(form.openings()), site.name().trim(),
                site.city().trim(), String.valueOf(site.lat()), String.valueOf(site.lon()),
                String.valueOf(form.monthlyWage()), String.valueOf(form.startDate()),
                String.valueOf(form.accommodation()), String.valueOf(form.minAge()), String.valueOf(form.maxAge()),
                String.valueOf(form.suitableFor()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(row.getBytes(StandardCharsets.UTF_8));
            return "job-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Each header cell's field, null for a column nobody asked for. A header naming no field, or lacking a required
     * one, is refused with the missing columns in both languages.
     */
    static List<String> columns(List<String> headerTexts) {
        List<String> columns = new ArrayList<>();
        for (String text : headerTexts) {
            String column = text == null ? null
                    : HEADERS.get(text.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT));
            columns.add(columns.contains(column) ? null : column);
        }
        List<String> missing = REQUIRED.stream().filter(f -> !columns.contains(f))
                .map(f -> CHINESE.get(f) + " (" + f + ")").toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("file", "The header row cannot be used: missing required columns: "
                    + String.join(", ", missing) + "; the first row must name the columns (see the jobs-service "
                    + "README)");
        }
        return columns;
    }

    /** A row's cells by field; a day number in a startDate cell that Excel kept as a number is read as a date. */
    static Map<String, String> values(SourceRow row, List<String> columns) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            if (column == null) {
                continue;
            }
            String cell = row.cell(i);
            if (column.equals("startDate") && row.numericCells().contains(i) && cell.matches("\\d{1,6}")) {
                cell = EXCEL_EPOCH.plusDays(Long.parseLong(cell)).toString();
            }
            values.put(column, cell);
        }
        return values;
    }

    static PostingForm form(Map<String, String> v, List<FieldViolation> errors) {
        Double lat = number(v, "lat", errors);
        Double lon = number(v, "lon", errors);
        SiteForm site = new SiteForm(text(v, "siteName"), text(v, "city"), lat, lon);
        return new PostingForm(text(v, "employerId"), text(v, "title"), skill(v, "category", errors),
                skills(v, "requiredSkills", errors), integer(v, "openings", errors), site,
                integer(v, "monthlyWage", errors), date(v, "startDate", errors), bool(v, "accommodation", errors),
                integer(v, "minAge", errors), integer(v, "maxAge", errors), groups(v, "suitableFor", errors));
    }

    private static String text(Map<String, String> v, String field) {
        String s = v.get(field);
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Double number(Map<String, String> v, String field, List<FieldViolation> errors) {
        String s = text(v, field);
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            errors.add(new FieldViolation(field, "must be a number"));
            return null;
        }
    }

    private static Integer integer(Map<String, String> v, String field, List<FieldViolation> errors) {
        Double d = number(v, field, errors);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            errors.add(new FieldViolation(field, "must be a whole number"));
            return null;
        }
        return d.intValue();
    }

    private static LocalDate date(Map<String, String> v, String field, List<FieldViolation> errors) {
        String s = text(v, field);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.replace('/', '-'));
        } catch (DateTimeParseException e) {
            errors.add(new FieldViolation(field, "must be a date like 2026-02-15"));
            return null;
        }
    }

    private static Boolean bool(Map<String, String> v, String field, List<FieldViolation> errors) {
        String s = text(v, field);
        if (s == null) {
            return null;
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "是", "提供", "包住" -> {
                return true;
            }
            case "false", "no", "n", "0", "否", "不提供", "不包住" -> {
                return false;
            }
            default -> {
                errors.add(new FieldViolation(field, "must be yes or no (是/否)"));
                return null;
            }
        }
    }

    private static Skill skill(Map<String, String> v, String field, List<FieldViolation> errors) {
        String s = text(v, field);
        if (s == null) {
            return null;
        }
        return Skill.lookup(s).orElseGet(() -> {
            errors.add(new FieldViolation(field, "'" + s + "' is not a skill; use a code such as GARMENT or a label such as 服装加工"));
            return null;
        });
    }

    private static List<Skill> skills(Map<String, String> v, String field, List<FieldViolation> errors) {
        String s = text(v, field);
        List<Skill> result = new ArrayList<>();
        if (s != null) {
            for (String part : s.split("[;；,，、|]")) {
                if (!part.isBlank()) {
                    Skill.lookup(part).ifPresentOrElse(result::add, () -> errors.add(new FieldViolation(field,
                            "'" + part.trim() + "' is not a skill")));
                }
            }
        }
        return result;
    }

    private static List<SpecialGroup> groups(Map<String, String> v, String field, List<FieldViolation> errors) {
        String s = text(v, field);
        List<SpecialGroup> result = new ArrayList<>();
        if (s != null) {
            for (String part : s.split("[;；,，、|]")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                SpecialGroup g = switch (p) {
                    case "老人", "贫困老人", "老年人" -> SpecialGroup.ELDERLY;
                    case "重病", "重病病人", "重病患者" -> SpecialGroup.SERIOUSLY_ILL;
                    case "残疾", "残疾人", "贫困残疾人" -> SpecialGroup.DISABLED;
                    default -> {
                        try {
                            yield SpecialGroup.valueOf(p.toUpperCase(Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            yield null;
                        }
                    }
                };
                if (g == null) {
                    errors.add(new FieldViolation(field, "'" + p + "' is not a special group; use ELDERLY, "
                            + "SERIOUSLY_ILL or DISABLED (老人、重病、残疾)"));
                } else {
                    result.add(g);
                }
            }
        }
        return result;
    }

    /** The first Chinese header of each field, to name a missing column as a clerk's sheet does. */
    private static final Map<String, String> CHINESE = chinese();

    /** Each field with its Chinese headers, the first one the template's, in the template's order. */
    static Map<String, String[]> names() {
        Map<String, String[]> names = new LinkedHashMap<>();
        String[][] rows = {
                {"employerId", "用人单位编号", "单位编号"}, {"title", "岗位名称", "岗位"}, {"category", "工种", "岗位类别"},
                {"requiredSkills", "技能要求", "所需技能"}, {"openings", "招聘人数", "岗位数"},
                {"siteName", "工作地点", "地址"}, {"city", "所在城市", "城市"}, {"lat", "纬度"}, {"lon", "经度"},
                {"monthlyWage", "月薪", "月工资"}, {"startDate", "开工日期", "到岗日期"},
                {"accommodation", "包住宿", "住宿"}, {"minAge", "最低年龄"}, {"maxAge", "最高年龄"},
                {"suitableFor", "适合群体", "适合人群"}};
        for (String[] row : rows) {
            names.put(row[0], row);
        }
        return names;
    }

    private static Map<String, String> headers() {
        Map<String, String> h = new HashMap<>();
        for (String[] row : names().values()) {
            for (String name : row) {
                h.put(name.toLowerCase(Locale.ROOT), row[0]);
            }
        }
        return Map.copyOf(h);
    }

    private static Map<String, String> chinese() {
        Map<String, String> c = new HashMap<>();
        names().forEach((field, row) -> c.put(field, row[1]));
        return Map.copyOf(c);
    }
}
