package org.chunfeng.transport.planning;

/** A bus as the solver sees it: a value riders are assigned to. Locked slots keep exactly their pinned riders. */
public final class BusSlot {

    final int number;
    final Bus bus;
    final int capacity;
    final int depot;
    final boolean locked;

    BusSlot(int number, Bus bus, int capacity, int depot, boolean locked) {
        this.number = number;
        this.bus = bus;
        this.capacity = capacity;
        this.depot = depot;
        this.locked = locked;
    }

    @Override
    public String toString() {
        return bus.plate() + (locked ? " (locked)" : "");
    }
}
