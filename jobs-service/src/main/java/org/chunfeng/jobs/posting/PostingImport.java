package org.chunfeng.jobs.posting;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.contracts.jobs.JobPosted;
import org.chunfeng.jobs.match.Matchmaker;
import org.chunfeng.kit.error.FieldViolation;
import org.chunfeng.kit.error.InvalidInputException;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.stereotype.Service;

/**
 * Imports postings from a spreadsheet, row by row as it streams in (Commons CSV; FastExcel's streaming reader for
 * XLSX, which never builds the workbook in memory). A good row becomes a posting at once; a bad row is left out and
 * the report names its row number and every bad field. Headers may be the English field names or the Chinese ones
 * clerks use (see the jobs-service README).
 */
@Service
public class PostingImport {

    public enum Outcome { CREATED, DUPLICATE, REJECTED }

    /**
     * What happened to one data row; {@code row} counts the header as row 1, as a spreadsheet shows it. A duplicate
     * row was posted before, by this sheet or an earlier import, and {@code jobId} names that posting.
     */
    public record RowResult(int row, Outcome outcome, String jobId, List<FieldViolation> errors) {
    }

    public record Report(String fileName, String format, int rows, int created, int duplicates, int rejected,
            List<RowResult> results) {
    }

    static final Map<String, String> HEADERS = headers();
    private static final int MAX_ROWS = 100_000;

    private final Postings postings;
    private final JobStore store;
    private final Matchmaker matchmaker;
    private final Validator validator;

    PostingImport(Postings postings, JobStore store, Matchmaker matchmaker, Validator validator) {
        this.postings = postings;
        this.store = store;
        this.matchmaker = matchmaker;
        this.validator = validator;
    }

    public Report importFile(String fileName, InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(8);
        byte[] head = in.readNBytes(8);
        in.reset();
        boolean xlsx = head.length >= 4 && ReadableWorkbook.isOOXMLZipHeader(head);
        List<RowResult> results = new ArrayList<>();
        List<String> created = new ArrayList<>();
        RowSink sink = new RowSink(results, created);
        if (xlsx) {
            readXlsx(in, sink);
        } else {
            readCsv(in, sink);
        }
        if (!created.isEmpty()) {
            matchmaker.postingsOpened(created);
        }
        int duplicates = (int) results.stream().filter(r -> r.outcome() == Outcome.DUPLICATE).count();
        int rejected = (int) results.stream().filter(r -> r.outcome() == Outcome.REJECTED).count();
        return new Report(fileName, xlsx ? "xlsx" : "csv", results.size(), created.size(), duplicates, rejected,
                List.copyOf(results));
    }

    private final class RowSink {
        final List<RowResult> results;
        final List<String> created;

        RowSink(List<RowResult> results, List<String> created) {
            this.results = results;
            this.created = created;
        }

        void accept(int row, Map<String, String> values) {
            if (results.size() >= MAX_ROWS) {
                throw new InvalidInputException("file", "has more than " + MAX_ROWS + " rows; split it");
            }
            if (values.values().stream().allMatch(v -> v == null || v.isBlank())) {
                return;
            }
            List<FieldViolation> errors = new ArrayList<>();
            PostingForm form = form(values, errors);
            if (errors.isEmpty()) {
                for (ConstraintViolation<PostingForm> v : validator.validate(form)) {
                    errors.add(new FieldViolation(v.getPropertyPath().toString(), v.getMessage()));
                }
            }
            if (errors.isEmpty()) {
                try {
                    Posting posting = postings.prepare(form, idOf(form));
                    if (store.insert(posting, List.of(new JobPosted(posting.id(), posting.postedAt(),
                            posting.toContract())))) {
                        created.add(posting.id());
                        results.add(new RowResult(row, Outcome.CREATED, posting.id(), List.of()));
                    } else {
                        results.add(new RowResult(row, Outcome.DUPLICATE, posting.id(), List.of()));
                    }
                    return;
                } catch (InvalidInputException e) {
                    errors.addAll(e.violations());
                }
            }
            errors.sort(Comparator.comparing(FieldViolation::field));
            results.add(new RowResult(row, Outcome.REJECTED, null, List.copyOf(errors)));
        }
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

    private void readCsv(InputStream in, RowSink sink) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        reader = skipByteOrderMark(reader);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get()
                .parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new InvalidInputException("file", "has no header row");
            }
            List<String> columns = columns(records.next().toList());
            while (records.hasNext()) {
                CSVRecord record = records.next();
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < columns.size() && i < record.size(); i++) {
                    if (columns.get(i) != null) {
                        values.put(columns.get(i), record.get(i));
                    }
                }
                sink.accept((int) record.getRecordNumber(), values);
            }
        }
    }

    private void readXlsx(InputStream in, RowSink sink) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(in);
                var rows = workbook.getFirstSheet().openStream()) {
            Iterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                throw new InvalidInputException("file", "has no header row");
            }
            Row header = it.next();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < header.getCellCount(); i++) {
                texts.add(header.getCellText(i));
            }
            List<String> columns = columns(texts);
            while (it.hasNext()) {
                Row row = it.next();
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < columns.size() && i < row.getCellCount(); i++) {
                    String column = columns.get(i);
                    Cell cell = row.getCell(i);
                    if (column == null || cell == null) {
                        continue;
                    }
                    if (column.equals("startDate") && cell.getType() == CellType.NUMBER) {
                        values.put(column, cell.asDate().toLocalDate().toString());
                    } else {
                        values.put(column, cell.getType() == CellType.NUMBER ? cell.getRawValue() : cell.getText());
                    }
                }
                sink.accept(row.getRowNum(), values);
            }
        }
    }

    private static List<String> columns(List<String> headerTexts) {
        List<String> columns = new ArrayList<>();
        boolean any = false;
        for (String text : headerTexts) {
            String column = text == null ? null : HEADERS.get(text.trim().toLowerCase(Locale.ROOT));
            columns.add(column);
            any |= column != null;
        }
        if (!any) {
            throw new InvalidInputException("file", "the first row must name the columns, such as employerId, title, "
                    + "category, openings, siteName, city, lat, lon, monthlyWage, startDate");
        }
        return columns;
    }

    private static PostingForm form(Map<String, String> v, List<FieldViolation> errors) {
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

    private static Reader skipByteOrderMark(Reader reader) throws IOException {
        java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private static Map<String, String> headers() {
        Map<String, String> h = new HashMap<>();
        String[][] names = {
                {"employerId", "用人单位编号", "单位编号"}, {"title", "岗位名称", "岗位"}, {"category", "工种", "岗位类别"},
                {"requiredSkills", "技能要求", "所需技能"}, {"openings", "招聘人数", "岗位数"},
                {"siteName", "工作地点", "地址"}, {"city", "所在城市", "城市"}, {"lat", "纬度"}, {"lon", "经度"},
                {"monthlyWage", "月薪", "月工资"}, {"startDate", "开工日期", "到岗日期"},
                {"accommodation", "包住宿", "住宿"}, {"minAge", "最低年龄"}, {"maxAge", "最高年龄"},
                {"suitableFor", "适合群体", "适合人群"}};
        for (String[] row : names) {
            for (String name : row) {
                h.put(name.toLowerCase(Locale.ROOT), row[0]);
            }
        }
        return Map.copyOf(h);
    }
}
