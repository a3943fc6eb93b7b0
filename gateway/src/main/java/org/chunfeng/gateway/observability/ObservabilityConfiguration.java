package org.chunfeng.gateway.observability;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    /** Named so Boot's own Mongo check (which sends {@code hello}) stands down; shows as {@code mongo}. */
    @Bean("mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    /** Shows as {@code kafka}. */
    @Bean("kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(
            @Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers) {
        return new KafkaHealthIndicator(bootstrapServers);
    }
}
