package dev.csbot.slack;

import dev.csbot.slack.SlackAppConfiguration.SlackSocketMode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The Slack door in {@code /actuator/health} (and its readiness group): over HTTP it is ready once it is
 * configured; in Socket Mode only while its websocket to Slack is open. It calls no Slack API: a health check
 * must stay cheap and must not depend on Slack's rate limits.
 */
final class SlackDoorHealth implements HealthIndicator {

    private final SlackSettings settings;
    private final ObjectProvider<SlackSocketMode> socketMode;

    SlackDoorHealth(SlackSettings settings, ObjectProvider<SlackSocketMode> socketMode) {
        this.settings = settings;
        this.socketMode = socketMode;
    }

    @Override
    public Health health() {
        SlackSocketMode socket = socketMode.getIfAvailable();
        if (socket == null) {
            return Health.up().withDetail("mode", "http").withDetail("endpoint", "POST /slack/events")
                    .withDetail("web_api", settings.apiUrl()).build();
        }
        return (socket.connected() ? Health.up() : Health.outOfService()
                .withDetail("reason", "the Socket Mode connection to Slack is not open"))
                .withDetail("mode", "socket-mode").withDetail("web_api", settings.apiUrl()).build();
    }
}
