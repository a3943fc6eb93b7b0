package org.chunfeng.gateway.error;

/** A request body passed the size allowed for its path. */
public class RequestTooLargeException extends RuntimeException {

    private final long limitBytes;

    public RequestTooLargeException(long limitBytes) {
        super("The request body is larger than " + limitBytes + " bytes", null, false, false);
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
