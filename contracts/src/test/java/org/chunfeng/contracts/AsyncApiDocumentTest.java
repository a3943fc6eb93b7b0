package org.chunfeng.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** The AsyncAPI document describes exactly the catalogue: its topics, keys, messages, headers and services. */
class AsyncApiDocumentTest {

    private static final JsonNode DOC = ContractResources.readYaml(Schemas.asyncApi());

    /** Who consumes what, as the design's flow has it. */
    private static final Map<Topic, Set<String>> CONSUMERS = Map.of(
            Topic.EMPLOYMENT_WORKERS, Set.of("jobs"),
            Topic.EMPLOYMENT_OFFERS, Set.of("jobs"),
            Topic.JOBS_POSTINGS, Set.of(),
            Topic.JOBS_MATCHES, Set.of("employment"),
            Topic.JOBS_PLACEMENTS, Set.of("transport", "employment"),
            Topic.TRANSPORT_TRIPS, Set.of("employment"));

    private static final List<String> CLOUD_EVENT_HEADERS = List.of(CloudEventHeaders.SPEC_VERSION,
            CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE, CloudEventHeaders.TIME,
            CloudEventHeaders.SUBJECT, CloudEventHeaders.CONTENT_TYPE);

    private static final String DEAD_LETTER = "DeadLetter";

    @Test
    void itIsAnAsyncApi3DocumentOfJsonMessagesOnKafka() {
        assertThat(DOC.path("asyncapi").stringValue()).isEqualTo("3.0.0");
        assertThat(DOC.path("info").path("title").stringValue()).isNotBlank();
        assertThat(DOC.path("defaultContentType").stringValue()).isEqualTo(CloudEventHeaders.JSON);
        assertThat(DOC.path("servers").values()).isNotEmpty()
                .allSatisfy(server -> assertThat(server.path("protocol").stringValue()).isEqualTo("kafka"));
    }

    @Test
    void theChannelsAreExactlyTheTopicsAndTheirDeadLetterTopics() {
        List<String> addresses = DOC.path("channels").values().stream()
                .map(channel -> channel.path("address").stringValue()).toList();

        List<String> expected = Arrays.stream(Topic.values())
                .flatMap(t -> Stream.of(t.topicName(), t.deadLetter())).toList();
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void eachTopicCarriesExactlyItsEventsKeyedByItsKeyField(Topic topic) {
        JsonNode channel = channelOf(topic.topicName());

        assertThat(channel.path("x-key-field").stringValue()).isEqualTo(topic.keyField());
        assertThat(channel.path("description").stringValue()).contains(topic.keyField());
        assertThat(channel.path("messages").propertyNames())
                .containsExactlyInAnyOrderElementsOf(EventType.on(topic).stream().map(EventType::eventName).toList());
        for (EventType type : EventType.on(topic)) {
            assertThat(resolve(channel.path("messages").path(type.eventName())).path("name").stringValue())
                    .isEqualTo(type.eventName());
        }
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void eachDeadLetterTopicKeepsTheOriginalKeyAndSaysWhatFailed(Topic topic) {
        JsonNode channel = channelOf(topic.deadLetter());

        assertThat(channel.path("x-dead-letters-of").stringValue()).isEqualTo(topic.topicName());
        assertThat(channel.path("x-key-field").stringValue()).isEqualTo(topic.keyField());
        assertThat(channel.path("messages").propertyNames()).containsExactly(DEAD_LETTER);
        JsonNode headers = resolve(resolve(channel.path("messages").path(DEAD_LETTER)).path("headers"));
        assertThat(headers.path("properties").propertyNames())
                .contains("kafka_dlt-original-topic", "kafka_dlt-original-consumer-group",
                        "kafka_dlt-exception-fqcn", "kafka_dlt-exception-message");
    }

    @Test
    void theMessagesAreExactlyTheEventsPlusTheDeadLetter() {
        List<String> expected = new ArrayList<>(Arrays.stream(EventType.values()).map(EventType::eventName).toList());
        expected.add(DEAD_LETTER);

        assertThat(DOC.path("components").path("messages").propertyNames()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachMessageCarriesTheCloudEventsHeadersAndItsSchemaAndKey(EventType type) {
        JsonNode message = DOC.path("components").path("messages").path(type.eventName());

        assertThat(message.path("name").stringValue()).isEqualTo(type.eventName());
        assertThat(message.path("contentType").stringValue()).isEqualTo(CloudEventHeaders.JSON);
        assertThat(message.path("summary").stringValue()).isNotBlank();

        assertThat(message.path("payload").path("$ref").stringValue())
                .isEqualTo("./" + Schemas.resourceOf(type));
        assertThat(ContractResources.resolveSibling(Schemas.asyncApi(), message.path("payload").path("$ref").stringValue()))
                .isEqualTo(Schemas.resourceOf(type));

        Map<String, JsonNode> headers = headerProperties(message.path("headers"));
        assertThat(headers.keySet()).containsExactlyInAnyOrderElementsOf(CLOUD_EVENT_HEADERS);
        assertThat(constOf(message.path("headers"), CloudEventHeaders.TYPE)).contains(type.ceType());
        assertThat(constOf(message.path("headers"), CloudEventHeaders.SOURCE))
                .contains(CloudEventHeaders.sourceOf(type.topic().producer()));
        assertThat(constOf(message.path("headers"), CloudEventHeaders.SPEC_VERSION))
                .contains(CloudEventHeaders.SPEC_VERSION_VALUE);
        assertThat(constOf(message.path("headers"), CloudEventHeaders.CONTENT_TYPE)).contains(CloudEventHeaders.JSON);
        assertThat(requiredHeaders(message.path("headers"))).containsAll(CLOUD_EVENT_HEADERS);

        JsonNode key = resolve(message.path("bindings")).path("kafka").path("key");
        assertThat(key.path("type").stringValue()).isEqualTo("string");
        assertThat(key.path("description").stringValue()).contains(type.topic().keyField());
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void theProducerSendsEveryEventOfItsTopicAndTheConsumersReceiveThem(Topic topic) {
        String channelRef = "#/channels/" + channelIdOf(topic.topicName());
        List<String> allMessages = EventType.on(topic).stream()
                .map(t -> channelRef + "/messages/" + t.eventName()).toList();

        List<JsonNode> sends = operations("send", channelRef);
        assertThat(sends).hasSize(1);
        assertThat(serviceOf(sends.get(0))).isEqualTo(topic.producer());
        assertThat(messageRefs(sends.get(0))).containsExactlyInAnyOrderElementsOf(allMessages);

        List<JsonNode> receives = operations("receive", channelRef);
        assertThat(receives.stream().map(AsyncApiDocumentTest::serviceOf))
                .containsExactlyInAnyOrderElementsOf(CONSUMERS.get(topic));
        assertThat(receives).allSatisfy(op -> assertThat(messageRefs(op)).containsExactlyInAnyOrderElementsOf(allMessages));

        // Every consumer may park what it cannot process; nobody else writes dead letters.
        String deadLetterRef = "#/channels/" + channelIdOf(topic.deadLetter());
        List<JsonNode> parks = operations("send", deadLetterRef);
        assertThat(parks.stream().map(AsyncApiDocumentTest::serviceOf))
                .containsExactlyInAnyOrderElementsOf(CONSUMERS.get(topic));
        assertThat(operations("receive", deadLetterRef)).isEmpty();
    }

    @Test
    void everyOperationIsOneOfTheAbove() {
        int expected = Topic.values().length
                + 2 * CONSUMERS.values().stream().mapToInt(Set::size).sum();
        assertThat(DOC.path("operations").values()).hasSize(expected);
        assertThat(DOC.path("operations").values()).allSatisfy(op -> {
            assertThat(op.path("action").stringValue()).isIn("send", "receive");
            assertThat(serviceOf(op)).isIn("employment", "jobs", "transport");
            assertThat(resolve(op.path("channel")).isObject()).isTrue();
            assertThat(messageRefs(op)).isNotEmpty().allSatisfy(ref -> assertThat(ref)
                    .startsWith(op.path("channel").path("$ref").stringValue() + "/messages/"));
        });
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = ContractResources.refsIn(DOC);
        assertThat(refs).hasSizeGreaterThan(EventType.values().length * 3);
        for (String ref : refs) {
            assertThat(ContractResources.follow(Schemas.asyncApi(), DOC, ref).isObject()).as(ref).isTrue();
        }
        Set<String> payloadFiles = new HashSet<>();
        refs.stream().filter(r -> r.endsWith(".schema.json"))
                .forEach(r -> payloadFiles.add(ContractResources.resolveSibling(Schemas.asyncApi(), r)));
        assertThat(payloadFiles).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(EventType.values()).map(Schemas::resourceOf).toList());
    }

    private static JsonNode channelOf(String address) {
        return DOC.path("channels").path(channelIdOf(address));
    }

    private static String channelIdOf(String address) {
        return DOC.path("channels").properties().stream()
                .filter(e -> address.equals(e.getValue().path("address").stringValue()))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("No channel at " + address));
    }

    private static List<JsonNode> operations(String action, String channelRef) {
        return DOC.path("operations").values().stream()
                .filter(op -> action.equals(op.path("action").stringValue()))
                .filter(op -> channelRef.equals(op.path("channel").path("$ref").stringValue()))
                .toList();
    }

    /** The operation's service, from its tag: jobs-service is "jobs". */
    private static String serviceOf(JsonNode operation) {
        List<String> services = operation.path("tags").values().stream()
                .map(tag -> tag.path("name").stringValue())
                .filter(name -> name.endsWith("-service"))
                .map(name -> name.substring(0, name.length() - "-service".length()))
                .toList();
        assertThat(services).as("one service tag").hasSize(1);
        return services.get(0);
    }

    private static List<String> messageRefs(JsonNode operation) {
        return operation.path("messages").values().stream().map(m -> m.path("$ref").stringValue()).toList();
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : resolve(ContractResources.follow(Schemas.asyncApi(), DOC, ref.stringValue()));
    }

    /** The header schema's properties, merged across allOf and references. */
    private static Map<String, JsonNode> headerProperties(JsonNode schema) {
        Map<String, JsonNode> properties = new HashMap<>();
        collect(resolve(schema), node -> node.path("properties").properties()
                .forEach(e -> properties.putIfAbsent(e.getKey(), e.getValue())));
        return properties;
    }

    private static List<String> requiredHeaders(JsonNode schema) {
        List<String> required = new ArrayList<>();
        collect(resolve(schema), node -> node.path("required").values().forEach(r -> required.add(r.stringValue())));
        return required;
    }

    /** Every const the schema, through allOf, puts on one header. */
    private static List<String> constOf(JsonNode schema, String header) {
        List<String> consts = new ArrayList<>();
        collect(resolve(schema), node -> {
            JsonNode value = node.path("properties").path(header).path("const");
            if (value.isString()) {
                consts.add(value.stringValue());
            }
        });
        return consts;
    }

    private static void collect(JsonNode schema, Consumer<JsonNode> visitor) {
        visitor.accept(schema);
        schema.path("allOf").values().forEach(part -> collect(resolve(part), visitor));
    }
}
