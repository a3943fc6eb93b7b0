package org.chunfeng.transport.rider;

/** Where a rider stands, from the placement to the handover at the site. */
public enum RiderStatus {
    /** Known, not yet planned. */
    WAITING,
    /** Has a seat on a trip (told by SeatAssigned). */
    SEATED,
    /** No bus within the rules: the fare is paid instead. Final. */
    SUBSIDISED,
    BOARDED,
    /** Did not turn up at the pickup; the seat is free. */
    NO_SHOW,
    ARRIVED,
    /** The placement was cancelled; the seat is free. */
    CANCELLED
}
