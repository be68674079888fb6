package dev.csbot.slack;

import java.util.Set;

/**
 * The Slack configuration (env SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN, SLACK_API_URL and
 * the optional SLACK_INTERNAL_TEAM_IDS; empty means "the workspace the app is installed in").
 */
record SlackSettings(String botToken, String signingSecret, String appToken, String apiUrl, Set<String> internalTeamIds) {

    boolean enabled() {
        return !botToken.isEmpty() && (!signingSecret.isEmpty() || !appToken.isEmpty());
    }

    boolean socketMode() {
        return !appToken.isEmpty();
    }

    @Override
    public String toString() {
        return "SlackSettings[apiUrl=" + apiUrl + ", internalTeamIds=" + internalTeamIds + ", tokens redacted]";
    }
}
