package org.chunfeng.kit.importing;

import java.util.List;
import java.util.Set;

/**
 * One row of an uploaded sheet: its number as the clerk sees it (the header is row 1), its cells as text, and
 * which cells were numbers in the spreadsheet (an ID number typed as a number has lost its last digits).
 */
public record SourceRow(int number, List<String> cells, Set<Integer> numericCells) {

    public String cell(int index) {
        return index < 0 || index >= cells.size() || cells.get(index) == null ? "" : cells.get(index).trim();
    }

    public boolean isBlank() {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
