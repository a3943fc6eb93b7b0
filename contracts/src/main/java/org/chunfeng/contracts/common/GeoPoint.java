package org.chunfeng.contracts.common;

/** A WGS-84 position in decimal degrees. */
public record GeoPoint(double lat, double lon) {
}
