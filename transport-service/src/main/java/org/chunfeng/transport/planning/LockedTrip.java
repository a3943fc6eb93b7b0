package org.chunfeng.transport.planning;

import java.util.List;

/**
 * A trip the coordinator locked (or that is already under way): its bus, riders and stop order are kept exactly
 * as they are, and the rest of the plan is built around it.
 */
public record LockedTrip(String tripId, Bus bus, List<Rider> riders, List<String> stopPlaceIds) {

    public LockedTrip {
        riders = List.copyOf(riders);
        stopPlaceIds = stopPlaceIds == null ? List.of() : List.copyOf(stopPlaceIds);
    }
}
