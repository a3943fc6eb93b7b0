package org.chunfeng.employment;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Everything logged in this JVM while it is open, as text: messages, arguments and stack traces. */
public final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    public String text() {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent e : List.copyOf(appender.list)) {
            all.append(e.getFormattedMessage()).append('\n');
            e.getMDCPropertyMap().values().forEach(v -> all.append(v).append('\n'));
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                all.append(t.getMessage()).append('\n');
            }
        }
        return all.toString();
    }

    public int size() {
        return appender.list.size();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
