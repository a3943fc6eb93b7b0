package org.chunfeng.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.chunfeng.contracts.Topic;
import org.chunfeng.devstack.demo.CampaignGenerator;
import org.chunfeng.devstack.demo.ChengjiajiDemo;
import org.chunfeng.devstack.demo.DemoWorker;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A record no consumer can read, on every partition of two topics, goes to the topic's dead-letter topic with the
 * reason, once per consuming service, and the flow behind it goes on: a worker registered afterwards is matched,
 * accepts, and is placed with both services that read placements.
 */
@Order(3)
@WholeSystemTest
class DeadLetterTest {

    private static final String REASON_HEADER = "chunfeng_dlt_reason";

    @Test
    void poisonRecordsAreParkedOnTheDeadLetterTopicAndTheFlowGoesOn(ChunfengSystem system) {
        system.demo();
        String poison = "poison-" + UUID.randomUUID();
        int workerPartitions = sendPoison(system, Topic.Names.EMPLOYMENT_WORKERS, poison);
        int placementPartitions = sendPoison(system, Topic.Names.JOBS_PLACEMENTS, poison);

        // jobs-service reads workers; employment- and transport-service both read placements.
        List<ConsumerRecord<String, String>> parkedWorkers = awaitParked(system,
                Topic.Names.EMPLOYMENT_WORKERS + "-dlt", poison, workerPartitions);
        List<ConsumerRecord<String, String>> parkedPlacements = awaitParked(system,
                Topic.Names.JOBS_PLACEMENTS + "-dlt", poison, 2 * placementPartitions);
        assertThat(parkedWorkers).allSatisfy(r -> assertThat(reason(r)).contains("MalformedEventException"));
        assertThat(parkedPlacements).allSatisfy(r -> assertThat(reason(r)).contains("MalformedEventException"));

        String workerId = register(system, newWorker(system));
        JsonNode offer = await().atMost(Duration.ofSeconds(60)).until(() -> firstOpenOffer(system, workerId),
                o -> o != null);
        system.office().post("/api/workers/" + workerId + "/offers/" + offer.path("offerId").asString() + "/accept",
                null);
        JsonNode placed = await().atMost(Duration.ofSeconds(60)).until(
                () -> system.office().get("/api/workers/" + workerId),
                w -> Set.of("INTENT_AGREED", "TRANSPORT_ARRANGED").contains(w.path("status").asString()));
        if (!placed.path("placement").path("local").asBoolean()) {
            // transport-service read the placement past the poison too; the coordinator plans the worker's date.
            JsonNode rider = await().atMost(Duration.ofSeconds(60)).until(
                    () -> system.coordinator().call("GET", "/api/riders/" + workerId, null),
                    answer -> answer.status() == 200).body();
            system.coordinator().post("/api/trips/plan?date=" + rider.path("travelDate").asString(), null);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> system.office().get("/api/workers/" + workerId)
                .path("status").asString().equals("TRANSPORT_ARRANGED"));

        Metrics jobs = Metrics.scrape(system, "jobs-service");
        assertThat(jobs.sum("chunfeng_dead_letters_total", Map.of("topic", Topic.Names.EMPLOYMENT_WORKERS)))
                .isGreaterThanOrEqualTo(workerPartitions);
        for (String app : List.of("employment-service", "transport-service")) {
            assertThat(Metrics.scrape(system, app).sum("chunfeng_dead_letters_total",
                    Map.of("topic", Topic.Names.JOBS_PLACEMENTS))).as(app).isGreaterThanOrEqualTo(placementPartitions);
        }
    }

    /** One unreadable record on each partition, so whichever partition a later event lands on is proven to move. */
    private static int sendPoison(ChunfengSystem system, String topic, String key) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrap());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            int partitions = producer.partitionsFor(topic).size();
            for (int p = 0; p < partitions; p++) {
                producer.send(new ProducerRecord<>(topic, p, key, "{not an event, and no CloudEvents headers"));
            }
            producer.flush();
            return partitions;
        }
    }

    private static List<ConsumerRecord<String, String>> awaitParked(ChunfengSystem system, String deadLetterTopic,
            String key, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrap());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                    .map(p -> new TopicPartition(deadLetterTopic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return found.size() >= expected;
            });
        }
        return found;
    }

    private static String reason(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(REASON_HEADER);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A worker of the full campaign whom the sample left out: able to travel, from a poor household. */
    private static DemoWorker newWorker(ChunfengSystem system) {
        Set<String> loaded = new HashSet<>();
        system.demo().campaign().workers().forEach(w -> loaded.add(w.idNumber()));
        return CampaignGenerator.generate(ChengjiajiDemo.SEED, 1).workers().stream()
                .filter(w -> !loaded.contains(w.idNumber()) && w.specialGroups().isEmpty()
                        && w.fitness().name().equals("GREEN") && w.intent().name().equals("EITHER"))
                .findFirst().orElseThrow();
    }

    /** Registers one worker by the office's form, {@code POST /api/workers}. */
    static String register(ChunfengSystem system, DemoWorker w) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", w.name());
        form.put("idNumber", w.idNumber());
        form.put("phone", w.phone());
        form.put("householdId", w.householdId());
        form.put("povertyStatus", w.povertyStatus().name());
        form.put("specialGroups", w.specialGroups().stream().map(Enum::name).toList());
        form.put("county", w.county());
        form.put("town", w.town());
        form.put("village", w.village());
        form.put("collectionPoint", Map.of("name", w.collectionPoint().name(),
                "lat", w.collectionPoint().location().lat(), "lon", w.collectionPoint().location().lon()));
        form.put("home", Map.of("lat", w.home().lat(), "lon", w.home().lon()));
        form.put("skills", w.skills().stream().map(s -> Map.of("skill", s.skill().name(), "years", s.years()))
                .toList());
        form.put("intent", w.intent().name());
        form.put("preferredCities", w.preferredCities());
        form.put("minMonthlyWage", w.minMonthlyWage());
        form.put("availableFrom", w.availableFrom().toString());
        form.put("fitness", w.fitness().name());
        form.put("fitnessCheckedOn", w.fitnessCheckedOn().toString());
        return system.office().post("/api/workers", form).path("workerId").asString();
    }

    private static JsonNode firstOpenOffer(ChunfengSystem system, String workerId) {
        for (JsonNode offer : system.office().get("/api/workers/" + workerId + "/offers")) {
            if (offer.path("state").asString().equals("OPEN")) {
                return offer;
            }
        }
        return null;
    }
}
