package org.chunfeng.contracts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.chunfeng.contracts.employment.OfferAccepted;
import org.chunfeng.contracts.employment.OfferDeclined;
import org.chunfeng.contracts.employment.WorkerRegistered;
import org.chunfeng.contracts.employment.WorkerUpdated;
import org.chunfeng.contracts.employment.WorkerWithdrawn;
import org.chunfeng.contracts.jobs.JobClosed;
import org.chunfeng.contracts.jobs.JobPosted;
import org.chunfeng.contracts.jobs.JobUpdated;
import org.chunfeng.contracts.jobs.MatchExpired;
import org.chunfeng.contracts.jobs.MatchProposed;
import org.chunfeng.contracts.jobs.MatchWithdrawn;
import org.chunfeng.contracts.jobs.PlacementCancelled;
import org.chunfeng.contracts.jobs.PlacementConfirmed;
import org.chunfeng.contracts.transport.FareSubsidyGranted;
import org.chunfeng.contracts.transport.RiderArrived;
import org.chunfeng.contracts.transport.RiderBoarded;
import org.chunfeng.contracts.transport.RiderNoShow;
import org.chunfeng.contracts.transport.SeatAssigned;
import org.chunfeng.contracts.transport.TripCancelled;

/**
 * The catalogue of events: each one's topic and payload record. The CloudEvents type is derived, for example
 * {@code org.chunfeng.employment.WorkerRegistered.v1}; a new payload version would be a new entry ending in v2.
 */
public enum EventType {
    WORKER_REGISTERED(Topic.EMPLOYMENT_WORKERS, WorkerRegistered.class),
    WORKER_UPDATED(Topic.EMPLOYMENT_WORKERS, WorkerUpdated.class),
    WORKER_WITHDRAWN(Topic.EMPLOYMENT_WORKERS, WorkerWithdrawn.class),
    OFFER_ACCEPTED(Topic.EMPLOYMENT_OFFERS, OfferAccepted.class),
    OFFER_DECLINED(Topic.EMPLOYMENT_OFFERS, OfferDeclined.class),
    JOB_POSTED(Topic.JOBS_POSTINGS, JobPosted.class),
    JOB_UPDATED(Topic.JOBS_POSTINGS, JobUpdated.class),
    JOB_CLOSED(Topic.JOBS_POSTINGS, JobClosed.class),
    MATCH_PROPOSED(Topic.JOBS_MATCHES, MatchProposed.class),
    MATCH_EXPIRED(Topic.JOBS_MATCHES, MatchExpired.class),
    MATCH_WITHDRAWN(Topic.JOBS_MATCHES, MatchWithdrawn.class),
    PLACEMENT_CONFIRMED(Topic.JOBS_PLACEMENTS, PlacementConfirmed.class),
    PLACEMENT_CANCELLED(Topic.JOBS_PLACEMENTS, PlacementCancelled.class),
    SEAT_ASSIGNED(Topic.TRANSPORT_TRIPS, SeatAssigned.class),
    FARE_SUBSIDY_GRANTED(Topic.TRANSPORT_TRIPS, FareSubsidyGranted.class),
    RIDER_BOARDED(Topic.TRANSPORT_TRIPS, RiderBoarded.class),
    RIDER_ARRIVED(Topic.TRANSPORT_TRIPS, RiderArrived.class),
    RIDER_NO_SHOW(Topic.TRANSPORT_TRIPS, RiderNoShow.class),
    TRIP_CANCELLED(Topic.TRANSPORT_TRIPS, TripCancelled.class);

    public static final String VERSION = "v1";

    private final Topic topic;
    private final Class<? extends Event> payloadType;
    private final String ceType;

    EventType(Topic topic, Class<? extends Event> payloadType) {
        this.topic = topic;
        this.payloadType = payloadType;
        this.ceType = "org.chunfeng." + topic.producer() + "." + payloadType.getSimpleName() + "." + VERSION;
    }

    public Topic topic() {
        return topic;
    }

    public Class<? extends Event> payloadType() {
        return payloadType;
    }

    /** The value of the {@code ce_type} header. */
    public String ceType() {
        return ceType;
    }

    /** The event's short name, such as WorkerRegistered: the JSON Schema and AsyncAPI message are named so. */
    public String eventName() {
        return payloadType.getSimpleName();
    }

    public static Optional<EventType> byCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    public static EventType of(Class<? extends Event> payloadType) {
        return Arrays.stream(values()).filter(t -> t.payloadType == payloadType).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a catalogued event: " + payloadType.getName()));
    }

    public static EventType of(Event event) {
        return of(event.getClass());
    }

    public static List<EventType> on(Topic topic) {
        return Arrays.stream(values()).filter(t -> t.topic == topic).toList();
    }
}
