package org.chunfeng.kit.error;

/** One invalid field of a request: its path as the client sent it (for example {@code home.village}) and why. */
public record FieldViolation(String field, String message) {
}
