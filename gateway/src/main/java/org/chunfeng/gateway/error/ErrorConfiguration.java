package org.chunfeng.gateway.error;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
public class ErrorConfiguration {

    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    GatewayErrorHandler gatewayErrorHandler(ProblemResponses responses) {
        return new GatewayErrorHandler(responses);
    }
}
