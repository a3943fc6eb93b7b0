package org.chunfeng.transport.vehicle;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.chunfeng.kit.error.FieldViolation;
import org.chunfeng.kit.error.InvalidInputException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.springframework.stereotype.Service;

/**
 * Imports a fleet list from CSV or XLSX (first sheet), one vehicle per row, with a header row naming the columns.
 * Each row stands alone: a bad row is reported and skipped, good rows are created or updated by plate.
 */
@Service
public class VehicleImport {

    static final List<String> COLUMNS = List.of("plate", "seats", "operator", "driverName", "driverPhone",
            "depotLat", "depotLon", "availableFrom", "availableTo");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    /** One row's outcome; rows are numbered as a spreadsheet shows them (the header is row 1). */
    public record RowResult(int row, String plate, String outcome, List<FieldViolation> errors) {
    }

    public record Report(int rows, int created, int updated, int unchanged, int rejected, List<RowResult> results) {
    }

    private final Vehicles vehicles;

    VehicleImport(Vehicles vehicles) {
        this.vehicles = vehicles;
    }

    public Report importFile(String fileName, InputStream content) throws IOException {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        List<Map<String, String>> rows;
        if (name.endsWith(".xlsx")) {
            rows = readXlsx(content);
        } else if (name.endsWith(".csv")) {
            rows = readCsv(content);
        } else {
            throw new InvalidInputException("file", "must be a .csv or .xlsx file");
        }
        List<RowResult> results = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int rejected = 0;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            if (row.values().stream().allMatch(v -> v == null || v.isBlank())) {
                continue;
            }
            int rowNumber = i + 2;
            List<FieldViolation> errors = new ArrayList<>();
            VehicleForm form = form(row, errors);
            errors.addAll(form.violations().stream().filter(v -> errors.stream()
                    .noneMatch(e -> e.field().equals(v.field()))).toList());
            if (!errors.isEmpty()) {
                rejected++;
                results.add(new RowResult(rowNumber, row.get("plate"), "REJECTED", errors));
                continue;
            }
            Vehicles.Outcome outcome = vehicles.upsert(form);
            switch (outcome) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
            results.add(new RowResult(rowNumber, form.normalisedPlate(), outcome.name(), List.of()));
        }
        return new Report(results.size(), created, updated, unchanged, rejected, results);
    }

    private static VehicleForm form(Map<String, String> row, List<FieldViolation> errors) {
        return new VehicleForm(row.get("plate"), integer(row, "seats", errors), row.get("operator"),
                row.get("driverName"), row.get("driverPhone"), decimal(row, "depotLat", errors),
                decimal(row, "depotLon", errors), date(row, "availableFrom", errors), date(row, "availableTo", errors));
    }

    private static Integer integer(Map<String, String> row, String column, List<FieldViolation> errors) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.strip());
            if (d != Math.rint(d)) {
                throw new NumberFormatException();
            }
            return (int) d;
        } catch (NumberFormatException e) {
            errors.add(new FieldViolation(column, "'" + value + "' is not a whole number"));
            return null;
        }
    }

    private static Double decimal(Map<String, String> row, String column, List<FieldViolation> errors) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldViolation(column, "'" + value + "' is not a number"));
            return null;
        }
    }

    /** ISO dates as typed in CSV, or the day numbers Excel stores for date cells. */
    private static LocalDate date(Map<String, String> row, String column, List<FieldViolation> errors) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return LocalDate.parse(v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v);
        } catch (DateTimeParseException e) {
            try {
                double serial = Double.parseDouble(v);
                if (serial > 0 && serial < 100_000) {
                    return EXCEL_EPOCH.plusDays((long) serial);
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            errors.add(new FieldViolation(column, "'" + value + "' must be a date like 2026-02-15"));
            return null;
        }
    }

    private static List<Map<String, String>> readCsv(InputStream content) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(skipBom(content), StandardCharsets.UTF_8),
                format)) {
            Map<String, String> columns = columns(parser.getHeaderNames());
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> row = new HashMap<>();
                columns.forEach((header, column) -> row.put(column, record.isMapped(header) && record.isSet(header)
                        ? record.get(header) : null));
                rows.add(row);
            }
            return rows;
        }
    }

    private static List<Map<String, String>> readXlsx(InputStream content) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(content)) {
            Sheet sheet = workbook.getFirstSheet();
            List<Map<String, String>> rows = new ArrayList<>();
            Map<Integer, String> columnAt = new HashMap<>();
            try (Stream<Row> stream = sheet.openStream()) {
                for (Row row : (Iterable<Row>) stream::iterator) {
                    if (columnAt.isEmpty()) {
                        for (int c = 0; c < row.getCellCount(); c++) {
                            Optional<String> header = row.getCellAsString(c);
                            int column = c;
                            header.map(VehicleImport::column).ifPresent(name -> columnAt.put(column, name));
                        }
                        if (columnAt.isEmpty()) {
                            throw new InvalidInputException("file", "the first row must name the columns "
                                    + COLUMNS);
                        }
                        continue;
                    }
                    Map<String, String> values = new HashMap<>();
                    columnAt.forEach((c, name) -> values.put(name, c < row.getCellCount()
                            ? row.getCellText(c) : null));
                    rows.add(values);
                }
            }
            return rows;
        }
    }

    private static Map<String, String> columns(List<String> headers) {
        Map<String, String> columns = new HashMap<>();
        for (String header : headers) {
            String column = column(header);
            if (column != null) {
                columns.put(header, column);
            }
        }
        if (!columns.values().containsAll(List.of("plate", "seats"))) {
            throw new InvalidInputException("file", "the first row must name the columns " + COLUMNS);
        }
        return columns;
    }

    private static String column(String header) {
        String h = header == null ? "" : header.strip();
        return COLUMNS.stream().filter(c -> c.equalsIgnoreCase(h)).findFirst().orElse(null);
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        java.io.PushbackInputStream pushback = new java.io.PushbackInputStream(in, 3);
        byte[] bom = new byte[3];
        int read = pushback.read(bom, 0, 3);
        if (!(read == 3 && bom[0] == (byte) 0xEF && bom[1] == (byte) 0xBB && bom[2] == (byte) 0xBF) && read > 0) {
            pushback.unread(bom, 0, read);
        }
        return pushback;
    }
}
