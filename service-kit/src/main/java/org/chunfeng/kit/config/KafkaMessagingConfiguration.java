package org.chunfeng.kit.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.chunfeng.contracts.Topic;
import org.chunfeng.kit.inbox.MalformedEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * Topics, and what happens to a record that fails: a few retries with doubling backoff for passing trouble
 * (Mongo briefly away), then the dead-letter topic {@code <topic>-dlt} with the reason in its headers, and the
 * consumer goes on. Records that can never succeed (malformed, unknown type) skip the retries.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaMessagingConfiguration {

    public static final String REASON_HEADER = "chunfeng_dlt_reason";
    private static final Logger log = LoggerFactory.getLogger(KafkaMessagingConfiguration.class);

    /** Every topic and its dead-letter topic, so a fresh broker needs no manual set-up; creating is idempotent. */
    @Bean
    KafkaAdmin.NewTopics chunfengTopics(KitProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            topics.add(new NewTopic(topic.topicName(), properties.kafka().partitions(),
                    properties.kafka().replicationFactor()));
            topics.add(new NewTopic(topic.deadLetter(), properties.kafka().partitions(),
                    properties.kafka().replicationFactor()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    CommonErrorHandler chunfengErrorHandler(KafkaTemplate<String, String> template, KitProperties properties,
            MeterRegistry meters) {
        DeadLetterPublishingRecoverer toDeadLetters = new DeadLetterPublishingRecoverer(template);
        toDeadLetters.setHeadersFunction((record, e) -> {
            RecordHeaders headers = new RecordHeaders();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String reason = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.kafka().retries());
        backOff.setInitialInterval(properties.kafka().retryBackoff().toMillis());
        backOff.setMultiplier(2.0);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
            toDeadLetters.accept(record, e);
            deadLetters(meters, record.topic()).increment();
            log.warn("Parked {}-{}@{} on the dead-letter topic: {}", record.topic(), record.partition(),
                    record.offset(), e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        }, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    /**
     * Starts {@code chunfeng_dead_letters_total} at 0 for every topic this service consumes, so the dead-letter alert
     * sees the first one as an increase rather than as a new series.
     */
    @Bean
    ApplicationListener<ContextRefreshedEvent> chunfengDeadLetterCounters(
            ObjectProvider<KafkaListenerEndpointRegistry> listeners, MeterRegistry meters) {
        return event -> listeners.ifAvailable(registry -> registry.getListenerContainers().forEach(container -> {
            String[] topics = container.getContainerProperties().getTopics();
            for (String topic : topics == null ? new String[0] : topics) {
                deadLetters(meters, topic);
            }
        }));
    }

    private static Counter deadLetters(MeterRegistry meters, String topic) {
        return Counter.builder("chunfeng.dead.letters").description("Records parked on a dead-letter topic")
                .tag("topic", topic).register(meters);
    }
}
