package org.chunfeng.contracts.access;

/**
 * Who may do what. The gateway signs these into the token's {@code roles} claim; every service checks them again,
 * so a service reached directly is not open.
 */
public enum Role {
    /** Town and county labour-office staff: workers, jobs, employers, monitoring. */
    LABOUR_OFFICE,
    /** Plans and runs the buses; sees worker data masked. */
    TRANSPORT_COORDINATOR,
    /** A worker: their own record, offers and seat only. */
    WORKER,
    /** Manages staff accounts. */
    ADMIN
}
