package org.chunfeng.devstack.demo;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Citizen identity numbers after GB 11643-1999: six digits of area, eight of birth date, a three-digit sequence
 * whose last digit is odd for men and even for women, and a check digit (ISO 7064 MOD 11-2, 10 written X).
 * Issues each number once, so a campaign never holds two workers with the same one.
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_DIGITS = "10X98765432";

    private final Set<String> issued = new HashSet<>();

    /** The check digit for the first 17 digits. */
    public static char checkDigit(CharSequence first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("An ID number's body has 17 digits, not " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("An ID number's body has digits only");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK_DIGITS.charAt(sum % 11);
    }

    /** A new, unused number for a person born on that date in that area. */
    String issue(String areaCode, LocalDate birthDate, boolean male, SplittableRandom random) {
        String prefix = areaCode + Draw.digits(birthDate.getYear(), 4) + Draw.digits(birthDate.getMonthValue(), 2)
                + Draw.digits(birthDate.getDayOfMonth(), 2);
        // 500 sequence numbers per sex and birth date and area: far more than one town's people born on one day.
        for (int attempt = 0; attempt < 1000; attempt++) {
            int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
            String body = prefix + Draw.digits(sequence, 3);
            String number = body + checkDigit(body);
            if (issued.add(number)) {
                return number;
            }
        }
        throw new IllegalStateException("No free ID number left for " + prefix);
    }
}
