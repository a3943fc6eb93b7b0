package org.chunfeng.employment.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.employment.worker.PlaceRef;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The village collection points where buses pick workers up, one document per named point. The id is derived
 * from county, town, village and name, so the same name in the same village is the same point for every clerk
 * and every import, without a lookup race; the first coordinates given for it stay.
 */
@Component
public class CollectionPoints {

    public static final String COLLECTION = "collection_points";

    private final MongoTemplate mongo;
    private final Map<String, PlaceRef> known = new ConcurrentHashMap<>();

    public CollectionPoints(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The stored point for this name, created if new with the given coordinates, or the worker's home when none
     * were given.
     */
    public PlaceRef resolve(String county, String town, String village, PlaceRef requested, GeoPoint home) {
        String id = idOf(county, town, village, requested.name());
        PlaceRef cached = known.get(id);
        if (cached != null) {
            return cached;
        }
        GeoPoint location = requested.location() != null ? requested.location() : home;
        Update update = new Update().setOnInsert("name", requested.name()).setOnInsert("city", county)
                .setOnInsert("county", county).setOnInsert("town", town).setOnInsert("village", village)
                .setOnInsert("lat", location.lat()).setOnInsert("lon", location.lon());
        Document stored = mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        PlaceRef point = new PlaceRef(id, stored.getString("name"), stored.getString("city"),
                new GeoPoint(stored.getDouble("lat"), stored.getDouble("lon")));
        known.put(id, point);
        return point;
    }

    /** The points of one village, for the registration form's picker. */
    public List<PlaceRef> inVillage(String county, String town, String village) {
        return mongo.find(Query.query(Criteria.where("county").is(county).and("town").is(town).and("village")
                .is(village)), Document.class, COLLECTION).stream()
                .map(d -> new PlaceRef(d.getString("_id"), d.getString("name"), d.getString("city"),
                        new GeoPoint(d.getDouble("lat"), d.getDouble("lon"))))
                .toList();
    }

    static String idOf(String county, String town, String village, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    String.join("\u001f", county, town, village, name.trim()).getBytes(StandardCharsets.UTF_8));
            return "cp-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
