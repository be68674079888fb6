package dev.csbot.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Iterator;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;

/**
 * Logs go to stderr, so that stdout carries only answers ({@code csbot ask ... --format slack | jq}).
 * Spring Boot builds its console appender from the {@code logging.*} properties (the pattern in
 * application.yml, {@code logging.structured.format.console}, levels) but always on stdout, and a custom
 * logback-spring.xml would give up those properties. So Boot configures logging as usual, and right after
 * it (this listener runs next) the same console appender is pointed at stderr. Registered in
 * META-INF/spring.factories, so it runs for the service, the CLI and the tests alike.
 */
public final class ConsoleLogsOnStderr implements GenericApplicationListener {

    static final String STDERR = "System.err";

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        return eventType.isAssignableFrom(ApplicationEnvironmentPreparedEvent.class);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            retarget(context);
        }
    }

    static void retarget(LoggerContext context) {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> appenders = root.iteratorForAppenders(); appenders.hasNext();) {
            if (appenders.next() instanceof ConsoleAppender<ILoggingEvent> console
                    && !STDERR.equals(console.getTarget())) {
                // The target is read when the appender starts; stopping it leaves System.out open.
                console.stop();
                console.setTarget(STDERR);
                console.start();
            }
        }
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
