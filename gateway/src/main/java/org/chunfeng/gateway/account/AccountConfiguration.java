package org.chunfeng.gateway.account;

import java.time.Clock;
import org.chunfeng.gateway.token.AuthProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
public class AccountConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    StaffAccounts staffAccounts(ReactiveMongoTemplate mongo, PasswordEncoder passwords, Clock clock) {
        return new StaffAccounts(mongo, passwords, clock);
    }

    @Bean
    AccountBootstrap accountBootstrap(StaffAccounts accounts, AuthProperties properties,
            @Value("${chunfeng.demo:false}") boolean demo, @Value("${CHUNFENG_DEMO_PASSWORD:}") String demoPassword) {
        return new AccountBootstrap(accounts, properties.admin(), demo, demoPassword, System.out);
    }
}
