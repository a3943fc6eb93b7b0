package org.chunfeng.kit.security;

import java.util.Optional;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.contracts.access.TokenClaims;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who is calling, read from the validated token. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static boolean hasRole(Role role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role.name()));
    }

    /** The worker the caller is, if the caller is a worker. */
    public static Optional<String> workerId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Jwt jwt && hasRole(Role.WORKER)) {
            return Optional.ofNullable(jwt.getClaimAsString(TokenClaims.WORKER_ID));
        }
        return Optional.empty();
    }

    /** The staff user name or worker id the token was issued to. */
    public static String name() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "anonymous" : auth.getName();
    }

    /** True for a worker acting on a record that is not their own: they must be refused. */
    public static boolean isOtherWorker(String workerId) {
        return hasRole(Role.WORKER) && !workerId().map(workerId::equals).orElse(false);
    }
}
