package org.chunfeng.kit.error;

/**
 * The service cannot take this work now but will later (a full queue): 503 with Retry-After, so a client waits
 * instead of giving up. {@code code} is the problem type's slug.
 */
public class BusyException extends RuntimeException {

    private final String code;
    private final String title;
    private final int retryAfterSeconds;

    public BusyException(String code, String title, String message, int retryAfterSeconds) {
        super(message);
        this.code = code;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
