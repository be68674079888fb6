package dev.csbot.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API's access rule, on {@code /api/v1/*}, the actuator ({@code /actuator/*}: health, info, prometheus)
 * and the OpenAPI document ({@code /v3/api-docs}); never on the chat doors. With the actuator on a port of its own
 * ({@code MANAGEMENT_SERVER_PORT}), {@link ManagementAccessConfiguration} puts the same rule there.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiConfiguration.class);

    /** Everything but the chat doors (/slack/events, /api/messages), which check their own signatures and tokens. */
    static final String[] PROTECTED_PATHS = {"/api/v1/*", "/actuator", "/actuator/*", "/v3/api-docs",
        "/v3/api-docs/*"};

    @Bean
    FilterRegistrationBean<ApiAccessFilter> apiAccessFilter(
            @Value("${csbot.api-token:${CSBOT_API_TOKEN:}}") String token) {
        ApiAccessFilter filter = new ApiAccessFilter(token);
        if (filter.tokenRequired()) {
            log.info("REST API: /api/v1, /actuator and /v3/api-docs require 'Authorization: Bearer <CSBOT_API_TOKEN>'");
        } else {
            log.info("REST API: CSBOT_API_TOKEN is not set, so /api/v1, /actuator and /v3/api-docs accept requests from"
                    + " this machine only (by the connection's own address, whatever X-Forwarded-For says)");
        }
        FilterRegistrationBean<ApiAccessFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(PROTECTED_PATHS);
        registration.setName("csbotApiAccess");
        return registration;
    }
}
