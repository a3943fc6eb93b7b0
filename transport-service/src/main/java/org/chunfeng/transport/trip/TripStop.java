package org.chunfeng.transport.trip;

import java.time.Instant;
import org.chunfeng.transport.StoredPlace;
import org.chunfeng.transport.planning.StopKind;

public record TripStop(StoredPlace place, StopKind kind, Instant time, double kmFromDepot) {
}
