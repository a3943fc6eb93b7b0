package org.chunfeng.jobs.posting;

/** OPEN while hiring; FILLED when every opening is filled by a placement; CLOSED by the labour office. */
public enum JobStatus {
    OPEN,
    FILLED,
    CLOSED
}
