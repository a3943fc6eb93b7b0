package org.chunfeng.jobs.matching;

import org.chunfeng.contracts.common.GeoPoint;

/** Road kilometres between two points; a routing engine can replace the great-circle estimate behind this. */
public interface RoadDistance {

    double km(GeoPoint from, GeoPoint to);

    /**
     * The same between points given in degrees, with the cosines of their latitudes ({@link GeoPoint#cosLat}):
     * matching weighs tens of millions of pairs, and its workers and lists keep their places as numbers.
     */
    default double km(double fromLat, double fromLon, double fromCos, double toLat, double toLon, double toCos) {
        return km(new GeoPoint(fromLat, fromLon), new GeoPoint(toLat, toLon));
    }

    /**
     * Whether the road distance between points given in degrees (with the cosines of their latitudes) is surely more
     * than {@code km}, decided without the full computation; false when unsure, as here. Matching asks this of
     * millions of pairs, most beyond the commute.
     */
    default boolean surelyBeyond(double fromLat, double fromLon, double fromCos, double toLat, double toLon,
            double toCos, double km) {
        return false;
    }

    /** Whether the road distance is surely at most {@code km}; false when unsure (a routing engine cannot tell). */
    default boolean surelyWithin(double fromLat, double fromLon, double fromCos, double toLat, double toLon,
            double toCos, double km) {
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

        @Override
        public double km(double fromLat, double fromLon, double fromCos, double toLat, double toLon, double toCos) {
            return GeoPoint.greatCircleKm(fromLat, fromLon, fromCos, toLat, toLon, toCos) * roadFactor;
        }

        /**
         * A flat-earth estimate decides pairs more than 1% from {@code km}: within a commute's few tens of kilometres
         * it is off by far less than that, and it needs neither an arcsine nor a cosine.
         */
        @Override
        public boolean surelyBeyond(double fromLat, double fromLon, double fromCos, double toLat, double toLon,
                double toCos, double km) {
            return flatKm(fromLat, fromLon, fromCos, toLat, toLon, toCos) * roadFactor > km * 1.01;
        }

        @Override
        public boolean surelyWithin(double fromLat, double fromLon, double fromCos, double toLat, double toLon,
                double toCos, double km) {
            return flatKm(fromLat, fromLon, fromCos, toLat, toLon, toCos) * roadFactor < km * 0.99;
        }

        /**
         * East-west degrees shrink by the cosine of the latitude between the points; the mean of the two cosines is
         * that cosine times the cosine of half their difference, which within a commute (a third of a degree) is
         * short of 1 by a few millionths.
         */
        private static double flatKm(double fromLat, double fromLon, double fromCos, double toLat, double toLon,
                double toCos) {
            double x = Math.toRadians(toLon - fromLon) * (fromCos + toCos) / 2;
            double y = Math.toRadians(toLat - fromLat);
            return Math.sqrt(x * x + y * y) * EARTH_RADIUS_KM;
        }
    }
}
