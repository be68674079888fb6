package dev.csbot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csbot.chat.Reply;
import dev.csbot.cli.ReplyFormat;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code csbot ask ... --format teams}: the Adaptive Card attachment the bot would send, as JSON. A reply
 * that needs several Teams messages prints a JSON array of attachments, one per message.
 */
@Component
public class TeamsReplyFormat implements ReplyFormat {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TeamsAdaptiveCardRenderer renderer = new TeamsAdaptiveCardRenderer();

    @Override
    public String name() {
        return "teams";
    }

    @Override
    public String render(Reply reply) {
        List<ObjectNode> cards = renderer.render(reply);
        try {
            Object printed = cards.size() == 1 ? TeamsAdaptiveCardRenderer.attachment(cards.get(0))
                    : cards.stream().map(TeamsAdaptiveCardRenderer::attachment).toList();
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(printed) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print the Teams attachment", e);
        }
    }
}
