package org.chunfeng.gateway.access;

import java.util.Set;
import org.chunfeng.contracts.access.Role;

/** Who sent a request, as the validated access token says: a staff user name or a worker id, and roles. */
public record Caller(String subject, Set<Role> roles, String workerId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
