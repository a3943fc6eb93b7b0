package org.chunfeng.kit.importing;

import java.util.List;
import org.chunfeng.kit.importing.ImportJobs.RowReport;

/**
 * What a service does with its own sheets: understand the header row, then turn rows into records a batch at a
 * time. The kit reads the file, runs the job in the background and keeps its progress and report.
 */
public interface SheetImporter {

    /**
     * Starts one import from its header row, while the upload is still being answered: a header that cannot be
     * used throws {@link org.chunfeng.kit.error.InvalidInputException} (400) and no job is made.
     */
    Session begin(List<String> header, String createdBy);

    /** One import's state, used by one background thread. */
    interface Session {

        /** Takes one non-blank data row; a bad row may be reported at once, a good one waits for the flush. */
        void add(SourceRow row);

        /**
         * Writes the rows taken since the last flush and returns the report of each of them, in any order. A row
         * written before (by this file or an earlier import) is a DUPLICATE naming the record already there.
         */
        List<RowReport> flush();

        /** After the last flush, whatever the job's end: what the written rows set in motion. */
        default void finish() {
        }
    }
}
