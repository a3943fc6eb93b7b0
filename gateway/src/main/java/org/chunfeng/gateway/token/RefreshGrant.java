package org.chunfeng.gateway.token;

import java.time.Instant;
import java.util.List;
import org.chunfeng.contracts.access.Role;

/**
 * What a refresh token stands for: who it was issued to and the family of tokens it belongs to (one sign-in and its
 * rotations). A staff member's roles are read again from their account at refresh; a worker's stay as issued.
 */
public record RefreshGrant(String family, String subject, List<Role> roles, String workerId, Instant expiresAt) {

    public boolean isWorker() {
        return workerId != null;
    }
}
