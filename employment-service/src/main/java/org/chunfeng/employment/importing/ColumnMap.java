package org.chunfeng.employment.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chunfeng.kit.importing.SourceRow;

/** Which column of this file holds what, found from its header row; the file's own header text names errors. */
public final class ColumnMap {

    private final Map<ImportColumn, Integer> index = new EnumMap<>(ImportColumn.class);
    private final Map<ImportColumn, String> headers = new EnumMap<>(ImportColumn.class);

    private ColumnMap() {
    }

    /** The map, or the reasons the header row cannot be used (missing or repeated columns). */
    public static ColumnMap of(List<String> headerRow, List<String> problems) {
        ColumnMap map = new ColumnMap();
        for (int i = 0; i < headerRow.size(); i++) {
            String text = headerRow.get(i);
            for (ImportColumn column : ImportColumn.values()) {
                if (column.matches(text)) {
                    if (map.index.containsKey(column)) {
                        problems.add("column " + column.header() + " appears twice");
                    } else {
                        map.index.put(column, i);
                        map.headers.put(column, text.replace("\uFEFF", "").trim());
                    }
                    break;
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (ImportColumn column : ImportColumn.values()) {
            if (column.required() && !map.index.containsKey(column)) {
                missing.add(column.header() + " (" + column.english() + ")");
            }
        }
        if (!missing.isEmpty()) {
            problems.add("missing required columns: " + String.join(", ", missing)
                    + "; download the template from GET /api/workers/import/template");
        }
        return map;
    }

    public String value(SourceRow row, ImportColumn column) {
        Integer i = index.get(column);
        return i == null ? "" : row.cell(i);
    }

    public boolean isNumeric(SourceRow row, ImportColumn column) {
        Integer i = index.get(column);
        return i != null && row.numericCells().contains(i);
    }

    public Optional<Integer> indexOf(ImportColumn column) {
        return Optional.ofNullable(index.get(column));
    }

    /** The header as written in this file, for the row report. */
    public String header(ImportColumn column) {
        return headers.getOrDefault(column, column.header());
    }
}
