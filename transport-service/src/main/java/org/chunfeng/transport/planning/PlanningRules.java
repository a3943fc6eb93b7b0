package org.chunfeng.transport.planning;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The rules every plan keeps.
 *
 * @param maxLoadFactor    share of a bus's seats that may be sold (1.0; the 2020 epidemic rules used 0.5)
 * @param maxRideHours     no rider sits on the bus longer than this, from their pickup to their drop-off
 * @param averageSpeedKmh  for times along the route
 * @param stopMinutes      dwell at each pickup or drop-off
 * @param departure        when buses leave their depot on the travel date, local time
 * @param zone             the local time zone of the county
 * @param movePenaltyKm    what moving an already seated rider to another bus costs, in kilometres, so a replan
 *                         does not reshuffle riders for a trifle
 */
public record PlanningRules(double maxLoadFactor, double maxRideHours, double averageSpeedKmh, int stopMinutes,
        LocalTime departure, ZoneId zone, double movePenaltyKm) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public PlanningRules {
        if (!(maxLoadFactor > 0 && maxLoadFactor <= 1)) {
            throw new IllegalArgumentException("The maximum load factor must lie in (0, 1], was " + maxLoadFactor);
        }
        if (!(maxRideHours > 0)) {
            throw new IllegalArgumentException("The maximum ride time must be positive, was " + maxRideHours);
        }
        if (!(averageSpeedKmh > 0)) {
            throw new IllegalArgumentException("The average speed must be positive, was " + averageSpeedKmh);
        }
        if (stopMinutes < 0 || movePenaltyKm < 0) {
            throw new IllegalArgumentException("Stop minutes and move penalty cannot be negative");
        }
        departure = departure == null ? LocalTime.of(6, 0) : departure;
        zone = zone == null ? CHINA : zone;
    }

    public static PlanningRules defaults() {
        return new PlanningRules(1.0, 14, 80, 10, LocalTime.of(6, 0), CHINA, 10);
    }

    public PlanningRules withMaxLoadFactor(double factor) {
        return new PlanningRules(factor, maxRideHours, averageSpeedKmh, stopMinutes, departure, zone, movePenaltyKm);
    }

    public PlanningRules withMaxRideHours(double hours) {
        return new PlanningRules(maxLoadFactor, hours, averageSpeedKmh, stopMinutes, departure, zone, movePenaltyKm);
    }

    /** Seats that may be sold on a bus of this many seats. */
    public int capacity(int seats) {
        return (int) Math.floor(seats * maxLoadFactor + 1e-9);
    }

    public double minutesFor(double km) {
        return km / averageSpeedKmh * 60.0;
    }

    public double maxRideMinutes() {
        return maxRideHours * 60.0;
    }

    /** Minutes from the departure until midnight: every rider arrives on the travel date, a day before work starts. */
    public double minutesUntilMidnight() {
        return Duration.between(departure, LocalTime.MAX).toSeconds() / 60.0;
    }
}
