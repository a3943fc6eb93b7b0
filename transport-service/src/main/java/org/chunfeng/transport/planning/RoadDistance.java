package org.chunfeng.transport.planning;

import org.chunfeng.contracts.common.GeoPoint;

/**
 * Road kilometres between two points. The default estimates them from the great circle; a routing engine can be
 * plugged in behind this interface without touching the planner.
 */
public interface RoadDistance {

    double km(GeoPoint from, GeoPoint to);

    /** Great-circle distance times a road factor (1.3 by default: roads are rarely straight). */
    static RoadDistance greatCircle(double roadFactor) {
        if (!(roadFactor >= 1.0)) {
            throw new IllegalArgumentException("The road factor must be at least 1, was " + roadFactor);
        }
        return (from, to) -> from.greatCircleKm(to) * roadFactor;
    }
}
