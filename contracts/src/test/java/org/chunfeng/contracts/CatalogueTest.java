package org.chunfeng.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The topic and event catalogue: names, CloudEvents types and record keys agree with each other. */
class CatalogueTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theCloudEventsTypeNamesProducerEventAndVersion(EventType type) {
        assertThat(type.ceType())
                .matches("org\\.chunfeng\\.(employment|jobs|transport)\\.[A-Z][A-Za-z]+\\.v1")
                .isEqualTo("org.chunfeng." + type.topic().producer() + "." + type.eventName() + ".v1");
        assertThat(type.eventName()).isEqualTo(type.payloadType().getSimpleName());
        // The enum constant is the event name in upper snake case, so logs and code read the same.
        assertThat(type.name()).isEqualTo(type.eventName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aTypeIsFoundByItsCloudEventsTypeAndByItsPayload(EventType type) {
        assertThat(EventType.byCeType(type.ceType())).contains(type);
        assertThat(EventType.of(type.payloadType())).isSameAs(type);
        assertThat(EventType.of(EventSamples.of(type))).isSameAs(type);
    }

    @Test
    void unknownTypesAreNotFound() {
        assertThat(EventType.byCeType("org.chunfeng.employment.WorkerRegistered.v2")).isEmpty();
        assertThat(EventType.byCeType("WorkerRegistered")).isEmpty();
        assertThat(EventType.byCeType(null)).isEmpty();
        assertThatThrownBy(() -> EventType.of(Stranger.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Stranger");
    }

    @Test
    void theCloudEventsTypesAreDistinct() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::ceType)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(EventType.values()).map(EventType::payloadType)).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void thePartitionKeyIsTheFieldTheTopicNames(EventType type) throws ReflectiveOperationException {
        Event sample = EventSamples.of(type);
        String keyField = type.topic().keyField();
        RecordComponent key = component(type.payloadType(), keyField);

        Object keyValue = key.getAccessor().invoke(sample);
        assertThat(sample.partitionKey()).isNotBlank().isEqualTo(keyValue);
        // The samples' identifiers all differ, so no other field can have produced the same key.
        for (RecordComponent other : type.payloadType().getRecordComponents()) {
            if (!other.getName().equals(keyField)) {
                assertThat(other.getAccessor().invoke(sample)).as(other.getName()).isNotEqualTo(keyValue);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadsAreRecordsInTheirProducersPackage(EventType type) {
        assertThat(type.payloadType().isRecord()).isTrue();
        assertThat(type.payloadType().getPackageName())
                .isEqualTo("org.chunfeng.contracts." + type.topic().producer());
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void topicsAreNamedByTheirProducerAndVersionedAndFoundByName(Topic topic) {
        assertThat(topic.topicName()).startsWith(topic.producer() + ".").endsWith(".v1");
        assertThat(topic.deadLetter()).isEqualTo(topic.topicName() + "-dlt");
        assertThat(Topic.byName(topic.topicName())).isSameAs(topic);
        assertThat(EventType.on(topic)).isNotEmpty().allSatisfy(t -> assertThat(t.topic()).isSameAs(topic));
        assertThat(CloudEventHeaders.sourceOf(topic.producer())).isEqualTo("/chunfeng/" + topic.producer());
    }

    @Test
    void everyEventLivesOnExactlyOneTopic() {
        List<EventType> onSomeTopic = Arrays.stream(Topic.values()).flatMap(t -> EventType.on(t).stream()).toList();
        assertThat(onSomeTopic).containsExactlyInAnyOrder(EventType.values());
        assertThatThrownBy(() -> Topic.byName("employment.workers")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemasHelperNamesResourcesThatExist(EventType type) {
        assertThat(Schemas.resourceOf(type)).isEqualTo("schemas/" + type.eventName() + ".v1.schema.json");
        assertThat(ContractResources.exists(Schemas.resourceOf(type))).isTrue();
        assertThat(Schemas.idOf(type)).isEqualTo(Schemas.BASE_URI + Schemas.fileName(type));
        assertThat(ContractResources.exists(Schemas.COMMON)).isTrue();
        assertThat(ContractResources.exists(Schemas.asyncApi())).isTrue();
    }

    private static RecordComponent component(Class<?> record, String name) {
        return Arrays.stream(record.getRecordComponents()).filter(c -> Objects.equals(c.getName(), name))
                .findFirst().orElseThrow(() -> new AssertionError(record.getSimpleName() + " has no " + name));
    }

    private record Stranger(String id) implements Event {
        @Override
        public String partitionKey() {
            return id;
        }
    }
}
