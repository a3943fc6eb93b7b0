package org.chunfeng.devstack.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * An ID number check written for the tests alone, from GB 11643-1999, so the generator is not checked against itself.
 */
final class IdNumberCheck {

    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private IdNumberCheck() {
    }

    static boolean checkDigitIsRight(String number) {
        if (!number.matches("\\d{17}[\\dX]")) {
            return false;
        }
        int[] weights = new int[17];
        for (int i = 0; i < 17; i++) {
            weights[i] = (1 << (17 - i)) % 11; // 2^(i-1) mod 11 counted from the right, as the standard defines them
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * weights[i];
        }
        int check = (12 - sum % 11) % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        return number.charAt(17) == expected;
    }

    /** The birth date the number carries, or null if its digits are not a real date. */
    static LocalDate birthDate(String number) {
        try {
            return LocalDate.parse(number.substring(6, 14), STRICT_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static boolean isMale(String number) {
        return (number.charAt(16) - '0') % 2 == 1;
    }
}
