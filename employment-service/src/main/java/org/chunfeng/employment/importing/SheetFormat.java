package org.chunfeng.employment.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

public enum SheetFormat {
    CSV,
    XLSX;

    /** By content, not by name: an XLSX is a zip archive and starts with "PK". */
    public static SheetFormat detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                return XLSX;
            }
            if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF) {
                throw new IllegalArgumentException("This is an old .xls workbook: save it as .xlsx or CSV (UTF-8)");
            }
            return CSV;
        }
    }
}
