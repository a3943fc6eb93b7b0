package org.chunfeng.jobs.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Place;

/**
 * A patch of land no other test uses, two degrees from the next: local workers and local jobs of one test never meet
 * another test's, though every test shares one database and one matchmaker.
 */
public record Area(String name, GeoPoint centre) {

    private static final AtomicInteger NEXT = new AtomicInteger();

    public static Area fresh() {
        int n = NEXT.getAndIncrement();
        return new Area("area" + n + "-" + Long.toHexString(System.nanoTime()),
                new GeoPoint(-40 + 2 * (n / 60), -170 + 2 * (n % 60) + 0.5));
    }

    /** A point {@code km} east of the centre. */
    public GeoPoint east(double km) {
        return new GeoPoint(centre.lat(), centre.lon() + km / (111.2 * Math.cos(Math.toRadians(centre.lat()))));
    }

    public Place collectionPoint() {
        return new Place("cp-" + name, name + "村委会", name + "县", centre);
    }
}
