package dev.csbot.api;

import dev.csbot.web.SocketPeerValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The actuator on a port of its own ({@code MANAGEMENT_SERVER_PORT}) runs in a child context with a Tomcat of its
 * own, which gets neither the service's filters nor its valves: this gives it the same access rule (the API token,
 * or this machine by the socket's own address). Listed in
 * META-INF/spring/org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration.imports.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class ManagementAccessConfiguration {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> managementSocketPeerValve() {
        return factory -> factory.addEngineValves(new SocketPeerValve());
    }

    @Bean
    FilterRegistrationBean<ApiAccessFilter> managementAccessFilter(
            @Value("${csbot.api-token:${CSBOT_API_TOKEN:}}") String token) {
        FilterRegistrationBean<ApiAccessFilter> registration = new FilterRegistrationBean<>(new ApiAccessFilter(token));
        registration.addUrlPatterns("/*");
        registration.setName("csbotManagementAccess");
        return registration;
    }
}
