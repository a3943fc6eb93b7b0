package org.chunfeng.transport.trip;

public enum TripRiderStatus {
    ASSIGNED,
    BOARDED,
    NO_SHOW,
    ARRIVED
}
