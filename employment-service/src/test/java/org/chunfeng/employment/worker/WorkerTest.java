package org.chunfeng.employment.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Place;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;
import org.chunfeng.contracts.employment.OfferAccepted;
import org.chunfeng.contracts.employment.OfferDeclined;
import org.chunfeng.contracts.employment.WorkerRegistered;
import org.chunfeng.contracts.jobs.MatchProposed;
import org.chunfeng.contracts.jobs.PlacementCancelled;
import org.chunfeng.contracts.jobs.PlacementConfirmed;
import org.chunfeng.contracts.transport.FareSubsidyGranted;
import org.chunfeng.contracts.transport.RiderArrived;
import org.chunfeng.contracts.transport.RiderBoarded;
import org.chunfeng.contracts.transport.SeatAssigned;
import org.chunfeng.contracts.transport.TripCancelled;
import org.chunfeng.kit.error.ConflictException;
import org.junit.jupiter.api.Test;

/** The worker's guarded transitions, without Spring or Mongo. */
class WorkerTest {

    static final Instant NOW = Instant.parse("2026-02-15T02:00:00Z");
    static final Place SITE = new Place("site-1", "合肥电子厂", "合肥", new GeoPoint(31.82, 117.22));

    static Worker registered() {
        NationalId id = NationalId.parse(NationalIdTest.idFor("19850612", "013"), LocalDate.of(2026, 2, 15));
        Details d = new Details("王强", "13800001234", "H-1", PovertyStatus.POOR, List.of(), "利辛县", "程家集镇",
                "李楼村", new PlaceRef("cp-1", "村委会", "利辛县", new GeoPoint(33.14, 116.21)),
                new GeoPoint(33.14, 116.21), List.of(), WorkIntent.EITHER, List.of(), 3000, LocalDate.of(2026, 2, 20),
                TravelFitness.GREEN, LocalDate.of(2026, 2, 10));
        Worker w = Worker.register("w-1", id, "hash", d, RegistrationChannel.OFFICE, "clerk", null, NOW);
        w.saved();
        return w;
    }

    static MatchProposed match(String matchId, Instant expiresAt) {
        return new MatchProposed(matchId, "w-1", "job-" + matchId, "装配工", "合肥电子厂", EmployerKind.ENTERPRISE,
                SITE, 4500, LocalDate.of(2026, 2, 24), true, 0.8, List.of(), NOW, expiresAt);
    }

    static PlacementConfirmed placement(String matchId, boolean local) {
        return new PlacementConfirmed("p-" + matchId, matchId, "w-1", "job-" + matchId, "e-1", "合肥电子厂", "王强",
                "138****1234", TravelFitness.GREEN, "程家集镇", "李楼村", null, SITE, LocalDate.of(2026, 2, 24), local,
                NOW);
    }

    static SeatAssigned seat(String tripId, String placementId, String replaces) {
        return new SeatAssigned("w-1", placementId, tripId, LocalDate.of(2026, 2, 23), "皖K12345", 7, SITE,
                NOW.plus(1, ChronoUnit.DAYS), SITE, "李师傅", "13900001111", replaces, NOW);
    }

    @Test
    void registeringAnnouncesTheMaskedProfileOnly() {
        NationalId id = NationalId.parse(NationalIdTest.idFor("19850612", "013"), LocalDate.of(2026, 2, 15));
        Worker w = Worker.register("w-1", id, "hash", registered().details(), RegistrationChannel.SELF, "self",
                "ref", NOW);
        assertThat(w.pendingEvents()).singleElement().isInstanceOfSatisfying(WorkerRegistered.class, e -> {
            assertThat(e.profile().idNumberMasked()).isEqualTo(id.masked());
            assertThat(e.profile().phoneMasked()).isEqualTo("138****1234");
            assertThat(e.profile().age()).isEqualTo(40);
            assertThat(e.profile().sex()).isEqualTo("M");
        });
    }

    @Test
    void anOfferRecordedTwiceIsRecordedOnce() {
        Worker w = registered();
        assertThat(w.propose(match("m1", NOW.plusSeconds(3600)), NOW)).isTrue();
        assertThat(w.status()).isEqualTo(WorkerStatus.OFFERED);
        w.saved();
        assertThat(w.propose(match("m1", NOW.plusSeconds(3600)), NOW)).isFalse();
        assertThat(w.isChanged()).isFalse();
        assertThat(w.offers()).hasSize(1);
    }

    @Test
    void acceptingTwiceOrAfterExpiryIsAConflict() {
        Worker w = registered();
        w.propose(match("m1", NOW.plusSeconds(3600)), NOW);
        w.accept("m1", NOW);
        assertThat(w.pendingEvents()).last().isInstanceOf(OfferAccepted.class);
        assertThat(w.status()).isEqualTo(WorkerStatus.OFFERED);
        assertThatThrownBy(() -> w.accept("m1", NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("ACCEPTED");

        Worker late = registered();
        late.propose(match("m2", NOW.minusSeconds(1)), NOW);
        assertThatThrownBy(() -> late.accept("m2", NOW)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("offer-expired"));
    }

    @Test
    void decliningCountsAndGoesBackToRegistered() {
        Worker w = registered();
        w.propose(match("m1", NOW.plusSeconds(3600)), NOW);
        w.decline("m1", "太远", NOW);
        assertThat(w.pendingEvents()).last().isInstanceOfSatisfying(OfferDeclined.class,
                e -> assertThat(e.reason()).isEqualTo("太远"));
        assertThat(w.status()).isEqualTo(WorkerStatus.REGISTERED);
        assertThat(w.declinedOffers()).isEqualTo(1);
    }

    @Test
    void anExpiryLeavesAnAcceptedOfferForJobsToDecide() {
        Worker w = registered();
        w.propose(match("m1", NOW.plusSeconds(3600)), NOW);
        w.accept("m1", NOW);
        w.saved();
        w.endOffer("m1", OfferState.EXPIRED, "expired", NOW);
        assertThat(w.isChanged()).isFalse();
        w.cancelPlacement(new PlacementCancelled("p-x", "w-1", "job-m1", "no opening left", NOW), NOW);
        assertThat(w.status()).isEqualTo(WorkerStatus.REGISTERED);
        assertThat(w.offer("m1")).hasValueSatisfying(o -> assertThat(o.state()).isEqualTo(OfferState.CANCELLED));
    }

    @Test
    void theWholeWayToWorkOnABusWithEveryStepGuarded() {
        Worker w = registered();
        w.propose(match("m1", NOW.plusSeconds(3600)), NOW);
        w.accept("m1", NOW);
        w.confirmPlacement(placement("m1", false), NOW);
        assertThat(w.status()).isEqualTo(WorkerStatus.INTENT_AGREED);
        w.saved();
        w.confirmPlacement(placement("m1", false), NOW);
        assertThat(w.isChanged()).isFalse();

        w.assignSeat(seat("t1", "p-m1", null), NOW);
        assertThat(w.status()).isEqualTo(WorkerStatus.TRANSPORT_ARRANGED);
        w.assignSeat(seat("t2", "p-m1", "t1"), NOW);
        assertThat(w.transport().tripId()).isEqualTo("t2");
        w.saved();
        w.assignSeat(seat("t1", "p-m1", null), NOW);
        assertThat(w.isChanged()).as("a replaced trip does not come back").isFalse();

        w.board(new RiderBoarded("t2", "w-1", "p-m1", NOW));
        assertThat(w.transport().boardedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> w.withdraw("changed mind", NOW)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("already-departed"));

        w.arrive(new RiderArrived("t2", "w-1", "p-m1", "合肥电子厂", NOW), NOW);
        assertThat(w.status()).isEqualTo(WorkerStatus.RETURNED_TO_WORK);
        w.saved();
        w.arrive(new RiderArrived("t2", "w-1", "p-m1", "合肥电子厂", NOW), NOW);
        assertThat(w.isChanged()).isFalse();
    }

    @Test
    void aCancelledTripWaitsForANewSeatOrASubsidy() {
        Worker w = registered();
        w.propose(match("m1", NOW.plusSeconds(3600)), NOW);
        w.accept("m1", NOW);
        w.confirmPlacement(placement("m1", false), NOW);
        w.assignSeat(seat("t1", "p-m1", null), NOW);
        w.cancelTrip(new TripCancelled("t1", "w-1", "p-m1", "bus broke down", NOW), NOW);
        assertThat(w.status()).isEqualTo(WorkerStatus.INTENT_AGREED);
        assertThat(w.transport()).isNull();
        w.grantSubsidy(new FareSubsidyGranted("s1", "w-1", "p-m1", new BigDecimal("86.50"), 210.5, "no bus",
                NOW), NOW);
        assertThat(w.status()).isEqualTo(WorkerStatus.TRANSPORT_ARRANGED);
        assertThat(w.transport().kind()).isEqualTo(TransportKind.FARE_SUBSIDY);
        assertThat(w.transport().amountYuan()).isEqualTo("86.50");
    }

    @Test
    void aLocalPlacementNeedsNoBusAndTheOfficeRecordsTheFirstDay() {
        Worker w = registered();
        w.propose(match("m1", NOW.plusSeconds(3600)), NOW);
        w.accept("m1", NOW);
        w.confirmPlacement(placement("m1", true), NOW);
        assertThat(w.status()).isEqualTo(WorkerStatus.TRANSPORT_ARRANGED);
        assertThat(w.transport().kind()).isEqualTo(TransportKind.SELF);
        w.recordFirstDay(LocalDate.of(2026, 2, 24), NOW);
        assertThat(w.status()).isEqualTo(WorkerStatus.RETURNED_TO_WORK);
        assertThat(w.history()).extracting(StatusChange::to).containsExactly(WorkerStatus.REGISTERED,
                WorkerStatus.OFFERED, WorkerStatus.INTENT_AGREED, WorkerStatus.TRANSPORT_ARRANGED,
                WorkerStatus.RETURNED_TO_WORK);
        // Each line says why with a code and its values, for the pages to say in their reader's language.
        assertThat(w.history()).extracting(StatusChange::code).containsExactly("registered", "offered",
                "placementConfirmed", "localJob", "firstDay");
        assertThat(w.history().get(4).args()).containsEntry("day", "2026-02-24");
        assertThat(w.history().get(4).cause()).contains("first day 2026-02-24");
    }

    @Test
    void theFirstDayCannotComeBeforeTransport() {
        Worker w = registered();
        assertThatThrownBy(() -> w.recordFirstDay(LocalDate.of(2026, 2, 24), NOW))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.getMessage()).contains("REGISTERED").contains("RETURNED_TO_WORK"));
    }
}
