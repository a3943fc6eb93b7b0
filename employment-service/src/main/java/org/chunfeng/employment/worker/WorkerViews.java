package org.chunfeng.employment.worker;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Place;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.SkillLevel;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;
import org.chunfeng.contracts.jobs.ScoreComponent;

/** What the API shows of a worker. The ID number only ever appears masked; the phone as the caller may see it. */
public final class WorkerViews {

    private WorkerViews() {
    }

    @Schema(description = "A worker's record. phone is whole only for the labour office and the worker themselves.")
    public record WorkerView(
            String workerId, String name, String idNumberMasked, String phone, String phoneMasked, int age,
            String sex, String householdId, PovertyStatus povertyStatus, List<SpecialGroup> specialGroups,
            String county, String town, String village, Place collectionPoint, GeoPoint home,
            List<SkillLevel> skills, WorkIntent intent, List<String> preferredCities, int minMonthlyWage,
            LocalDate availableFrom, TravelFitness fitness, LocalDate fitnessCheckedOn, WorkerStatus status,
            List<WorkerStatus> nextStatuses, RegistrationChannel channel, Instant registeredAt, Instant updatedAt,
            List<OfferView> offers, int declinedOffers, PlacementView placement,
            @Schema(description = "My bus: the seat, or the fare subsidy, or travelling by themselves")
            TransportView transport, Instant returnedAt, String returnedVia, Instant withdrawnAt,
            String withdrawnReason, List<StatusChange> history) {
    }

    @Schema(description = "A worker in a list: phone always masked")
    public record WorkerRow(String workerId, String name, String idNumberMasked, String phoneMasked, int age,
            String sex, String householdId, PovertyStatus povertyStatus, List<SpecialGroup> specialGroups,
            String town, String village, WorkerStatus status, Instant registeredAt) {
    }

    @Schema(description = "An offer as the worker sees it; state EXPIRED once past expiresAt even before "
            + "jobs-service says so")
    public record OfferView(String offerId, String jobId, String jobTitle, String employerName, Place site,
            int monthlyWage, LocalDate startDate, boolean accommodation, double score, List<ScoreComponent> reasons,
            Instant proposedAt, Instant expiresAt, OfferState state, Instant answeredAt, String note) {
    }

    public record PlacementView(String placementId, String offerId, String jobId, String employerName, Place site,
            LocalDate startDate, boolean local, Instant confirmedAt) {
    }

    public record TransportView(TransportKind kind, String tripId, LocalDate travelDate, String plate,
            Integer seatNumber, Place pickupPoint, Instant pickupTime, Place destination, String driverName,
            String driverPhone, String subsidyId, String amountYuan, Double distanceKm, String reason,
            Instant arrangedAt, Instant boardedAt, Instant missedAt) {
    }

    public static WorkerView view(Worker w, boolean wholePhone, Instant now) {
        return new WorkerView(w.id(), w.name(), w.idNumberMasked(), wholePhone ? w.phone() : w.phoneMasked(),
                w.phoneMasked(), w.ageOn(now), w.sex(), w.householdId(), w.povertyStatus(), w.specialGroups(),
                w.county(), w.town(), w.village(), place(w.collectionPoint()), w.home(), w.skills(), w.intent(),
                w.preferredCities(), w.minMonthlyWage(), w.availableFrom(), w.fitness(), w.fitnessCheckedOn(),
                w.status(), List.copyOf(w.status().next()), w.channel(), w.registeredAt(), w.updatedAt(),
                w.offers().stream().map(o -> offer(o, now)).toList(), w.declinedOffers(), placement(w.placement()),
                transport(w.transport()), w.returnedAt(), w.returnedVia(), w.withdrawnAt(), w.withdrawnReason(),
                w.history());
    }

    public static WorkerRow row(Worker w, Instant now) {
        return new WorkerRow(w.id(), w.name(), w.idNumberMasked(), w.phoneMasked(), w.ageOn(now), w.sex(),
                w.householdId(), w.povertyStatus(), w.specialGroups(), w.town(), w.village(), w.status(),
                w.registeredAt());
    }

    public static OfferView offer(Offer o, Instant now) {
        OfferState state = o.state() == OfferState.OPEN && o.isPastExpiry(now) ? OfferState.EXPIRED : o.state();
        return new OfferView(o.offerId(), o.jobId(), o.jobTitle(), o.employerName(), place(o.site()),
                o.monthlyWage(), o.startDate(), o.accommodation(), o.score(), o.reasons(), o.proposedAt(),
                o.expiresAt(), state, o.answeredAt(), o.note());
    }

    private static PlacementView placement(Placement p) {
        return p == null ? null : new PlacementView(p.placementId(), p.offerId(), p.jobId(), p.employerName(),
                place(p.site()), p.startDate(), p.local(), p.confirmedAt());
    }

    private static TransportView transport(Transport t) {
        return t == null ? null : new TransportView(t.kind(), t.tripId(), t.travelDate(), t.plate(),
                t.seatNumber(), place(t.pickupPoint()), t.pickupTime(), place(t.destination()), t.driverName(),
                t.driverPhone(), t.subsidyId(), t.amountYuan(), t.distanceKm(), t.reason(), t.arrangedAt(),
                t.boardedAt(), t.missedAt());
    }

    private static Place place(PlaceRef p) {
        return p == null ? null : p.toPlace();
    }
}
