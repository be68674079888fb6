package dev.csbot.slack;

import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;

/** Says once, at start-up, that the Slack door was switched off ({@code csbot.slack.enabled=false}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = SlackAppConfiguration.ENABLED, havingValue = false)
class SlackDoorOff {

    SlackDoorOff() {
        LoggerFactory.getLogger(SlackDoorOff.class).info("Slack door off (CSBOT_SLACK_ENABLED=false):"
                + " POST /slack/events answers 404 and csbot neither connects to Slack nor posts there");
    }
}
