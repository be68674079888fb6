package dev.csbot.slack;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.csbot.chat.Reply;
import dev.csbot.cli.ReplyFormat;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code csbot ask ... --format slack}: the Block Kit payload Slack would receive for this reply, as an
 * ephemeral {@code response_url} body. A reply too long for one message prints every part, as a JSON array.
 */
@Component
class SlackReplyFormat implements ReplyFormat {

    private final SlackBlockKitRenderer renderer = new SlackBlockKitRenderer();

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public String render(Reply reply) {
        List<SlackMessage> messages = renderer.renderMessages(reply);
        GsonBuilder pretty = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping();
        if (messages.size() == 1) {
            return pretty.create().toJson(SlackPayloads.messagePayload(messages.get(0), "ephemeral")) + "\n";
        }
        JsonArray parts = new JsonArray();
        for (SlackMessage message : messages) {
            JsonObject payload = SlackPayloads.messagePayload(message, "ephemeral");
            parts.add(payload);
        }
        return pretty.create().toJson(parts) + "\n";
    }
}
