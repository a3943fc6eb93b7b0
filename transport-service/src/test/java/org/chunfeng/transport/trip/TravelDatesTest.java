package org.chunfeng.transport.trip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.chunfeng.transport.rider.RiderStatus;
import org.chunfeng.transport.trip.TravelDates.RiderOnDate;
import org.chunfeng.transport.trip.TravelDates.TravelDate;
import org.chunfeng.transport.trip.TravelDates.TripOnDate;
import org.junit.jupiter.api.Test;

class TravelDatesTest {

    private static final LocalDate FIRST = LocalDate.of(2027, 2, 10);
    private static final LocalDate SECOND = LocalDate.of(2027, 2, 11);

    @Test
    void eachDateCountsItsRidersByHowTheyTravelAndItsBusesThatStillRun() {
        List<TravelDate> dates = TravelDates.of(List.of(
                new RiderOnDate(SECOND, RiderStatus.WAITING),
                new RiderOnDate(FIRST, RiderStatus.SEATED),
                new RiderOnDate(FIRST, RiderStatus.BOARDED),
                new RiderOnDate(FIRST, RiderStatus.ARRIVED),
                new RiderOnDate(FIRST, RiderStatus.SUBSIDISED),
                new RiderOnDate(FIRST, RiderStatus.NO_SHOW),
                new RiderOnDate(FIRST, RiderStatus.CANCELLED)),
                List.of(new TripOnDate(FIRST, TripStatus.DEPARTED), new TripOnDate(FIRST, TripStatus.PLANNED),
                        new TripOnDate(FIRST, TripStatus.CANCELLED)));

        assertThat(dates).containsExactly(
                new TravelDate(FIRST, 5, 2, 3, 1, 0, 1, 1, 1),
                new TravelDate(SECOND, 1, 0, 0, 0, 1, 0, 0, 0));
    }

    @Test
    void aDateWithOnlyCancelledRidersOrOnlyBusesIsNotListed() {
        assertThat(TravelDates.of(List.of(new RiderOnDate(FIRST, RiderStatus.CANCELLED)),
                List.of(new TripOnDate(SECOND, TripStatus.PLANNED)))).isEmpty();
    }
}
