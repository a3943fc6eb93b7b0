package org.chunfeng.gateway.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.chunfeng.devstack.testing.InfrastructureInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The gateway on a random port, with the shared real broker and Mongo wire server, in front of the stub services.
 * Every gateway test class uses only this, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {InfrastructureInitializer.class, GatewayTestInitializer.class})
@AutoConfigureWebTestClient(timeout = "20s")
public @interface GatewayTest {
}
