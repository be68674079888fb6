package dev.csbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.chat.ActionIds;
import dev.csbot.chat.Reply;
import dev.csbot.chat.ReplyBlock;
import dev.csbot.chat.ReplyBlock.Tone;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextReplyFormatTest {

    /**
     * One block of every type, each carrying its own marker, must come out as the lines that show that type.
     * A new block type fails here until it has an expectation.
     */
    @Test
    void everyBlockTypeRendersAsItsOwnLines() {
        Map<Class<?>, ReplyBlock> oneOfEach = new LinkedHashMap<>();
        oneOfEach.put(ReplyBlock.Heading.class, new ReplyBlock.Heading("HEADING 1"));
        oneOfEach.put(ReplyBlock.Paragraph.class, new ReplyBlock.Paragraph("PARAGRAPH 2"));
        oneOfEach.put(ReplyBlock.Facts.class, new ReplyBlock.Facts(List.of(new ReplyBlock.Fact("Score", "FACTS 3"),
                new ReplyBlock.Fact("ARR", "$1"))));
        oneOfEach.put(ReplyBlock.Items.class, new ReplyBlock.Items(List.of(ReplyBlock.Item.of("ITEMS 4", "why", Tone.BAD))));
        oneOfEach.put(ReplyBlock.Trend.class, new ReplyBlock.Trend("TREND 5", List.of(1.0, 2.0), "a", "b"));
        oneOfEach.put(ReplyBlock.Quote.class, new ReplyBlock.Quote("QUOTE 6", "Pat"));
        oneOfEach.put(ReplyBlock.Notice.class, new ReplyBlock.Notice(Tone.WARNING, "NOTICE 7"));
        oneOfEach.put(ReplyBlock.Context.class, new ReplyBlock.Context(List.of("CONTEXT 8", "as of today")));
        oneOfEach.put(ReplyBlock.Actions.class, new ReplyBlock.Actions(List.of(
                new ReplyBlock.Action(ActionIds.OPEN_QBR, "ACTIONS 9", "acme", Tone.NEUTRAL),
                new ReplyBlock.Action(ActionIds.OPEN_ACCOUNT, "Account", "acme", Tone.NEUTRAL))));
        oneOfEach.put(ReplyBlock.Form.class, new ReplyBlock.Form("feedback-answer", "FORM 10", List.of(
                new ReplyBlock.FormField("score", "Score", ReplyBlock.FieldKind.SCALE, 0, 10, true)), "Send", "tok"));
        assertThat(oneOfEach.keySet()).containsExactlyInAnyOrder(ReplyBlock.class.getPermittedSubclasses());

        String text = new TextReplyFormat().render(Reply.answer("Title", List.copyOf(oneOfEach.values())));

        assertThat(text).isEqualTo(String.join("\n",
                "Title",
                "=====",
                "",
                "HEADING 1",
                "---------",
                "PARAGRAPH 2",
                "Score  FACTS 3",
                "ARR    $1",
                "- ITEMS 4",
                "    why",
                "TREND 5: a ▁█ b",
                "  \"QUOTE 6\"",
                "    (Pat)",
                "! NOTICE 7",
                "CONTEXT 8 · as of today",
                "Next: ACTIONS 9 | Account",
                "FORM 10",
                "  [Score (0-10)]",
                ""));
    }
}
