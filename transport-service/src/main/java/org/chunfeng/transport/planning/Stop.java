package org.chunfeng.transport.planning;

import org.chunfeng.contracts.common.Place;

/**
 * One stop of a trip: where, what happens there, and when the bus gets there, in minutes after it leaves the depot
 * and kilometres from the depot.
 */
public record Stop(Place place, StopKind kind, double minutesFromDeparture, double kmFromDepot) {
}
