package org.chunfeng.employment.worker;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chunfeng.contracts.Event;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.SkillLevel;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;
import org.chunfeng.contracts.employment.OfferAccepted;
import org.chunfeng.contracts.employment.OfferDeclined;
import org.chunfeng.contracts.employment.WorkerProfile;
import org.chunfeng.contracts.employment.WorkerRegistered;
import org.chunfeng.contracts.employment.WorkerUpdated;
import org.chunfeng.contracts.employment.WorkerWithdrawn;
import org.chunfeng.contracts.jobs.MatchProposed;
import org.chunfeng.contracts.jobs.PlacementCancelled;
import org.chunfeng.contracts.jobs.PlacementConfirmed;
import org.chunfeng.contracts.transport.FareSubsidyGranted;
import org.chunfeng.contracts.transport.RiderArrived;
import org.chunfeng.contracts.transport.RiderBoarded;
import org.chunfeng.contracts.transport.RiderNoShow;
import org.chunfeng.contracts.transport.SeatAssigned;
import org.chunfeng.contracts.transport.TripCancelled;
import org.chunfeng.kit.error.ConflictException;
import org.chunfeng.kit.error.NotFoundException;

/**
 * The worker: one document holding their record, their offers, their placement and "my bus", and the events
 * waiting to be published about them, so every change and its announcement are one write and a worker's events
 * keep their order.
 *
 * <p>Every method is a guarded transition: given input it has already applied (an event delivered twice), it
 * changes nothing and announces nothing. Commands that cannot apply (an illegal status change, an expired offer)
 * throw a 409 that says why. Nothing here knows about Mongo or Spring; the repository persists the fields.
 */
public class Worker {

    /** The campaign's clock for ages and dates. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private String id;
    private long version;

    private String idHash;
    private String idNumberMasked;
    private LocalDate birthDate;
    private String sex;

    private String name;
    private String phone;
    private String phoneMasked;
    private String householdId;
    private PovertyStatus povertyStatus;
    private List<SpecialGroup> specialGroups;
    private String county;
    private String town;
    private String village;
    private PlaceRef collectionPoint;
    private GeoPoint home;
    private List<SkillLevel> skills;
    private WorkIntent intent;
    private List<String> preferredCities;
    private int minMonthlyWage;
    private LocalDate availableFrom;
    private TravelFitness fitness;
    private LocalDate fitnessCheckedOn;

    private WorkerStatus status;
    private RegistrationChannel channel;
    private String registeredBy;
    private Instant registeredAt;
    private Instant updatedAt;
    private String referenceHash;

    private List<Offer> offers;
    private int declinedOffers;
    private Placement placement;
    private List<String> endedPlacements;
    private Transport transport;
    private List<String> endedTrips;
    private Instant returnedAt;
    private String returnedVia;
    private Instant withdrawnAt;
    private String withdrawnReason;
    private List<StatusChange> history;

    private transient List<Event> pendingEvents;
    private transient boolean changed;

    private Worker() {
    }

    /** A newly registered worker, announced with WorkerRegistered. */
    public static Worker register(String id, NationalId nationalId, String idHash, Details details,
            RegistrationChannel channel, String registeredBy, String referenceHash, Instant now) {
        Worker w = new Worker();
        w.id = id;
        w.idHash = idHash;
        w.idNumberMasked = nationalId.masked();
        w.birthDate = nationalId.birthDate();
        w.sex = nationalId.sex();
        w.apply(details);
        w.status = WorkerStatus.REGISTERED;
        w.channel = channel;
        w.registeredBy = registeredBy;
        w.registeredAt = now;
        w.updatedAt = now;
        w.referenceHash = referenceHash;
        w.offers = new ArrayList<>();
        w.endedPlacements = new ArrayList<>();
        w.endedTrips = new ArrayList<>();
        w.history = new ArrayList<>(List.of(new StatusChange(null, WorkerStatus.REGISTERED, now,
                "registered (" + channel.tag() + ")", "registered", Map.of("channel", channel.name()))));
        w.emit(new WorkerRegistered(id, now, w.profile(now)));
        return w;
    }

    // ---- commands from people ----

    /** Corrects the worker's details; announced with the whole profile in WorkerUpdated. */
    public void update(Details details, Instant now) {
        if (status == WorkerStatus.WITHDRAWN) {
            throw new ConflictException("worker-withdrawn", "A withdrawn worker's record can no longer change",
                    Map.of("status", status.name()));
        }
        if (details.equals(details())) {
            return;
        }
        apply(details);
        updatedAt = now;
        emit(new WorkerUpdated(id, now, profile(now)));
    }

    /** Leaves the campaign; allowed at any time before departure. */
    public void withdraw(String reason, Instant now) {
        if (transport != null && transport.boardedAt() != null) {
            throw new ConflictException("already-departed",
                    "The worker boarded trip " + transport.tripId() + " and can no longer withdraw",
                    Map.of("from", status.name(), "to", WorkerStatus.WITHDRAWN.name()));
        }
        move(WorkerStatus.WITHDRAWN, now, StatusChange.Cause.of("withdrawn", "withdrawn: " + reason, "reason", reason));
        withdrawnAt = now;
        withdrawnReason = reason;
        emit(new WorkerWithdrawn(id, now, reason));
    }

    /** Accepts an open offer: an employment intention, which jobs-service confirms as a placement. */
    public void accept(String offerId, Instant now) {
        Offer offer = answerable(offerId, now);
        replace(offer.to(OfferState.ACCEPTED, now, null));
        emit(new OfferAccepted(offerId, id, offer.jobId(), now));
    }

    public void decline(String offerId, String reason, Instant now) {
        Offer offer = answerable(offerId, now);
        replace(offer.to(OfferState.DECLINED, now, reason));
        declinedOffers++;
        emit(new OfferDeclined(offerId, id, offer.jobId(), now, reason));
        backToRegisteredIfNoLiveOffer(now, StatusChange.Cause.of("declined", "declined offer " + offerId, "offerId",
                offerId));
    }

    /** The labour office saw a self-travelling worker (local job or fare subsidy) start work. */
    public void recordFirstDay(LocalDate day, Instant now) {
        if (status == WorkerStatus.RETURNED_TO_WORK) {
            return;
        }
        move(WorkerStatus.RETURNED_TO_WORK, now, StatusChange.Cause.of("firstDay",
                "first day " + day + " recorded by the labour office", "day", day.toString()));
        returnedAt = now;
        returnedVia = "first day " + day + " recorded by the labour office";
    }

    /** A new self-registration reference; the old one stops working. */
    public void replaceReference(String newReferenceHash, Instant now) {
        referenceHash = newReferenceHash;
        updatedAt = now;
        changed = true;
    }

    // ---- events from jobs-service ----

    /** A new offer. Ignored if already known, or if the worker is past the point of taking offers. */
    public boolean propose(MatchProposed m, Instant now) {
        if (offer(m.matchId()).isPresent()) {
            return false;
        }
        if (status != WorkerStatus.REGISTERED && status != WorkerStatus.OFFERED) {
            return false;
        }
        offers.add(Offer.from(m));
        changed = true;
        if (status == WorkerStatus.REGISTERED) {
            move(WorkerStatus.OFFERED, now, StatusChange.Cause.of("offered", "offered job " + m.jobId(), "jobId",
                    m.jobId()));
        }
        return true;
    }

    /**
     * The offer ran out (or was taken back). An offer the worker had already accepted stays accepted: jobs-service
     * answers that acceptance with PlacementConfirmed or PlacementCancelled.
     */
    public void endOffer(String matchId, OfferState ending, String why, Instant now) {
        Optional<Offer> offer = offer(matchId);
        if (offer.isEmpty() || offer.get().state() != OfferState.OPEN) {
            return;
        }
        replace(offer.get().to(ending, now, why));
        backToRegisteredIfNoLiveOffer(now, StatusChange.Cause.of("offerEnded",
                "offer " + matchId + " " + ending.name().toLowerCase(), "offerId", matchId, "ending", ending.name()));
    }

    public void confirmPlacement(PlacementConfirmed p, Instant now) {
        if (placement != null && placement.placementId().equals(p.placementId())
                || endedPlacements.contains(p.placementId())) {
            return;
        }
        if (status != WorkerStatus.OFFERED && status != WorkerStatus.REGISTERED) {
            return;
        }
        offer(p.matchId()).ifPresent(o -> replace(o.to(OfferState.CONFIRMED, p.confirmedAt(), null)));
        placement = Placement.from(p);
        move(WorkerStatus.INTENT_AGREED, now, StatusChange.Cause.of("placementConfirmed",
                "placement " + p.placementId() + " confirmed", "placementId", p.placementId()));
        if (p.local()) {
            transport = Transport.self(placement, now);
            move(WorkerStatus.TRANSPORT_ARRANGED, now, StatusChange.Cause.of("localJob",
                    "local job: travels by themselves"));
        }
    }

    /**
     * The placement is off (or jobs-service could not honour an acceptance): the worker waits for a new match.
     */
    public void cancelPlacement(PlacementCancelled p, Instant now) {
        if (endedPlacements.contains(p.placementId())) {
            return;
        }
        if (placement != null && placement.placementId().equals(p.placementId())) {
            endedPlacements.add(p.placementId());
            offer(placement.offerId()).ifPresent(o -> replace(o.to(OfferState.CANCELLED, now, p.reason())));
            placement = null;
            transport = null;
            changed = true;
            if (status == WorkerStatus.INTENT_AGREED || status == WorkerStatus.TRANSPORT_ARRANGED) {
                move(WorkerStatus.REGISTERED, now, StatusChange.Cause.of("placementCancelled",
                        "placement " + p.placementId() + " cancelled: " + p.reason(), "placementId",
                        p.placementId(), "reason", p.reason()));
            }
            return;
        }
        // No placement under that id: the acceptance of an offer for this job was refused.
        Optional<Offer> accepted = offers.stream()
                .filter(o -> o.state() == OfferState.ACCEPTED && o.jobId().equals(p.jobId())).findFirst();
        if (accepted.isPresent()) {
            endedPlacements.add(p.placementId());
            replace(accepted.get().to(OfferState.CANCELLED, now, p.reason()));
            backToRegisteredIfNoLiveOffer(now, StatusChange.Cause.of("acceptanceRefused",
                    "acceptance of offer " + accepted.get().offerId() + " refused", "offerId",
                    accepted.get().offerId()));
        }
    }

    // ---- events from transport-service ----

    public void assignSeat(SeatAssigned s, Instant now) {
        if (!isCurrentPlacement(s.placementId()) || endedTrips.contains(s.tripId())
                || transport != null && s.tripId().equals(transport.tripId())) {
            return;
        }
        if (transport != null && transport.tripId() != null) {
            endedTrips.add(transport.tripId());
        }
        if (s.replacesTripId() != null && !endedTrips.contains(s.replacesTripId())) {
            endedTrips.add(s.replacesTripId());
        }
        transport = Transport.seat(s);
        changed = true;
        if (status == WorkerStatus.INTENT_AGREED) {
            move(WorkerStatus.TRANSPORT_ARRANGED, now, StatusChange.Cause.of("seated",
                    "seat " + s.seatNumber() + " on trip " + s.tripId(), "seat", String.valueOf(s.seatNumber()),
                    "tripId", s.tripId()));
        }
    }

    public void grantSubsidy(FareSubsidyGranted f, Instant now) {
        if (!isCurrentPlacement(f.placementId())
                || transport != null && f.subsidyId().equals(transport.subsidyId())) {
            return;
        }
        if (transport != null && transport.tripId() != null) {
            endedTrips.add(transport.tripId());
        }
        transport = Transport.subsidy(f);
        changed = true;
        if (status == WorkerStatus.INTENT_AGREED) {
            move(WorkerStatus.TRANSPORT_ARRANGED, now, StatusChange.Cause.of("subsidised",
                    "fare subsidy " + f.subsidyId(), "subsidyId", f.subsidyId()));
        }
    }

    public void cancelTrip(TripCancelled t, Instant now) {
        if (transport == null || !t.tripId().equals(transport.tripId())
                || status != WorkerStatus.TRANSPORT_ARRANGED) {
            return;
        }
        endedTrips.add(t.tripId());
        transport = null;
        move(WorkerStatus.INTENT_AGREED, now, StatusChange.Cause.of("tripCancelled",
                "trip " + t.tripId() + " cancelled: " + t.reason(), "tripId", t.tripId(), "reason", t.reason()));
    }

    public void board(RiderBoarded b) {
        if (transport == null || !b.tripId().equals(transport.tripId()) || transport.boardedAt() != null
                || status != WorkerStatus.TRANSPORT_ARRANGED) {
            return;
        }
        transport = transport.boarded(b.boardedAt());
        changed = true;
    }

    /** Missing the bus leaves the worker's status as it was; the at-risk list shows them for a follow-up call. */
    public void missBus(RiderNoShow n) {
        if (transport == null || !n.tripId().equals(transport.tripId()) || transport.boardedAt() != null
                || transport.missedAt() != null || status != WorkerStatus.TRANSPORT_ARRANGED) {
            return;
        }
        transport = transport.missed(n.recordedAt());
        changed = true;
    }

    /** The travel date of the bus the worker did not turn up for, while that is still their transport. */
    public LocalDate missedBusOn() {
        return transport != null && transport.missedAt() != null && status == WorkerStatus.TRANSPORT_ARRANGED
                ? transport.travelDate() : null;
    }

    public void arrive(RiderArrived a, Instant now) {
        if (status != WorkerStatus.TRANSPORT_ARRANGED || !isCurrentPlacement(a.placementId())) {
            return;
        }
        move(WorkerStatus.RETURNED_TO_WORK, now, StatusChange.Cause.of("arrived", "arrived at " + a.siteName(),
                "site", a.siteName()));
        returnedAt = a.arrivedAt();
        returnedVia = "arrived at " + a.siteName() + " on trip " + a.tripId();
    }

    // ---- reading ----

    /** What other services may know: the masked ID and phone only. */
    public WorkerProfile profile(Instant now) {
        return new WorkerProfile(name, idNumberMasked, phoneMasked, ageOn(now), sex, householdId, povertyStatus,
                List.copyOf(specialGroups), county, town, village,
                collectionPoint == null ? null : collectionPoint.toPlace(), home, List.copyOf(skills), intent,
                List.copyOf(preferredCities), minMonthlyWage, availableFrom, fitness, fitnessCheckedOn);
    }

    public Details details() {
        return new Details(name, phone, householdId, povertyStatus, specialGroups, county, town, village,
                collectionPoint, home, skills, intent, preferredCities, minMonthlyWage, availableFrom, fitness,
                fitnessCheckedOn);
    }

    public int ageOn(Instant now) {
        return java.time.Period.between(birthDate, LocalDate.ofInstant(now, ZONE)).getYears();
    }

    public Optional<Offer> offer(String offerId) {
        return offers.stream().filter(o -> o.offerId().equals(offerId)).findFirst();
    }

    public boolean hasAcceptedOffer() {
        return status.isPlaced() || offers.stream().anyMatch(o -> o.state() == OfferState.ACCEPTED
                || o.state() == OfferState.CONFIRMED);
    }

    // ---- persistence support ----

    /** Events produced since the last save, in order. */
    public List<Event> pendingEvents() {
        return pendingEvents == null ? List.of() : List.copyOf(pendingEvents);
    }

    /**
     * Hands the pending events to the repository for the outbox and forgets them, so they are not mapped as part
     * of the worker's own fields.
     */
    public List<Event> takeEvents() {
        List<Event> events = pendingEvents();
        pendingEvents = null;
        return events;
    }

    /** True when a command or event changed something that must be written. */
    public boolean isChanged() {
        return changed;
    }

    /** Called by the repository once the write succeeded. */
    public void saved() {
        version++;
        changed = false;
        pendingEvents = null;
    }

    // ---- internals ----

    private Offer answerable(String offerId, Instant now) {
        Offer offer = offer(offerId).orElseThrow(() -> new NotFoundException("Offer", offerId));
        if (offer.state() != OfferState.OPEN) {
            throw new ConflictException("offer-" + offer.state().name().toLowerCase(),
                    "Offer " + offerId + " is " + offer.state() + " and can no longer be answered",
                    Map.of("offerState", offer.state().name()));
        }
        if (offer.isPastExpiry(now)) {
            throw new ConflictException("offer-expired", "Offer " + offerId + " expired at " + offer.expiresAt(),
                    Map.of("offerState", OfferState.EXPIRED.name(), "expiresAt", offer.expiresAt().toString()));
        }
        if (status != WorkerStatus.OFFERED) {
            throw new ConflictException("illegal-transition",
                    "A worker who is " + status + " cannot answer an offer",
                    Map.of("from", status.name()));
        }
        return offer;
    }

    private void backToRegisteredIfNoLiveOffer(Instant now, StatusChange.Cause cause) {
        if (status == WorkerStatus.OFFERED && offers.stream().noneMatch(o -> o.state().isLive())) {
            move(WorkerStatus.REGISTERED, now, cause);
        }
    }

    private boolean isCurrentPlacement(String placementId) {
        return placement != null && (placementId == null || placement.placementId().equals(placementId))
                && (status == WorkerStatus.INTENT_AGREED || status == WorkerStatus.TRANSPORT_ARRANGED);
    }

    private void move(WorkerStatus target, Instant now, StatusChange.Cause cause) {
        WorkerStatus from = status;
        status = status.moveTo(target);
        history.add(new StatusChange(from, target, now, cause.text(), cause.code(), cause.args()));
        updatedAt = now;
        changed = true;
    }

    private void replace(Offer offer) {
        offers.replaceAll(o -> o.offerId().equals(offer.offerId()) ? offer : o);
        changed = true;
    }

    private void apply(Details d) {
        name = d.name();
        phone = d.phone();
        phoneMasked = Phone.mask(d.phone());
        householdId = d.householdId();
        povertyStatus = d.povertyStatus();
        specialGroups = new ArrayList<>(d.specialGroups());
        county = d.county();
        town = d.town();
        village = d.village();
        collectionPoint = d.collectionPoint();
        home = d.home();
        skills = new ArrayList<>(d.skills());
        intent = d.intent();
        preferredCities = new ArrayList<>(d.preferredCities());
        minMonthlyWage = d.minMonthlyWage();
        availableFrom = d.availableFrom();
        fitness = d.fitness();
        fitnessCheckedOn = d.fitnessCheckedOn();
        changed = true;
    }

    private void emit(Event event) {
        if (pendingEvents == null) {
            pendingEvents = new ArrayList<>();
        }
        pendingEvents.add(event);
        changed = true;
    }

    // ---- getters ----

    public String id() { return id; }
    public long version() { return version; }
    public String idHash() { return idHash; }
    public String idNumberMasked() { return idNumberMasked; }
    public LocalDate birthDate() { return birthDate; }
    public String sex() { return sex; }
    public String name() { return name; }
    public String phone() { return phone; }
    public String phoneMasked() { return phoneMasked; }
    public String householdId() { return householdId; }
    public PovertyStatus povertyStatus() { return povertyStatus; }
    public List<SpecialGroup> specialGroups() { return List.copyOf(specialGroups); }
    public String county() { return county; }
    public String town() { return town; }
    public String village() { return village; }
    public PlaceRef collectionPoint() { return collectionPoint; }
    public GeoPoint home() { return home; }
    public List<SkillLevel> skills() { return List.copyOf(skills); }
    public WorkIntent intent() { return intent; }
    public List<String> preferredCities() { return List.copyOf(preferredCities); }
    public int minMonthlyWage() { return minMonthlyWage; }
    public LocalDate availableFrom() { return availableFrom; }
    public TravelFitness fitness() { return fitness; }
    public LocalDate fitnessCheckedOn() { return fitnessCheckedOn; }
    public WorkerStatus status() { return status; }
    public RegistrationChannel channel() { return channel; }
    public String registeredBy() { return registeredBy; }
    public Instant registeredAt() { return registeredAt; }
    public Instant updatedAt() { return updatedAt; }
    public String referenceHash() { return referenceHash; }
    public List<Offer> offers() { return List.copyOf(offers); }
    public int declinedOffers() { return declinedOffers; }
    public Placement placement() { return placement; }
    public Transport transport() { return transport; }
    public Instant returnedAt() { return returnedAt; }
    public String returnedVia() { return returnedVia; }
    public Instant withdrawnAt() { return withdrawnAt; }
    public String withdrawnReason() { return withdrawnReason; }
    public List<StatusChange> history() { return List.copyOf(history); }

    @Override
    public String toString() {
        return "Worker[" + id + ", " + status + "]";
    }
}
