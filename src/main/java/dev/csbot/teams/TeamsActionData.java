package dev.csbot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The data an Action.Submit button carries: {@code {"action": "show-health", "value": "acme"}}. Teams sends
 * it back as the {@code value} of a message activity (or of an invoke, for buttons that ask for one).
 */
record TeamsActionData(String actionId, String value) {

    static final String ACTION = "action";
    static final String VALUE = "value";

    static Optional<TeamsActionData> from(Object activityValue) {
        if (activityValue == null) {
            return Optional.empty();
        }
        JsonNode node = com.microsoft.bot.schema.Serialization.objectToTree(activityValue);
        if (node == null || !node.isObject() || !node.path(ACTION).isTextual() || node.path(ACTION).asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new TeamsActionData(node.path(ACTION).asText(), node.path(VALUE).asText("")));
    }
}
