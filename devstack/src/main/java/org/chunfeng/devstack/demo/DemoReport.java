package org.chunfeng.devstack.demo;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What one demo run did, counted from the services' answers: what it put in (a second run on the same data adds
 * nothing and says so), how the workers answered, what the coordinators planned and checked, and the campaign's
 * funnel at the end.
 *
 * @param errors calls that failed for one worker or trip (the run goes on past them), each described once
 */
public record DemoReport(
        int employersAdded,
        int postingsAdded,
        int postingsRejected,
        int vehiclesAdded,
        int vehiclesRejected,
        int workersImported,
        int workersAlreadyThere,
        int workersRejected,
        int offersAccepted,
        int offersDeclined,
        int datesPlanned,
        int seated,
        int subsidised,
        int boarded,
        int noShows,
        int arrived,
        int firstDays,
        Funnel funnel,
        List<String> errors) {

    public DemoReport {
        errors = List.copyOf(errors);
    }

    /** The total funnel of {@code GET /api/monitoring/summary}: each stage counts workers at it or beyond. */
    public record Funnel(long registered, long offered, long intentAgreed, long transportArranged,
            long returnedToWork, long withdrawn) {

        static Funnel of(JsonNode total) {
            return new Funnel(total.path("registered").asLong(), total.path("offered").asLong(),
                    total.path("intentAgreed").asLong(), total.path("transportArranged").asLong(),
                    total.path("returnedToWork").asLong(), total.path("withdrawn").asLong());
        }

        /** One line, as in "registered 300 → offered 281 → intention 201 → transport 201 → at work 74". */
        public String line() {
            String line = String.format("registered %,d → offered %,d → intention %,d → transport %,d → at work %,d",
                    registered, offered, intentAgreed, transportArranged, returnedToWork);
            return withdrawn > 0 ? line + String.format(" (withdrawn %,d)", withdrawn) : line;
        }
    }
}
