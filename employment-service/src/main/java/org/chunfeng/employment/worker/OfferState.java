package org.chunfeng.employment.worker;

/** An offer's life on the worker's side; only OPEN offers may be answered. */
public enum OfferState {
    OPEN,
    /** The worker said yes; jobs-service confirms it as a placement or cancels it. */
    ACCEPTED,
    DECLINED,
    EXPIRED,
    /** Taken back by jobs-service (the job closed, or the worker withdrew). */
    WITHDRAWN,
    /** Jobs-service turned the acceptance into a placement. */
    CONFIRMED,
    /** Jobs-service could not honour the acceptance, or cancelled the placement later. */
    CANCELLED;

    /** Still holds the worker: OPEN waits for an answer, ACCEPTED for jobs-service's confirmation. */
    public boolean isLive() {
        return this == OPEN || this == ACCEPTED;
    }
}
