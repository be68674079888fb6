package dev.csbot.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The REST API's access rule, on {@code /api/v1/*} only. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiConfiguration.class);

    @Bean
    FilterRegistrationBean<ApiAccessFilter> apiAccessFilter(
            @Value("${csbot.api-token:${CSBOT_API_TOKEN:}}") String token) {
        ApiAccessFilter filter = new ApiAccessFilter(token);
        if (filter.tokenRequired()) {
            log.info("REST API: /api/v1 requires 'Authorization: Bearer <CSBOT_API_TOKEN>'");
        } else {
            log.info("REST API: CSBOT_API_TOKEN is not set, so /api/v1 accepts requests from this machine only (by the"
                    + " connection's own address, whatever X-Forwarded-For says)");
        }
        FilterRegistrationBean<ApiAccessFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/v1/*");
        registration.setName("csbotApiAccess");
        return registration;
    }
}
