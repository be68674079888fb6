package dev.csbot.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What every door of the service shares: the socket's own address on each request. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebConfiguration {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> socketPeerValve() {
        return WebConfiguration::addSocketPeerValve;
    }

    /** Also used by tests that start a bare Tomcat the way the service does. */
    static void addSocketPeerValve(ConfigurableTomcatWebServerFactory factory) {
        factory.addEngineValves(new SocketPeerValve());
    }
}
