package org.chunfeng.employment;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.chunfeng.contracts.Event;
import org.chunfeng.contracts.EventType;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Place;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.jobs.MatchProposed;
import org.chunfeng.contracts.jobs.PlacementConfirmed;
import org.chunfeng.contracts.jobs.ScoreComponent;
import org.chunfeng.contracts.transport.FareSubsidyGranted;
import org.chunfeng.contracts.transport.SeatAssigned;
import org.chunfeng.employment.worker.WorkerRepository;
import org.chunfeng.kit.inbox.Inbox;
import org.chunfeng.kit.testing.EventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Moves a worker through the campaign with the events other services would publish, waiting for each. */
public final class Journey {

    public static final Place SITE = new Place("site-hf-1", "合肥电子厂", "合肥", new GeoPoint(31.82, 117.22));
    public static final Place PICKUP = new Place("cp-x", "李楼村村委会", "利辛县", new GeoPoint(33.14, 116.21));

    private final EventPublisher publisher;
    private final MongoTemplate mongo;

    public Journey(EventPublisher publisher, MongoTemplate mongo) {
        this.publisher = publisher;
        this.mongo = mongo;
    }

    /** Publishes with a fresh event id and waits until employment-service has processed it. */
    public String deliver(Event event) {
        String id = publisher.publish(event);
        awaitProcessed(event, id);
        return id;
    }

    public void awaitProcessed(Event event, String eventId) {
        String consumer = switch (EventType.of(event).topic()) {
            case JOBS_MATCHES -> "employment.matches";
            case JOBS_PLACEMENTS -> "employment.placements";
            case TRANSPORT_TRIPS -> "employment.trips";
            default -> throw new IllegalArgumentException(EventType.of(event) + " is not consumed here");
        };
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection(Inbox.COLLECTION)
                .find(new Document("_id", consumer + "/" + eventId)).first() != null);
    }

    public Document stored(String workerId) {
        return mongo.getCollection(WorkerRepository.COLLECTION).find(new Document("_id", workerId)).first();
    }

    public long version(String workerId) {
        return ((Number) stored(workerId).get("version")).longValue();
    }

    public static MatchProposed match(String workerId, Instant expiresAt) {
        String matchId = "m-" + UUID.randomUUID();
        Instant now = Instant.now();
        return new MatchProposed(matchId, workerId, "job-" + matchId, "电子装配工", "合肥电子厂",
                EmployerKind.ENTERPRISE, SITE, 4800, LocalDate.now().plusDays(9), true, 0.87,
                List.of(new ScoreComponent("skills", 0.4, "技能匹配：电子装配", "Skill match: electronics assembly")),
                now, expiresAt);
    }

    public static MatchProposed match(String workerId) {
        return match(workerId, Instant.now().plus(72, ChronoUnit.HOURS));
    }

    public static PlacementConfirmed placement(MatchProposed m, boolean local) {
        return new PlacementConfirmed("p-" + m.matchId(), m.matchId(), m.workerId(), m.jobId(), "e-1",
                m.employerName(), "王秀英", "138****0000", TravelFitness.GREEN, "程家集镇", "李楼村", PICKUP, SITE,
                m.startDate(), local, Instant.now());
    }

    public static SeatAssigned seat(PlacementConfirmed p, String tripId, String replaces) {
        return new SeatAssigned(p.workerId(), p.placementId(), tripId, p.startDate().minusDays(1), "皖K·D2345", 12,
                PICKUP, Instant.parse("2026-02-23T23:30:00Z"), SITE, "李师傅", "13955550000", replaces, Instant.now());
    }

    public static FareSubsidyGranted subsidy(PlacementConfirmed p) {
        return new FareSubsidyGranted("s-" + UUID.randomUUID(), p.workerId(), p.placementId(),
                new BigDecimal("126.40"), 158.0, "No bus within the maximum ride time", Instant.now());
    }

}
