package org.chunfeng.transport;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.chunfeng.transport.planning.PlanningRules;
import org.chunfeng.transport.subsidy.Tariff;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The transport rules a county sets ({@code chunfeng.transport.*}): how full a bus may be, how long anyone may
 * ride, how the fare subsidy is reckoned, and how long the solver may think.
 *
 * @param maxLoadFactor   share of seats sold (1.0; the 2020 epidemic rules used 0.5)
 * @param maxRideHours    longest ride for anyone on board
 * @param averageSpeedKmh for pickup and arrival times
 * @param stopMinutes     dwell at each stop
 * @param departure       when buses leave their depots, local time
 * @param roadFactor      road kilometres per great-circle kilometre
 * @param solverSeconds   how long Timefold improves each plan
 * @param replanDebounce  quiet time after a change of demand or vehicles before the date is planned again
 * @param movePenaltyKm   kilometres a replan must save before it moves a seated rider to another bus
 * @param subsidy         the fare subsidy tariff
 */
@ConfigurationProperties("chunfeng.transport")
public record TransportProperties(Double maxLoadFactor, Double maxRideHours, Double averageSpeedKmh,
        Integer stopMinutes, LocalTime departure, Double roadFactor, Double solverSeconds, Duration replanDebounce,
        Double movePenaltyKm, Subsidy subsidy) {

    public TransportProperties {
        maxLoadFactor = maxLoadFactor == null ? 1.0 : maxLoadFactor;
        maxRideHours = maxRideHours == null ? 14.0 : maxRideHours;
        averageSpeedKmh = averageSpeedKmh == null ? 80.0 : averageSpeedKmh;
        stopMinutes = stopMinutes == null ? 10 : stopMinutes;
        departure = departure == null ? LocalTime.of(6, 0) : departure;
        roadFactor = roadFactor == null ? 1.3 : roadFactor;
        solverSeconds = solverSeconds == null ? 5.0 : solverSeconds;
        replanDebounce = replanDebounce == null ? Duration.ofSeconds(2) : replanDebounce;
        movePenaltyKm = movePenaltyKm == null ? 10.0 : movePenaltyKm;
        subsidy = subsidy == null ? new Subsidy(null) : subsidy;
    }

    /** @param tariff bands of road distance, each paying a fixed amount up to its limit (the last may be open) */
    public record Subsidy(List<Tariff.Band> tariff) {
        public Subsidy {
            tariff = tariff == null || tariff.isEmpty() ? Tariff.DEFAULT_BANDS : tariff;
        }
    }

    public PlanningRules rules() {
        return new PlanningRules(maxLoadFactor, maxRideHours, averageSpeedKmh, stopMinutes, departure,
                PlanningRules.CHINA, movePenaltyKm);
    }

    public Duration solverTime() {
        return Duration.ofMillis(Math.round(solverSeconds * 1000));
    }

    public Tariff tariff() {
        return new Tariff(subsidy.tariff());
    }
}
