package org.chunfeng.employment.worker;

import java.util.List;
import java.util.function.Function;
import org.chunfeng.kit.error.FieldViolation;
import org.chunfeng.kit.error.InvalidInputException;

/** One page of a list: the items, which page, and how many there are in all. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    public <R> PageOf<R> map(Function<T, R> f) {
        return new PageOf<>(items.stream().map(f).toList(), page, size, total);
    }

    /** Refuses a page below 0 or a size outside 1 to {@value #MAX_SIZE}, naming both when both are wrong. */
    public static void check(int page, int size) {
        List<FieldViolation> violations = new java.util.ArrayList<>();
        if (page < 0) {
            violations.add(new FieldViolation("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            violations.add(new FieldViolation("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
