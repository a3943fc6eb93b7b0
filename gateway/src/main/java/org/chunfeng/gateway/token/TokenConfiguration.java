package org.chunfeng.gateway.token;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
@EnableScheduling
public class TokenConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SigningKey signingKey(AuthProperties properties) {
        return SigningKey.load(properties);
    }

    @Bean
    TokenIssuer tokenIssuer(SigningKey key, AuthProperties properties, Clock clock) {
        return new TokenIssuer(key, properties.accessTokenTtl(), clock);
    }

    @Bean
    RefreshTokens refreshTokens(ReactiveMongoTemplate mongo, AuthProperties properties, Clock clock) {
        return new RefreshTokens(mongo, properties.refreshTokenTtl(), properties.storeTimeout(), clock);
    }

    @Bean
    RefreshTokenSweep refreshTokenSweep(RefreshTokens tokens) {
        return new RefreshTokenSweep(tokens);
    }

    /** Expired refresh tokens are useless; dropping them keeps the collection to the live sign-ins. */
    static final class RefreshTokenSweep {

        private final RefreshTokens tokens;

        RefreshTokenSweep(RefreshTokens tokens) {
            this.tokens = tokens;
        }

        @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
        void sweep() {
            tokens.purgeExpired().onErrorReturn(0L).subscribe();
        }
    }
}
