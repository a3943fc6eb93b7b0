package org.chunfeng.employment.worker;

import java.time.Instant;

/** One line of the worker's audit trail: appended, never edited. */
public record StatusChange(WorkerStatus from, WorkerStatus to, Instant at, String cause) {
}
