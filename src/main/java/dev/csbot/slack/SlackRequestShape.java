package dev.csbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import java.util.Optional;

/**
 * What a signed request must hold before a listener runs: a slash command its command and user, a button
 * press an action and a user. Slack always sends them; anything else is refused with 400 (not a 500 from a
 * listener tripping over a missing field).
 */
final class SlackRequestShape {

    private SlackRequestShape() {}

    /** Why the request cannot be handled, or empty when it can. */
    static Optional<String> problem(Request<?> request) {
        if (request instanceof SlashCommandRequest command) {
            var payload = command.getPayload();
            if (payload == null || blank(payload.getCommand()) || blank(payload.getUserId())) {
                return Optional.of("a slash command needs a command and a user_id");
            }
        } else if (request instanceof BlockActionRequest action && !hasActionAndUser(action.getPayload())) {
            return Optional.of("a button press needs an action and a user");
        }
        return Optional.empty();
    }

    static boolean hasActionAndUser(BlockActionPayload payload) {
        return payload != null && payload.getUser() != null && !blank(payload.getUser().getId())
                && payload.getActions() != null && !payload.getActions().isEmpty()
                && payload.getActions().get(0) != null && !blank(payload.getActions().get(0).getActionId());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
