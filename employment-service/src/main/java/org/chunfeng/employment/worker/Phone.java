package org.chunfeng.employment.worker;

import java.util.regex.Pattern;

/** A mainland China mobile number: 11 digits starting 13 to 19. */
public final class Phone {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

    private Phone() {
    }

    /** The number without spaces, dashes or a +86 prefix; throws with the reason when it is not a mobile number. */
    public static String parse(String text) {
        String digits = text == null ? "" : SEPARATORS.matcher(text).replaceAll("");
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("is required");
        }
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        if (!MOBILE.matcher(digits).matches()) {
            throw new IllegalArgumentException("must be a mainland mobile number: 11 digits starting 13 to 19");
        }
        return digits;
    }

    /** {@code 138****0000}: enough to recognise, not enough to call. */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
