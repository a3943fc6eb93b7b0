package org.chunfeng.contracts.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoPointTest {

    static final GeoPoint LIXIN = new GeoPoint(33.1443, 116.2087);
    static final GeoPoint HEFEI = new GeoPoint(31.8206, 117.2272);
    static final GeoPoint SHANGHAI = new GeoPoint(31.2304, 121.4737);

    @Test
    void greatCircleDistancesMatchKnownFigures() {
        assertThat(LIXIN.greatCircleKm(HEFEI)).isCloseTo(174, within(3.0));
        assertThat(LIXIN.greatCircleKm(SHANGHAI)).isCloseTo(535, within(5.0));
        assertThat(HEFEI.greatCircleKm(LIXIN)).isCloseTo(LIXIN.greatCircleKm(HEFEI), within(1e-9));
        assertThat(LIXIN.greatCircleKm(LIXIN)).isZero();
    }

    @Test
    void nearbyDistancesAgreeWithTheArcsineToItsRounding() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 100_000; i++) {
            double x = random.nextDouble() * GeoPoint.SERIES_UP_TO;
            assertThat(GeoPoint.asinSeries(x)).isCloseTo(Math.asin(x), within(2 * Math.ulp(Math.asin(x))));
        }
        GeoPoint near = new GeoPoint(33.30, 116.40);
        double dLat = Math.toRadians(near.lat() - LIXIN.lat());
        double dLon = Math.toRadians(near.lon() - LIXIN.lon());
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(LIXIN.lat()))
                * Math.cos(Math.toRadians(near.lat())) * Math.pow(Math.sin(dLon / 2), 2);
        assertThat(LIXIN.greatCircleKm(near)).isCloseTo(2 * 6371.0088 * Math.asin(Math.sqrt(a)), within(1e-12));
    }
}
