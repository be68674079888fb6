package dev.csbot.ops;

import dev.csbot.store.OutboxBacklog;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operations: the core's answers timed, alerts raised and deliveries finished counted, and the outbox's backlog as
 * gauges, for {@code /actuator/prometheus}.
 */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {

    // Static: a post-processor is created before the other beans of its configuration.
    @Bean
    static ChatServiceTiming chatServiceTiming(ObjectProvider<CsbotMetrics> metrics) {
        return new ChatServiceTiming(metrics);
    }

    @Bean
    static DeliveryMetering deliveryMetering(ObjectProvider<CsbotMetrics> metrics) {
        return new DeliveryMetering(metrics);
    }

    /** Only in the service (a one-shot command is gone before anything scrapes it); bound when metrics start. */
    @Bean
    @ConditionalOnWebApplication
    MeterBinder outboxGauges(CsbotMetrics metrics, OutboxBacklog backlog) {
        return registry -> metrics.outboxBacklog(backlog::read, Clock.systemUTC());
    }
}
