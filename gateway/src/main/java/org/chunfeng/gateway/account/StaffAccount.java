package org.chunfeng.gateway.account;

import java.time.Instant;
import java.util.List;
import org.chunfeng.contracts.access.Role;

/** A labour-office, transport or administration account. The password is kept only as a BCrypt hash. */
public record StaffAccount(String username, String passwordHash, List<Role> roles, boolean enabled,
        Instant createdAt, String createdBy) {

    public StaffAccount {
        roles = List.copyOf(roles);
    }
}
