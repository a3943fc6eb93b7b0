package org.chunfeng.employment.worker;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * A resident identity card number (GB 11643-1999): 6 digits of region, 8 of birth date, 3 of sequence (odd for
 * men), and a check digit. The number itself is kept only long enough to hash and mask it; {@link #toString()}
 * never shows it, so it cannot slip into a log line by accident.
 */
public final class NationalId {

    public static final int MIN_AGE = 16;
    public static final int MAX_AGE = 75;

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_DIGITS = "10X98765432";
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s");

    private final String number;
    private final LocalDate birthDate;

    private NationalId(String number, LocalDate birthDate) {
        this.number = number;
        this.birthDate = birthDate;
    }

    /** Why the text is not a valid ID number for a worker registering today, or empty when it is. */
    public static Optional<String> problem(String text, LocalDate today) {
        try {
            parse(text, today);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Checks format, check digit, birth date and the campaign's age limits (16 to 75 on {@code today}).
     * The messages never repeat the number.
     */
    public static NationalId parse(String text, LocalDate today) {
        String number = normalise(text);
        if (number.isEmpty()) {
            throw new IllegalArgumentException("is required");
        }
        if (number.length() != 18) {
            throw new IllegalArgumentException("must be 18 characters (it has " + number.length() + ")");
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(number.charAt(i)) || number.charAt(i) > '9') {
                throw new IllegalArgumentException("must be 17 digits followed by a digit or X");
            }
        }
        char last = number.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            throw new IllegalArgumentException("must be 17 digits followed by a digit or X");
        }
        if (checkDigit(number) != last) {
            throw new IllegalArgumentException("has a wrong check digit (GB 11643): mistyped?");
        }
        LocalDate birth;
        try {
            birth = LocalDate.parse(number.substring(6, 14), BIRTH_DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("contains a birth date that does not exist");
        }
        if (birth.isAfter(today)) {
            throw new IllegalArgumentException("contains a birth date in the future");
        }
        int age = Period.between(birth, today).getYears();
        if (age < MIN_AGE || age > MAX_AGE) {
            throw new IllegalArgumentException("belongs to someone aged " + age + ": workers must be "
                    + MIN_AGE + " to " + MAX_AGE);
        }
        return new NationalId(number, birth);
    }

    /** The check digit GB 11643 gives the first 17 digits. */
    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_DIGITS.charAt(sum % 11);
    }

    /** Trims, drops inner spaces and upper-cases a trailing x, as clerks type it either way. */
    public static String normalise(String text) {
        return text == null ? "" : SPACES.matcher(text).replaceAll("").toUpperCase();
    }

    /** The number for hashing only. */
    public String number() {
        return number;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** M or F, from the parity of the sequence number. */
    public String sex() {
        return (number.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** The first six and last two characters, as printed on forms: {@code 341623**********1X}. */
    public String masked() {
        return number.substring(0, 6) + "*".repeat(10) + number.substring(16);
    }

    @Override
    public String toString() {
        return masked();
    }
}
