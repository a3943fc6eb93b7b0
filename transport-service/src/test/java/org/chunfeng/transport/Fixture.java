package org.chunfeng.transport;

import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.chunfeng.contracts.CloudEventHeaders;
import org.chunfeng.contracts.Event;
import org.chunfeng.contracts.EventType;
import org.chunfeng.contracts.access.Role;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Place;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.jobs.PlacementCancelled;
import org.chunfeng.contracts.jobs.PlacementConfirmed;
import org.chunfeng.kit.testing.TestTokens;
import org.chunfeng.kit.testing.EventPublisher;
import org.chunfeng.kit.testing.TopicReader;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/** Demand and fleet for the service tests: placements published as jobs-service would, vehicles through the API. */
public final class Fixture {

    public static final GeoPoint LIXIN = new GeoPoint(33.144, 116.208);
    public static final Place VILLAGE_A = new Place("cp-lilou", "李楼村集合点", "利辛县", new GeoPoint(33.21, 116.12));
    public static final Place VILLAGE_B = new Place("cp-chengjiaji", "程家集镇集合点", "利辛县",
            new GeoPoint(33.05, 116.30));
    public static final Place HEFEI_SITE = new Place("site-hefei-1", "合肥经开区电子厂", "合肥", new GeoPoint(31.78, 117.21));
    public static final Place NANJING_SITE = new Place("site-nanjing-1", "南京江宁工业园", "南京",
            new GeoPoint(31.95, 118.84));
    /** Far beyond any ride-time limit from Lixin: only a fare subsidy can get a worker there. */
    public static final Place URUMQI_SITE = new Place("site-urumqi-1", "乌鲁木齐物流园", "乌鲁木齐",
            new GeoPoint(43.83, 87.62));

    public static final String COORDINATOR = TestTokens.bearer(Role.TRANSPORT_COORDINATOR);

    private final RestTestClient http;
    private final JsonMapper json;
    private final EventPublisher publisher;

    public Fixture(RestTestClient http, KafkaTemplate<String, String> kafka, JsonMapper json) {
        this.http = http;
        this.json = json;
        this.publisher = new EventPublisher(kafka, json);
    }

    /** A travel date no other test uses. */
    public static LocalDate freshDate() {
        return LocalDate.of(2031, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 20_000));
    }

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String vehicle(LocalDate date, int seats) {
        String plate = "皖S" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        Map<?, ?> created = http.post().uri("/api/vehicles").header(AUTHORIZATION, COORDINATOR)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("plate", plate, "seats", seats, "operator", "利辛县客运公司", "driverName", "张师傅",
                        "driverPhone", "13912345678", "depotLat", LIXIN.lat(), "depotLon", LIXIN.lon(),
                        "availableFrom", date.toString(), "availableTo", date.toString()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    public PlacementConfirmed placement(String workerId, LocalDate travelDate, Place pickup, Place site,
            TravelFitness fitness) {
        return new PlacementConfirmed(id("pl"), id("m"), workerId, id("job"), "emp-1", "合肥某电子厂", "王" + workerId,
                "138****" + workerId.substring(workerId.length() - 4), fitness, "程家集镇", "李楼村", pickup, site,
                travelDate.plusDays(1), false, Instant.now());
    }

    public PlacementConfirmed placement(String workerId, LocalDate travelDate, Place pickup, Place site) {
        return placement(workerId, travelDate, pickup, site, TravelFitness.GREEN);
    }

    public PlacementCancelled cancellation(PlacementConfirmed placement) {
        return new PlacementCancelled(placement.placementId(), placement.workerId(), placement.jobId(),
                "Worker withdrew", Instant.now());
    }

    /** Publishes as jobs-service's relay would, with the given event id (a redelivery carries the same one). */
    public void publish(Event event, String eventId) {
        publisher.publish(event, eventId);
    }

    public void publish(Event event) {
        publisher.publish(event);
    }

    public static String type(ConsumerRecord<String, String> record) {
        return TopicReader.header(record, CloudEventHeaders.TYPE);
    }

    /** The transport events about these workers, of one type, as payloads. */
    public <T extends Event> List<T> events(List<ConsumerRecord<String, String>> records, Class<T> payload,
            List<String> workerIds) {
        String ceType = EventType.of(payload).ceType();
        return records.stream().filter(r -> ceType.equals(type(r)) && workerIds.contains(r.key()))
                .map(r -> json.readValue(r.value(), payload)).toList();
    }

    public static long count(List<ConsumerRecord<String, String>> records, Class<? extends Event> payload,
            String workerId) {
        String ceType = EventType.of(payload).ceType();
        return records.stream().filter(r -> ceType.equals(type(r)) && workerId.equals(r.key())).count();
    }
}
