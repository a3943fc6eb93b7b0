package org.chunfeng.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chunfeng.contracts.ContractResources.JSON;
import static org.chunfeng.contracts.ContractResources.validate;

import com.networknt.schema.Error;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chunfeng.contracts.common.EmployerKind;
import org.chunfeng.contracts.common.GeoPoint;
import org.chunfeng.contracts.common.Place;
import org.chunfeng.contracts.common.PovertyStatus;
import org.chunfeng.contracts.common.Skill;
import org.chunfeng.contracts.common.SkillLevel;
import org.chunfeng.contracts.common.SpecialGroup;
import org.chunfeng.contracts.common.TravelFitness;
import org.chunfeng.contracts.common.WorkIntent;
import org.chunfeng.contracts.employment.WorkerProfile;
import org.chunfeng.contracts.jobs.JobPosting;
import org.chunfeng.contracts.jobs.ScoreComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Each payload as Jackson writes it conforms to its published schema, and the schemas reject what they should. */
class EventSchemaTest {

    private static final JsonNode COMMON = ContractResources.readJson(Schemas.COMMON);

    /** The shared record shapes and the common.schema.json definition of each. */
    private static final Map<String, Class<? extends Record>> SHARED_RECORDS = Map.of(
            "GeoPoint", GeoPoint.class,
            "Place", Place.class,
            "SkillLevel", SkillLevel.class,
            "WorkerProfile", WorkerProfile.class,
            "JobPosting", JobPosting.class,
            "ScoreComponent", ScoreComponent.class);

    private static final Map<String, Class<? extends Enum<?>>> SHARED_ENUMS = Map.of(
            "PovertyStatus", PovertyStatus.class,
            "SpecialGroup", SpecialGroup.class,
            "TravelFitness", TravelFitness.class,
            "WorkIntent", WorkIntent.class,
            "EmployerKind", EmployerKind.class,
            "Skill", Skill.class);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theSampleAsJacksonWritesItConformsToItsSchema(EventType type) {
        Event sample = EventSamples.of(type);
        assertThat(sample).isInstanceOf(type.payloadType());

        String json = JSON.writeValueAsString(sample);

        assertThat(validate(type, json)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theJsonReadsBackIntoAnEqualRecord(EventType type) {
        Event sample = EventSamples.of(type);

        Event back = JSON.readValue(JSON.writeValueAsString(sample), type.payloadType());

        assertThat(back).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void fieldsFromALaterProducerAreIgnoredByTheRecordAndAllowedByTheSchema(EventType type) {
        Event sample = EventSamples.of(type);
        ObjectNode json = (ObjectNode) JSON.valueToTree(sample);
        json.put("addedInALaterRelease", "新字段");
        json.putObject("alsoNested").put("level", 2);
        json.values().stream().filter(JsonNode::isObject).forEach(nested -> ((ObjectNode) nested).put("extra", true));

        assertThat(validate(type, json)).isEmpty();
        assertThat(JSON.treeToValue(json, type.payloadType())).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyRecordComponentIsDescribedAndNothingElse(EventType type) {
        JsonNode schema = eventSchema(type);

        assertThat(schema.path("properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(componentNames(type.payloadType()));
        assertThat(required(schema)).containsAll(primitiveComponentNames(type.payloadType()));
    }

    @Test
    void everySharedRecordIsDescribedOnceInTheCommonSchema() {
        SHARED_RECORDS.forEach((def, record) -> {
            JsonNode schema = COMMON.path("$defs").path(def);
            assertThat(schema.path("properties").propertyNames()).as(def)
                    .containsExactlyInAnyOrderElementsOf(componentNames(record));
            assertThat(required(schema)).as(def).containsAll(primitiveComponentNames(record));
            assertThat(schema.path("additionalProperties").asBoolean(false)).as(def).isTrue();
        });
    }

    @Test
    void theSchemaEnumsAreExactlyTheJavaEnums() {
        SHARED_ENUMS.forEach((def, enumType) -> {
            List<String> inSchema = COMMON.path("$defs").path(def).path("enum").values().stream()
                    .map(JsonNode::stringValue).toList();
            List<String> inJava = Arrays.stream(enumType.getEnumConstants()).map(Enum::name).toList();
            assertThat(inSchema).as(def).containsExactlyElementsOf(inJava);
        });
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void removingAnyRequiredFieldFailsValidation(EventType type) {
        ObjectNode sample = JSON.valueToTree(EventSamples.of(type));
        List<String> requiredFields = required(eventSchema(type));
        assertThat(requiredFields).as("a schema requiring nothing proves nothing").isNotEmpty();

        for (String field : requiredFields) {
            ObjectNode broken = sample.deepCopy();
            broken.remove(field);
            assertThat(validate(type, broken)).as("without " + field)
                    .anySatisfy(error -> assertRequiredMissing(error, field));

            broken.putNull(field);
            assertThat(validate(type, broken)).as(field + " = null").isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void optionalFieldsMayBeNullOrAbsent(EventType type) {
        ObjectNode sample = JSON.valueToTree(EventSamples.of(type));
        JsonNode schema = eventSchema(type);
        List<String> requiredFields = required(schema);

        schema.path("properties").propertyNames().stream().filter(f -> !requiredFields.contains(f)).forEach(field -> {
            ObjectNode withNull = sample.deepCopy();
            withNull.putNull(field);
            assertThat(validate(type, withNull)).as(field + " = null").isEmpty();
            ObjectNode without = sample.deepCopy();
            without.remove(field);
            assertThat(validate(type, without)).as("without " + field).isEmpty();
        });
    }

    /** Nested shapes: the sample event holding one, where it sits, and its common.schema.json definition. */
    static Stream<Arguments> nestedShapes() {
        return Stream.of(
                Arguments.of(EventType.WORKER_REGISTERED, "/profile", "WorkerProfile"),
                Arguments.of(EventType.WORKER_REGISTERED, "/profile/skills/0", "SkillLevel"),
                Arguments.of(EventType.WORKER_UPDATED, "/profile/collectionPoint", "Place"),
                Arguments.of(EventType.WORKER_UPDATED, "/profile/collectionPoint/location", "GeoPoint"),
                Arguments.of(EventType.JOB_POSTED, "/posting", "JobPosting"),
                Arguments.of(EventType.JOB_UPDATED, "/posting/site", "Place"),
                Arguments.of(EventType.MATCH_PROPOSED, "/scoreBreakdown/1", "ScoreComponent"),
                Arguments.of(EventType.SEAT_ASSIGNED, "/pickupPoint/location", "GeoPoint"));
    }

    @ParameterizedTest
    @MethodSource("nestedShapes")
    void nestedShapesEnforceTheirRequiredFieldsToo(EventType type, String pointer, String def) {
        ObjectNode sample = JSON.valueToTree(EventSamples.of(type));
        JsonNode defSchema = COMMON.path("$defs").path(def);
        assertThat(sample.at(pointer).isObject()).as(pointer).isTrue();

        for (String field : required(defSchema)) {
            ObjectNode broken = sample.deepCopy();
            ((ObjectNode) broken.at(pointer)).remove(field);
            assertThat(validate(type, broken)).as(pointer + " without " + field)
                    .anySatisfy(error -> assertRequiredMissing(error, field));
        }
        defSchema.path("properties").propertyNames().stream().filter(f -> !required(defSchema).contains(f))
                .forEach(field -> {
                    ObjectNode withNull = sample.deepCopy();
                    ((ObjectNode) withNull.at(pointer)).putNull(field);
                    assertThat(validate(type, withNull)).as(pointer + "/" + field + " = null").isEmpty();
                });
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            WORKER_REGISTERED    | /profile/povertyStatus            | "RICH"
            WORKER_REGISTERED    | /profile/specialGroups            | ["PREGNANT"]
            WORKER_UPDATED       | /profile/skills/0/skill           | "WELDING"
            WORKER_UPDATED       | /profile/fitness                  | "green"
            MATCH_PROPOSED       | /employerKind                     | "FACTORY"
            WORKER_REGISTERED    | /profile/availableFrom            | "2020-02-30"
            WORKER_UPDATED       | /profile/fitnessCheckedOn         | "17/02/2020"
            JOB_POSTED           | /posting/startDate                | "2020-02-25T00:00:00Z"
            WORKER_REGISTERED    | /registeredAt                     | "2020-02-18 01:12:40"
            SEAT_ASSIGNED        | /pickupTime                       | "06:30"
            RIDER_ARRIVED        | /arrivedAt                        | 1582531200000
            JOB_POSTED           | /posting/site/location/lat        | 91
            SEAT_ASSIGNED        | /pickupPoint/location/lon         | -180.5
            WORKER_REGISTERED    | /profile/home/lat                 | -90.01
            JOB_POSTED           | /posting/openings                 | -1
            JOB_UPDATED          | /posting/monthlyWage              | -4800
            SEAT_ASSIGNED        | /seatNumber                       | 0
            FARE_SUBSIDY_GRANTED | /amountYuan                       | 0
            FARE_SUBSIDY_GRANTED | /distanceKm                       | -3.2
            WORKER_REGISTERED    | /profile/age                      | 15
            PLACEMENT_CONFIRMED  | /local                            | "false"
            OFFER_ACCEPTED       | /workerId                         | ""
            JOB_CLOSED           | /reason                           | ""
            """)
    void theSchemasRejectBadValues(EventType type, String pointer, String badValue) {
        JsonNode sample = JSON.valueToTree(EventSamples.of(type));
        assertThat(validate(type, sample)).isEmpty();
        assertThat(sample.at(pointer).isMissingNode()).as(pointer + " exists in the sample").isFalse();

        int slash = pointer.lastIndexOf('/');
        String field = pointer.substring(slash + 1);
        JsonNode parent = sample.at(pointer.substring(0, slash));
        JsonNode bad = JSON.readTree(badValue);
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(field), bad);
        } else {
            ((ObjectNode) parent).set(field, bad);
        }

        List<Error> errors = validate(type, sample);
        assertThat(errors).as(pointer + " = " + badValue).isNotEmpty();
        assertThat(errors).extracting(e -> e.getInstanceLocation().toString())
                .anySatisfy(location -> assertThat(location).startsWith(pointer));
    }

    @Test
    void theSchemaFolderHoldsOneSchemaPerEventAndTheCommonOne() throws IOException, URISyntaxException {
        Path folder = Path.of(getClass().getClassLoader().getResource(Schemas.DIRECTORY).toURI());
        Set<String> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
        Set<String> expected = new HashSet<>();
        Arrays.stream(EventType.values()).map(Schemas::fileName).forEach(expected::add);
        expected.add(Path.of(Schemas.COMMON).getFileName().toString());

        assertThat(files).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachSchemaIsNamedDescribedAndOpen(EventType type) {
        JsonNode schema = eventSchema(type);

        assertThat(schema.path("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").stringValue())
                .isEqualTo(Schemas.idOf(type))
                .isEqualTo("https://chunfeng.org/schemas/" + type.eventName() + ".v1.schema.json");
        assertThat(schema.path("title").stringValue()).isNotBlank();
        assertThat(schema.path("description").stringValue()).hasSizeGreaterThan(40);
        assertThat(schema.path("type").stringValue()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").asBoolean(false)).isTrue();
        assertThat(required(schema)).contains(type.topic().keyField());
    }

    @Test
    void everyReferenceInEverySchemaResolves() {
        List<String> resources = Stream.concat(Stream.of(Schemas.COMMON),
                Arrays.stream(EventType.values()).map(Schemas::resourceOf)).toList();
        for (String resource : resources) {
            JsonNode document = ContractResources.readJson(resource);
            for (String ref : ContractResources.refsIn(document)) {
                assertThat(ContractResources.follow(resource, document, ref).isObject())
                        .as(resource + " -> " + ref).isTrue();
            }
        }
        assertThat(ContractResources.refsIn(eventSchema(EventType.WORKER_REGISTERED)))
                .contains("common.schema.json#/$defs/WorkerProfile");
    }

    @Test
    void aSchemaCannotBeSatisfiedByAnEmptyObject() {
        for (EventType type : EventType.values()) {
            assertThat(validate(type, JsonNodeFactory.instance.objectNode())).as(type.name()).isNotEmpty();
        }
    }

    private static JsonNode eventSchema(EventType type) {
        return ContractResources.readJson(Schemas.resourceOf(type));
    }

    private static List<String> required(JsonNode schema) {
        return schema.path("required").values().stream().map(JsonNode::stringValue).toList();
    }

    private static List<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> primitiveComponentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).filter(c -> c.getType().isPrimitive())
                .map(RecordComponent::getName).toList();
    }

    private static void assertRequiredMissing(Error error, String field) {
        assertThat(error.getKeyword()).isEqualTo("required");
        assertThat(error.getProperty()).isEqualTo(field);
    }
}
