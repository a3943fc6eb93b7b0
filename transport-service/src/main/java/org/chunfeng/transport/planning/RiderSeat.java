package org.chunfeng.transport.planning;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/** The solver's planning entity: which bus a rider sits on. Riders of locked trips are pinned. */
@PlanningEntity
public class RiderSeat {

    int rider;
    int pickup;
    int site;
    int city;
    BusSlot previous;
    boolean pinned;

    @PlanningVariable(valueRangeProviderRefs = BusPlanSolution.BUSES)
    BusSlot bus;

    public RiderSeat() {
    }

    RiderSeat(int rider, int pickup, int site, int city, BusSlot previous, boolean pinned, BusSlot bus) {
        this.rider = rider;
        this.pickup = pickup;
        this.site = site;
        this.city = city;
        this.previous = previous;
        this.pinned = pinned;
        this.bus = bus;
    }

    @PlanningPin
    public boolean isPinned() {
        return pinned;
    }

    public BusSlot getBus() {
        return bus;
    }

    public void setBus(BusSlot bus) {
        this.bus = bus;
    }
}
