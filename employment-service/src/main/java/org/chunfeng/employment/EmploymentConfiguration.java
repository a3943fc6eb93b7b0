package org.chunfeng.employment;

import org.chunfeng.employment.worker.IdentityHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmploymentProperties.class)
@EnableScheduling
class EmploymentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmploymentConfiguration.class);

    @Bean
    IdentityHasher identityHasher(EmploymentProperties properties) {
        if (properties.usesDevelopmentKey()) {
            log.warn("ID numbers are hashed with the development key: set chunfeng.employment.id-hash-key "
                    + "(a long random secret, never changed afterwards) before registering real workers");
        }
        return new IdentityHasher(properties.idHashKey());
    }
}
