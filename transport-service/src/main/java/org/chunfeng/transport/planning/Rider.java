package org.chunfeng.transport.planning;

import org.chunfeng.contracts.common.Place;

/**
 * A worker to carry from their collection point to their job site. {@code previousVehicleId} and
 * {@code previousSeat} say where an earlier plan seated them (null if nowhere), so a replan can keep them there.
 */
public record Rider(String workerId, String placementId, String town, Place pickup, Place site,
        String previousVehicleId, Integer previousSeat) {

    public Rider {
        if (workerId == null || pickup == null || site == null || pickup.location() == null
                || site.location() == null) {
            throw new IllegalArgumentException("A rider needs a worker, a located pickup point and a located site");
        }
    }

    public static Rider of(String workerId, String placementId, String town, Place pickup, Place site) {
        return new Rider(workerId, placementId, town, pickup, site, null, null);
    }

    public String city() {
        return site.city() == null ? site.name() : site.city();
    }
}
