package org.chunfeng.contracts.common;

/** A WGS-84 position in decimal degrees. */
public record GeoPoint(double lat, double lon) {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    /**
     * The great-circle (haversine) distance in kilometres. Road distances are this times a road factor, behind
     * each service's own distance interface, until a routing engine is plugged in.
     */
    public double greatCircleKm(GeoPoint other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat))
                * Math.cos(Math.toRadians(other.lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        double x = Math.min(1, Math.sqrt(a));
        return 2 * EARTH_RADIUS_KM * (x < SERIES_UP_TO ? asinSeries(x) : Math.asin(x));
    }

    /**
     * Below this sine of half the angle (about 127 km) the first four terms of the arcsine's series agree with
     * {@link Math#asin} to its rounding. Matching weighs millions of nearby pairs, and {@code Math.asin}, which the JIT
     * does not inline as an intrinsic, was a quarter of a county-wide batch's search.
     */
    static final double SERIES_UP_TO = 0.01;

    static double asinSeries(double x) {
        double x2 = x * x;
        return x + x * x2 * (1.0 / 6 + x2 * (3.0 / 40 + x2 * (5.0 / 112)));
    }
}
