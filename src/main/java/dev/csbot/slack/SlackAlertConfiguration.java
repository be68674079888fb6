package dev.csbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.csbot.alerts.ConversationMessenger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Slack as a place csbot posts to on its own (alerts, digests): in the service, when Slack is set up. Its
 * Web API client (1.47) does not retry by itself: the outbox decides when to try again, honouring Retry-After.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = SlackAppConfiguration.ENABLED, matchIfMissing = true)
class SlackAlertConfiguration {

    @Bean
    @Conditional(SlackAppConfiguration.SlackEnabled.class)
    ConversationMessenger slackNotifier(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl().endsWith("/") ? settings.apiUrl() : settings.apiUrl() + "/");
        config.setStatsEnabled(false);
        return new SlackNotifier(Slack.getInstance(config).methods(settings.botToken()), new SlackBlockKitRenderer());
    }
}
