package org.chunfeng.kit.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.util.Set;
import org.chunfeng.kit.error.ProblemAdvice;
import org.chunfeng.kit.inbox.Inbox;
import org.chunfeng.kit.observability.KafkaHealthIndicator;
import org.chunfeng.kit.observability.MongoHealthIndicator;
import org.chunfeng.kit.outbox.OutboxEvents;
import org.chunfeng.kit.outbox.OutboxRelay;
import org.chunfeng.kit.outbox.OutboxTracing;
import org.chunfeng.kit.security.ServiceSecurityConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the kit into a service: adding the dependency is all a service does. */
@AutoConfiguration
@EnableConfigurationProperties(KitProperties.class)
@Import({KafkaMessagingConfiguration.class, ServiceSecurityConfiguration.class, ProblemAdvice.class})
public class ServiceKitAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OutboxTracing outboxTracing(ObjectProvider<Tracer> tracer) {
        return new OutboxTracing(tracer.getIfAvailable());
    }

    @Bean
    OutboxEvents outboxEvents(JsonMapper json, KitProperties properties, Clock clock, OutboxTracing tracing) {
        if (properties.service() == null || properties.service().isBlank()) {
            throw new IllegalStateException("chunfeng.service must name the service (employment, jobs or transport)");
        }
        return new OutboxEvents(json, properties.service(), clock, tracing);
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxTracing tracing,
            MeterRegistry meters, Clock clock, KitProperties properties) {
        return new OutboxRelay(mongo, kafka, tracing, meters, clock, properties.outbox().batchSize(),
                properties.outbox().sweepInterval(), Set.of(Inbox.COLLECTION));
    }

    @Bean
    Inbox inbox(MongoTemplate mongo, JsonMapper json, MeterRegistry meters, Clock clock) {
        return new Inbox(mongo, json, meters, clock);
    }

    /** Named so that it replaces Boot's Mongo check, which the wire-protocol server cannot answer. */
    @Bean("mongoHealthIndicator")
    MongoHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoHealthIndicator(mongo);
    }

    @Bean("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }
}
