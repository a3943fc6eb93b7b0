package org.chunfeng.transport.trip;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.data.mongodb.core.mapping.Document;

/** What the last plan of a travel date achieved, against its lower bounds: the figures the explanations quote. */
@Document(TripPlanning.PLANS)
public record PlanRecord(String id, LocalDate travelDate, int buses, int boundBySeats, int boundByCity,
        Map<String, Integer> ridersByCity, double vehicleKm, int seated, int subsidised, int constructionBuses,
        double constructionKm, long solverMillis, long totalMillis, String score, Instant plannedAt) {
}
