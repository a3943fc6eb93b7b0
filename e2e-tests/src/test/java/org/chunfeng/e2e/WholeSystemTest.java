package org.chunfeng.e2e;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test of the whole running system. Take a {@link ChunfengSystem} as a constructor, {@code @BeforeAll} or test
 * method parameter; every class annotated so shares the one system of the test JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(WholeSystem.class)
public @interface WholeSystemTest {
}
