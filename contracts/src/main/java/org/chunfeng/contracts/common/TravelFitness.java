package org.chunfeng.contracts.common;

/** The health check result that decides whether a worker may travel: only GREEN may board a bus or take a job away. */
public enum TravelFitness {
    GREEN,
    YELLOW,
    RED
}
