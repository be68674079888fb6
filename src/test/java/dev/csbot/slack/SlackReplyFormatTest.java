package dev.csbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.csbot.chat.Reply;
import dev.csbot.chat.ReplyBlock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackReplyFormatTest {

    private final SlackReplyFormat format = new SlackReplyFormat();

    @Test
    void itIsSelectedByTheNameSlack() {
        assertThat(format.name()).isEqualTo("slack");
    }

    @Test
    void itPrintsTheEphemeralPayloadSlackWouldReceive() {
        String json = format.render(Reply.answer("Acme health: 62/100, yellow",
                List.of(new ReplyBlock.Paragraph("<!channel> usage fell"))));
        SlackLimits.assertMessageWithinLimits(json);
        assertThat(JsonParser.parseString(json).getAsJsonObject().get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(json).contains("&lt;!channel&gt; usage fell");
    }

    @Test
    void aReplyTooLongForOneMessagePrintsEveryPart() {
        List<ReplyBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            blocks.add(new ReplyBlock.Paragraph("Paragraph " + i));
        }
        JsonArray parts = JsonParser.parseString(format.render(Reply.answer("Long", blocks))).getAsJsonArray();
        assertThat(parts.size()).isGreaterThan(1);
        for (JsonElement part : parts) {
            SlackLimits.assertMessageWithinLimits(part.toString());
        }
        assertThat(parts.toString()).contains("Paragraph 119");
    }
}
