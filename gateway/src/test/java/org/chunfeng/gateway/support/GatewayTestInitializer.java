package org.chunfeng.gateway.support;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the gateway at the stub services and sets what the tests rely on: demo accounts with a known password,
 * a throw-away signing key, short breaker and response timeouts, small rate limits, and trust in
 * {@code X-Forwarded-For} so each test can be its own client.
 */
public class GatewayTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DEMO_PASSWORD = "demo-password-for-tests";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("chunfeng.services.employment-url", StubServices.EMPLOYMENT.url());
        properties.put("chunfeng.services.jobs-url", StubServices.JOBS.url());
        properties.put("chunfeng.services.transport-url", StubServices.TRANSPORT.url());
        properties.put("chunfeng.demo", "true");
        properties.put("CHUNFENG_DEMO_PASSWORD", DEMO_PASSWORD);
        properties.put("chunfeng.auth.key-file", "target/test-keys/gateway-signing-key.json");
        properties.put("chunfeng.gateway.response-timeout", "1s");
        properties.put("chunfeng.gateway.circuit-breaker.open-for", "1s");
        properties.put("chunfeng.gateway.circuit-breaker.minimum-calls", "3");
        properties.put("chunfeng.gateway.rate-limits.default.capacity", "60");
        properties.put("chunfeng.gateway.rate-limits.default.tokens", "60");
        properties.put("chunfeng.gateway.rate-limits.default.period", "1s");
        properties.put("chunfeng.gateway.rate-limits.sign-in.capacity", "5");
        properties.put("chunfeng.gateway.rate-limits.sign-in.tokens", "5");
        properties.put("chunfeng.gateway.rate-limits.sign-in.period", "1m");
        properties.put("chunfeng.gateway.body-limit", "64KB");
        properties.put("chunfeng.gateway.upload-limit", "1MB");
        properties.put("server.forward-headers-strategy", "framework");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("gateway-test", properties));
    }
}
