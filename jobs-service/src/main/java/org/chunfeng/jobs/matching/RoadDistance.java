package org.chunfeng.jobs.matching;

import org.chunfeng.contracts.common.GeoPoint;

/** Road kilometres between two points; a routing engine can replace the great-circle estimate behind this. */
public interface RoadDistance {

    double km(GeoPoint from, GeoPoint to);

    /** Great-circle distance times a road factor (1.3 by default): the estimate every Chunfeng service shares. */
    static RoadDistance greatCircle(double roadFactor) {
        return (from, to) -> from.greatCircleKm(to) * roadFactor;
    }
}
