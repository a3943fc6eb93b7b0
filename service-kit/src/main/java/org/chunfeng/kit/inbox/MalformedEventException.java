package org.chunfeng.kit.inbox;

/**
 * A record that can never be processed, however often it is retried: missing CloudEvents headers, a type the
 * catalogue does not know, or a payload that does not parse. It goes straight to the dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
