package org.chunfeng.gateway.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.chunfeng.contracts.access.Role;

/** What a new staff account must look like. Workers have no accounts: they sign in with their registration. */
public final class NewAccountRules {

    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    private static final Set<Role> STAFF_ROLES = Set.of(Role.LABOUR_OFFICE, Role.TRANSPORT_COORDINATOR, Role.ADMIN);

    private NewAccountRules() {
    }

    /** A user name compares without regard to case. */
    public static String normalise(String username) {
        return username == null ? null : username.trim().toLowerCase(Locale.ROOT);
    }

    /** Each broken rule as a field and a message; empty when the account may be created. */
    public static List<Violation> check(String username, String password, List<String> roles) {
        List<Violation> violations = new ArrayList<>();
        String name = normalise(username);
        if (name == null || !USERNAME.matcher(name).matches()) {
            violations.add(new Violation("username",
                    "must be 3 to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit"));
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            violations.add(new Violation("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
        } else if (password.length() > 72) {
            violations.add(new Violation("password", "must be at most 72 characters"));
        }
        if (roles == null || roles.isEmpty()) {
            violations.add(new Violation("roles", "must name at least one of " + STAFF_ROLES));
        } else {
            for (String role : roles) {
                if (STAFF_ROLES.stream().noneMatch(r -> r.name().equals(role))) {
                    violations.add(new Violation("roles", "'" + role + "' is not one of LABOUR_OFFICE,"
                            + " TRANSPORT_COORDINATOR, ADMIN"));
                }
            }
        }
        return violations;
    }

    public record Violation(String field, String message) {
    }
}
