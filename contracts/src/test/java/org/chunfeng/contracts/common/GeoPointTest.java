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
}
