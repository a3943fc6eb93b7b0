package org.chunfeng.kit.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.chunfeng.kit.error.InvalidInputException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The blank sheet a clerk downloads before an import: the Chinese headers in the importer's order, any example rows
 * under them, and in the XLSX a notes sheet giving each column's English alias, whether it is required and what it
 * takes. Each service keeps its own columns; this only writes them.
 *
 * @param sheetName the XLSX's first sheet, in the clerks' words (登记表, 岗位表)
 * @param fileName  the download's name without its extension
 */
public record SheetTemplate(String sheetName, String fileName, List<Column> columns, List<List<String>> examples) {

    public static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** Rows formatted as text below a text column's header, so a clerk's entries there stay as typed. */
    private static final int TEXT_ROWS = 5000;

    /**
     * One column. {@code text}: the cells are formatted as text, so Excel does not turn an 18-digit id number into
     * 3.41623E+17 or drop a phone number's meaning.
     */
    public record Column(String header, String english, boolean required, String note, int width, boolean text) {
    }

    public SheetTemplate {
        columns = List.copyOf(columns);
        examples = List.copyOf(examples);
        for (List<String> row : examples) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("an example row needs one cell per column");
            }
        }
    }

    /** The file for {@code ?format=xlsx|csv} as an attachment; any other format is the caller's mistake. */
    public ResponseEntity<byte[]> download(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "xlsx" -> attachment(xlsx(), XLSX, fileName + ".xlsx");
            case "csv" -> attachment(csv(), CSV, fileName + ".csv");
            default -> throw new InvalidInputException("format", "must be xlsx or csv");
        };
    }

    public byte[] csv() {
        StringBuilder out = new StringBuilder("\uFEFF"); // With a BOM, Excel opens UTF-8 with the right characters.
        out.append(columns.stream().map(c -> quoted(c.header())).collect(Collectors.joining(","))).append("\r\n");
        for (List<String> row : examples) {
            out.append(row.stream().map(SheetTemplate::quoted).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Chunfeng", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                sheet.value(0, c, column.header());
                sheet.style(0, c).bold().fillColor("DDEBF7").set();
                sheet.width(c, column.width());
                if (column.text()) {
                    sheet.range(1, c, TEXT_ROWS, c).style().format("@").set();
                }
                for (int r = 0; r < examples.size(); r++) {
                    sheet.value(r + 1, c, examples.get(r).get(c));
                }
            }
            Worksheet notes = workbook.newWorksheet("说明");
            String[] heads = {"列 Column", "English alias", "必填 Required", "填写说明 What it takes"};
            for (int c = 0; c < heads.length; c++) {
                notes.value(0, c, heads[c]);
                notes.style(0, c).bold().set();
            }
            notes.width(0, 14);
            notes.width(1, 20);
            notes.width(3, 90);
            for (int r = 0; r < columns.size(); r++) {
                Column column = columns.get(r);
                notes.value(r + 1, 0, column.header());
                notes.value(r + 1, 1, column.english());
                notes.value(r + 1, 2, column.required() ? "是 yes" : "否 no");
                notes.value(r + 1, 3, column.note());
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    private static ResponseEntity<byte[]> attachment(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString()).body(body);
    }
}
