package org.chunfeng.employment.worker;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the worker's audit trail: appended, never edited. {@code cause} says why in English; {@code code}
 * and {@code args} say the same for a page to put in its reader's language (lines written before codes existed
 * have none).
 */
public record StatusChange(WorkerStatus from, WorkerStatus to, Instant at, String cause, String code,
        Map<String, String> args) {

    public StatusChange(WorkerStatus from, WorkerStatus to, Instant at, String cause) {
        this(from, to, at, cause, null, null);
    }

    /** Why a status changed: a code with its values, and the English sentence. */
    record Cause(String code, Map<String, String> args, String text) {

        static Cause of(String code, String text, String... keysAndValues) {
            Map<String, String> args = new java.util.LinkedHashMap<>();
            for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
                args.put(keysAndValues[i], keysAndValues[i + 1] == null ? "" : keysAndValues[i + 1]);
            }
            return new Cause(code, Map.copyOf(args), text);
        }
    }
}
