package org.chunfeng.transport.planning;

/** A rider no bus can carry within the rules, and why: they get a fare subsidy instead. */
public record Unserved(Rider rider, Reason reason, String explanation, double directKm) {

    public enum Reason {
        /** Even a bus going straight from their pickup to their site would exceed the maximum ride time. */
        RIDE_TOO_LONG,
        /** No bus is free on the travel date. */
        NO_BUS_AVAILABLE,
        /** Every free bus is full. */
        BUSES_FULL
    }
}
