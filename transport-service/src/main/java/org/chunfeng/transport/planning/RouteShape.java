package org.chunfeng.transport.planning;

/**
 * The stop order of one bus (place indexes: pickups first, then drop-offs) and what it costs: kilometres from the
 * depot to the last drop-off, minutes from the first pickup to the last drop-off (the longest anyone rides), and
 * minutes from leaving the depot to the last drop-off.
 */
record RouteShape(int[] order, int pickups, double km, double spanMinutes, double totalMinutes) {

    static final RouteShape EMPTY = new RouteShape(new int[0], 0, 0, 0, 0);
}
