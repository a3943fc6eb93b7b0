package org.chunfeng.employment.worker;

public enum TransportKind {
    /** A seat on a dedicated bus (专线专车). */
    BUS_SEAT,
    /** No bus fitted: the fare is paid instead (补贴车费). */
    FARE_SUBSIDY,
    /** A local job within the daily commute: the worker goes by themselves. */
    SELF
}
