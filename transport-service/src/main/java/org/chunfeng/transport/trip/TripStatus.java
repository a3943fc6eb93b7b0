package org.chunfeng.transport.trip;

public enum TripStatus {
    /** Planned; may still change at a replan unless locked or boarding has begun. */
    PLANNED,
    /** Left the last pickup for the sites. */
    DEPARTED,
    /** Every rider on board has been handed over at their site. */
    COMPLETED,
    CANCELLED
}
