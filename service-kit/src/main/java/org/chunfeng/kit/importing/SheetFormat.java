package org.chunfeng.kit.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

public enum SheetFormat {
    CSV,
    XLSX;

    /**
     * By content, not by name: an XLSX is a zip archive and starts with "PK"; a CSV is text. An old .xls workbook
     * and anything with control bytes in its first block (a PDF, a picture, a Word file) are refused.
     */
    public static SheetFormat detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8192);
            if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                return XLSX;
            }
            if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF) {
                throw new IllegalArgumentException("This is an old .xls workbook: save it as .xlsx or CSV (UTF-8)");
            }
            for (byte b : head) {
                // Text has no control bytes but tab, line feed, carriage return (and form feed in odd exports).
                if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                    throw new IllegalArgumentException("This is neither a CSV nor an XLSX sheet: save it as .xlsx or "
                            + "CSV (UTF-8)");
                }
            }
            return CSV;
        }
    }
}
