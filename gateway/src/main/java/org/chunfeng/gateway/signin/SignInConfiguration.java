package org.chunfeng.gateway.signin;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.chunfeng.gateway.token.TokenIssuer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
public class SignInConfiguration {

    @Bean
    SignInMetrics signInMetrics(MeterRegistry registry) {
        return new SignInMetrics(registry);
    }

    @Bean
    WorkerSignInCheck workerSignInCheck(WebClient.Builder webClient,
            @Value("${chunfeng.services.employment-url}") String employmentUrl,
            ReactiveCircuitBreakerFactory<?, ?> breakers, TokenIssuer tokens) {
        return new WorkerSignInCheck(webClient, employmentUrl, breakers, tokens, Duration.ofSeconds(5));
    }
}
