package org.chunfeng.transport.trip;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chunfeng.transport.rider.RiderStatus;

/**
 * The travel dates that have riders, each with how far its planning has got: what a coordinator looks at before
 * choosing a day to plan or run. Plain counting over (date, status) pairs, so it is tested without a database.
 */
public final class TravelDates {

    /**
     * One travel date.
     *
     * @param riders everyone still to be carried or already carried that day (cancelled placements not counted)
     * @param trips buses planned that day, cancelled ones not counted
     * @param seated riders with a seat, whether or not they have boarded or arrived yet
     * @param subsidised riders no bus could carry, paid the fare instead
     * @param unplanned riders waiting for the next plan
     * @param boarded riders on board now (a departed bus that has not handed them over)
     * @param arrived riders handed over at their site
     * @param noShows riders who did not turn up at their pickup
     */
    public record TravelDate(LocalDate date, int riders, int trips, int seated, int subsidised, int unplanned,
            int boarded, int arrived, int noShows) {
    }

    /** A rider's date and status, as read from the store. */
    public record RiderOnDate(LocalDate date, RiderStatus status) {
    }

    /** A trip's date and status. */
    public record TripOnDate(LocalDate date, TripStatus status) {
    }

    private TravelDates() {
    }

    /** Every date with at least one rider (cancelled riders alone do not make a date), earliest first. */
    public static List<TravelDate> of(List<RiderOnDate> riders, List<TripOnDate> trips) {
        Map<LocalDate, int[]> counts = new TreeMap<>();
        for (RiderOnDate rider : riders) {
            if (rider.date() == null || rider.status() == null || rider.status() == RiderStatus.CANCELLED) {
                continue;
            }
            int[] c = counts.computeIfAbsent(rider.date(), d -> new int[8]);
            c[0]++;
            switch (rider.status()) {
                case SEATED -> c[2]++;
                case BOARDED -> {
                    c[2]++;
                    c[5]++;
                }
                case ARRIVED -> {
                    c[2]++;
                    c[6]++;
                }
                case SUBSIDISED -> c[3]++;
                case WAITING -> c[4]++;
                case NO_SHOW -> c[7]++;
                default -> {
                }
            }
        }
        for (TripOnDate trip : trips) {
            int[] c = counts.get(trip.date());
            if (c != null && trip.status() != TripStatus.CANCELLED) {
                c[1]++;
            }
        }
        List<TravelDate> dates = new ArrayList<>(counts.size());
        counts.forEach((date, c) -> dates.add(new TravelDate(date, c[0], c[1], c[2], c[3], c[4], c[5], c[6],
                c[7])));
        return dates;
    }
}
