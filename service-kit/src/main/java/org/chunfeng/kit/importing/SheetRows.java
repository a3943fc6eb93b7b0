package org.chunfeng.kit.importing;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads an uploaded sheet one row at a time: CSV through a real CSV parser (quoted commas and line breaks), XLSX
 * through FastExcel's streaming reader, so a 50,000-row file is never held in memory whole. The first row is the
 * header; blank rows are skipped.
 */
public abstract class SheetRows implements Iterator<SourceRow>, Closeable {

    public static SheetRows open(Path file, SheetFormat format) throws IOException {
        return format == SheetFormat.XLSX ? new Xlsx(file) : new Csv(file);
    }

    /** Counts the data rows, for the progress figure: a quick pass that parses but checks nothing. */
    public static int countRows(Path file, SheetFormat format) throws IOException {
        int rows = 0;
        try (SheetRows sheet = open(file, format)) {
            sheet.header();
            while (sheet.hasNext()) {
                sheet.next();
                rows++;
            }
        }
        return rows;
    }

    private List<String> header;
    private SourceRow next;

    /** The header row's cells: the first row that is not blank. Empty for a file of blank rows or none. */
    public List<String> header() {
        if (header == null) {
            SourceRow first = read();
            while (first != null && first.isBlank()) {
                first = read();
            }
            header = first == null ? List.of() : first.cells();
        }
        return header;
    }

    @Override
    public boolean hasNext() {
        header();
        while (next == null) {
            SourceRow row = read();
            if (row == null) {
                return false;
            }
            if (!row.isBlank()) {
                next = row;
            }
        }
        return true;
    }

    @Override
    public SourceRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceRow row = next;
        next = null;
        return row;
    }

    /** The next physical row, blank or not; null at the end. */
    protected abstract SourceRow read();

    static final class Csv extends SheetRows {

        private final CSVParser parser;
        private final Iterator<CSVRecord> records;

        Csv(Path file) throws IOException {
            Reader reader = reader(file, charsetOf(file));
            // Blank lines are records too (skipped as blank rows), so row numbers stay those a spreadsheet shows.
            this.parser = CSVParser.parse(reader, CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(false)
                    .get());
            this.records = parser.iterator();
        }

        @Override
        protected SourceRow read() {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            List<String> cells = new ArrayList<>(record.size());
            record.forEach(cells::add);
            return new SourceRow((int) record.getRecordNumber(), cells, Set.of());
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }

        /**
         * UTF-8 (with or without BOM) is the agreed encoding; a sheet saved by an older Excel in GB18030/GBK is
         * recognised because it is not valid UTF-8, and read as such rather than turned into question marks.
         */
        static Charset charsetOf(Path file) throws IOException {
            CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try (Reader r = new InputStreamReader(Files.newInputStream(file), strict)) {
                char[] buffer = new char[8192];
                while (r.read(buffer) >= 0) {
                    // reading is the check
                }
                return StandardCharsets.UTF_8;
            } catch (CharacterCodingException e) {
                return Charset.forName("GB18030");
            }
        }

        private static Reader reader(Path file, Charset charset) throws IOException {
            InputStream in = Files.newInputStream(file);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 65536);
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return reader;
        }
    }

    static final class Xlsx extends SheetRows {

        private final ReadableWorkbook workbook;
        private final Stream<Row> stream;
        private final Iterator<Row> rows;

        Xlsx(Path file) throws IOException {
            // Cell formats are read too: only they tell a date from a number.
            ReadableWorkbook opened = null;
            try {
                opened = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
                this.stream = opened.getFirstSheet().openStream();
            } catch (IOException | RuntimeException e) {
                // A zip that is no workbook (a .docx, an archive) or a damaged one: the clerk's file, not our fault.
                if (opened != null) {
                    opened.close();
                }
                throw new IllegalArgumentException("The workbook cannot be read: save it again as .xlsx or CSV "
                        + "(UTF-8)", e);
            }
            this.workbook = opened;
            this.rows = stream.iterator();
        }

        @Override
        protected SourceRow read() {
            try {
                if (!rows.hasNext()) {
                    return null;
                }
            } catch (UncheckedIOException e) {
                throw new IllegalArgumentException("The workbook cannot be read: " + e.getMessage(), e);
            }
            Row row = rows.next();
            List<String> cells = new ArrayList<>();
            Set<Integer> numeric = new HashSet<>();
            for (int i = 0; i < row.getCellCount(); i++) {
                Cell cell = row.getCell(i);
                cells.add(text(cell));
                if (cell != null && cell.getType() == CellType.NUMBER) {
                    numeric.add(i);
                }
            }
            return new SourceRow(row.getRowNum(), cells, numeric);
        }

        private static String text(Cell cell) {
            if (cell == null || cell.getType() == CellType.EMPTY) {
                return "";
            }
            if (cell.getType() == CellType.NUMBER) {
                if (isDate(cell)) {
                    return cell.asDate().toLocalDate().toString();
                }
                return cell.asNumber().stripTrailingZeros().toPlainString();
            }
            String raw = cell.getText();
            return raw == null ? "" : raw;
        }

        /** Excel keeps dates as day numbers; only the cell's number format says it is a date. */
        private static boolean isDate(Cell cell) {
            Integer id = cell.getDataFormatId();
            if (id != null && (id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47
                    || id >= 50 && id <= 58)) {
                return true;
            }
            String format = cell.getDataFormatString();
            if (format == null) {
                return false;
            }
            String f = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase();
            return f.contains("y") || f.contains("d") || f.contains("年") || f.contains("日");
        }

        @Override
        public void close() throws IOException {
            stream.close();
            workbook.close();
        }
    }
}
