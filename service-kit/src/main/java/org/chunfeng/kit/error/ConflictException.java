package org.chunfeng.kit.error;

import java.util.Map;

/**
 * The request is well formed but clashes with the current state: a duplicate registration, an illegal status
 * change, an offer no longer open. {@code code} is a stable machine-readable reason; {@code details} go into the
 * problem answer as extra members (for example {@code existingWorkerId}).
 */
public class ConflictException extends RuntimeException {

    private final String code;
    private final Map<String, Object> details;

    public ConflictException(String code, String message) {
        this(code, message, Map.of());
    }

    public ConflictException(String code, String message, Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
