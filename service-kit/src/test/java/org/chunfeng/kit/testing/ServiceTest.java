package org.chunfeng.kit.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.chunfeng.devstack.testing.InfrastructureInitializer;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole-service test: the service on a random port, the shared real broker and Mongo server, and trust in
 * {@link TestTokens}, and a {@code RestTestClient} bound to the service. Every service test class uses exactly this,
 * so Spring builds the context once per module.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {InfrastructureInitializer.class, TestSecurityInitializer.class})
@AutoConfigureRestTestClient
public @interface ServiceTest {
}
