package org.chunfeng.devstack.testing;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the shared test broker and Mongo server. The database is named after the
 * application ({@code spring.application.name}) unless {@code chunfeng.test.database} says otherwise.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        ConfigurableEnvironment env = context.getEnvironment();
        String database = env.getProperty("chunfeng.test.database",
                env.getProperty("spring.application.name", "chunfeng-test"));
        env.getPropertySources().addFirst(new MapPropertySource("chunfeng-test-infrastructure", Map.of(
                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "spring.mongodb.uri", infrastructure.mongoUri(database))));
    }
}
