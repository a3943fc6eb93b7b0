package org.chunfeng.contracts.access;

/** The claims of a Chunfeng access token (a JWT signed RS256 by the gateway). */
public final class TokenClaims {

    public static final String ISSUER = "chunfeng";
    /** A list of {@link Role} names. */
    public static final String ROLES = "roles";
    /** Set only on a worker's token: the worker it belongs to. */
    public static final String WORKER_ID = "workerId";

    private TokenClaims() {
    }
}
