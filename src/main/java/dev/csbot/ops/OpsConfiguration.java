package dev.csbot.ops;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Operations: the core's answers timed for {@code /actuator/prometheus}. */
@Configuration(proxyBeanMethods = false)
class OpsConfiguration {

    // Static: a post-processor is created before the other beans of its configuration.
    @Bean
    static ChatServiceTiming chatServiceTiming(ObjectProvider<CsbotMetrics> metrics) {
        return new ChatServiceTiming(metrics);
    }
}
