package org.chunfeng.kit.testing;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Makes the service under test trust {@link TestTokens} instead of fetching the gateway's keys. */
public class TestSecurityInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("chunfeng-test-security",
                Map.of("chunfeng.security.public-key", TestTokens.publicKey())));
    }
}
