package org.chunfeng.gateway.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.contracts.access.TokenClaims;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads the caller from a validated token; unknown role names are ignored rather than trusted. */
public final class Callers {

    private Callers() {
    }

    public static Caller from(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return null;
        }
        return from(jwt);
    }

    public static Caller from(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> names = jwt.getClaimAsStringList(TokenClaims.ROLES);
        if (names != null) {
            for (String name : names) {
                for (Role role : Role.values()) {
                    if (role.name().equals(name)) {
                        roles.add(role);
                    }
                }
            }
        }
        return new Caller(jwt.getSubject(), roles, jwt.getClaimAsString(TokenClaims.WORKER_ID));
    }
}
