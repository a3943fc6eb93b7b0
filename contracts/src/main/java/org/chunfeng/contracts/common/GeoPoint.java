package org.chunfeng.contracts.common;

/** A WGS-84 position in decimal degrees. */
public record GeoPoint(double lat, double lon) {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    /**
     * The great-circle (haversine) distance in kilometres. Road distances are this times a road factor, behind
     * each service's own distance interface, until a routing engine is plugged in.
     */
    public double greatCircleKm(GeoPoint other) {
        return greatCircleKm(lat, lon, cosLat(lat), other.lat, other.lon, cosLat(other.lat));
    }

    /**
     * The same between points given in degrees, with the cosines of their latitudes ({@link #cosLat}) worked out
     * beforehand: matching weighs tens of millions of pairs between a few hundred thousand places. The same result, to
     * the last bit, as the method on points.
     */
    public static double greatCircleKm(double lat1, double lon1, double cosLat1, double lat2, double lon2,
            double cosLat2) {
        double halfLat = Math.sin(Math.toRadians(lat2 - lat1) / 2);
        double halfLon = Math.sin(Math.toRadians(lon2 - lon1) / 2);
        double a = halfLat * halfLat + cosLat1 * cosLat2 * halfLon * halfLon;
        double x = Math.min(1, Math.sqrt(a));
        return 2 * EARTH_RADIUS_KM * (x < SERIES_UP_TO ? asinSeries(x) : Math.asin(x));
    }

    /** The cosine of a latitude in degrees, as {@link #greatCircleKm} takes it. */
    public static double cosLat(double lat) {
        return Math.cos(Math.toRadians(lat));
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
