package org.chunfeng.devstack.demo;

import java.time.LocalDate;
import java.util.List;
import org.chunfeng.contracts.common.Place;

/** A coach the transport coordinators can plan, with its driver and the dates it is free. */
public record DemoBus(String plate, int seats, String operator, Place depot, String driverName, String driverPhone,
        List<LocalDate> availableDates) {

    public DemoBus {
        availableDates = List.copyOf(availableDates);
    }
}
