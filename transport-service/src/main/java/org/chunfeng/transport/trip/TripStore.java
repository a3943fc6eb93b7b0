package org.chunfeng.transport.trip;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import jakarta.annotation.PostConstruct;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.chunfeng.kit.error.NotFoundException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Trip documents, written whole under a version check (they hold no outbox, so replacing them loses nothing). */
@Component
public class TripStore {

    public static final String COLLECTION = "trips";

    private final MongoTemplate mongo;

    TripStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void indexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index("travelDate", Sort.Direction.ASC));
    }

    public Optional<TripRecord> find(String tripId) {
        return Optional.ofNullable(mongo.findById(tripId, TripRecord.class, COLLECTION));
    }

    public TripRecord get(String tripId) {
        return find(tripId).orElseThrow(() -> new NotFoundException("Trip", tripId));
    }

    public List<TripRecord> onDate(LocalDate date) {
        return mongo.find(query(where("travelDate").is(date)).with(Sort.by("plate")), TripRecord.class, COLLECTION);
    }

    /**
     * Writes the trip if nobody changed it since {@code expectedVersion} was read (-1: it must not exist yet).
     * Returns false when someone did; the caller reads again.
     */
    public boolean write(TripRecord trip, long expectedVersion) {
        if (expectedVersion < 0) {
            try {
                mongo.insert(trip, COLLECTION);
                return true;
            } catch (org.springframework.dao.DuplicateKeyException e) {
                return false;
            }
        }
        org.bson.Document document = new org.bson.Document();
        mongo.getConverter().write(trip, document);
        document.remove("_class");
        return mongo.getCollection(COLLECTION).replaceOne(
                new org.bson.Document("_id", trip.id()).append("version", expectedVersion), document)
                .getModifiedCount() > 0;
    }

    public boolean delete(TripRecord trip) {
        return mongo.remove(query(where("_id").is(trip.id()).and("version").is(trip.version())), COLLECTION)
                .getDeletedCount() > 0;
    }

    /** Takes a rider off a trip that has not left yet, freeing the seat. */
    public void removeRider(String tripId, String workerId) {
        find(tripId).filter(t -> t.status() == TripStatus.PLANNED).ifPresent(trip -> mongo.updateFirst(
                query(where("_id").is(tripId)), new Update().pull("riders", new org.bson.Document("workerId", workerId))
                        .inc("version", 1), COLLECTION));
    }
}
