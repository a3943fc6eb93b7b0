package org.chunfeng.jobs.matching;

import org.chunfeng.contracts.common.GeoPoint;

/** Road kilometres between two points; a routing engine can replace the great-circle estimate behind this. */
public interface RoadDistance {

    double km(GeoPoint from, GeoPoint to);

    /**
     * Whether the road distance between points given in degrees is surely more than {@code km}, decided without the
     * full computation; false when unsure, as here. Matching asks this of millions of pairs, most beyond the commute,
     * and its lists keep their sites as numbers.
     */
    default boolean surelyBeyond(double fromLat, double fromLon, double toLat, double toLon, double km) {
        return false;
    }

    /** Whether the road distance is surely at most {@code km}; false when unsure (a routing engine cannot tell). */
    default boolean surelyWithin(double fromLat, double fromLon, double toLat, double toLon, double km) {
        return false;
    }

    /** Great-circle distance times a road factor (1.3 by default): the estimate every Chunfeng service shares. */
    static RoadDistance greatCircle(double roadFactor) {
        return new GreatCircle(roadFactor);
    }

    /** The great-circle estimate. */
    record GreatCircle(double roadFactor) implements RoadDistance {

        private static final double EARTH_RADIUS_KM = 6371.0088;

        @Override
        public double km(GeoPoint from, GeoPoint to) {
            return from.greatCircleKm(to) * roadFactor;
        }

        /**
         * A flat-earth estimate decides pairs more than 1% from {@code km}: within a commute's few tens of kilometres
         * it is off by far less than that, and it needs no arcsine.
         */
        @Override
        public boolean surelyBeyond(double fromLat, double fromLon, double toLat, double toLon, double km) {
            return flatKm(fromLat, fromLon, toLat, toLon) * roadFactor > km * 1.01;
        }

        @Override
        public boolean surelyWithin(double fromLat, double fromLon, double toLat, double toLon, double km) {
            return flatKm(fromLat, fromLon, toLat, toLon) * roadFactor < km * 0.99;
        }

        private static double flatKm(double fromLat, double fromLon, double toLat, double toLon) {
            double x = Math.toRadians(toLon - fromLon) * Math.cos(Math.toRadians((fromLat + toLat) / 2));
            double y = Math.toRadians(toLat - fromLat);
            return Math.sqrt(x * x + y * y) * EARTH_RADIUS_KM;
        }
    }
}
