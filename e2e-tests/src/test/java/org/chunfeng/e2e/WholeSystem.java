package org.chunfeng.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the one {@link ChunfengSystem} of this test JVM: started by the first test class that asks, kept in
 * the root context's store, and closed (every process stopped and checked) when the whole run ends.
 */
public final class WholeSystem implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WholeSystem.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ChunfengSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return system(context);
    }

    static ChunfengSystem system(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Started.class, key -> Started.start(),
                Started.class).system();
    }

    /** The system, or why it did not start: a failed start is not tried again by every test class after it. */
    private record Started(ChunfengSystem running, RuntimeException failure) implements AutoCloseable {

        static Started start() {
            try {
                return new Started(ChunfengSystem.start(), null);
            } catch (RuntimeException e) {
                return new Started(null, e);
            }
        }

        ChunfengSystem system() {
            if (failure != null) {
                throw new IllegalStateException("The system did not start (see the first failed test): "
                        + failure.getMessage(), failure);
            }
            return running;
        }

        @Override
        public void close() {
            if (running != null) {
                running.close();
            }
        }
    }
}
