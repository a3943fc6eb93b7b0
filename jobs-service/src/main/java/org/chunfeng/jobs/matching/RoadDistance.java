package org.chunfeng.jobs.matching;

import org.chunfeng.contracts.common.GeoPoint;

/** Road kilometres between two points; a routing engine can replace the great-circle estimate behind this. */
public interface RoadDistance {

    double km(GeoPoint from, GeoPoint to);

    /**
     * Whether the road distance is surely more than {@code km}, decided without the full computation where that is
     * cheaper; false when unsure. Matching asks this of millions of pairs, most of them beyond the commute.
     */
    default boolean surelyBeyond(GeoPoint from, GeoPoint to, double km) {
        return false;
    }

    /**
     * The same from coordinates in degrees, for lists that keep their sites as numbers: false when unsure, as here,
     * where only the points' distance is known.
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
         * Compares the haversine term with the one {@code km} would give, so no arcsine is computed (the arcsine is
         * most of the cost of a distance): the term grows with distance. A relative margin keeps borderline pairs to
         * the exact computation.
         */
        @Override
        public boolean surelyBeyond(GeoPoint from, GeoPoint to, double km) {
            double half = Math.min(Math.PI / 2, km / roadFactor / (2 * EARTH_RADIUS_KM));
            double limit = Math.sin(half) * Math.sin(half);
            double dLat = Math.toRadians(to.lat() - from.lat());
            double dLon = Math.toRadians(to.lon() - from.lon());
            double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(from.lat()))
                    * Math.cos(Math.toRadians(to.lat())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
            return a > limit * (1 + 1e-9);
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
