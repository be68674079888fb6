package dev.csbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csbot.chat.ActionIds;
import dev.csbot.chat.Reply;
import dev.csbot.chat.ReplyBlock;
import dev.csbot.chat.ReplyBlock.Tone;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class TeamsAdaptiveCardRendererTest {

    private final TeamsAdaptiveCardRenderer renderer = new TeamsAdaptiveCardRenderer();

    static Reply everyBlock() {
        return Reply.answer("Acme Corp: 42 / 100 (red)", List.of(
                new ReplyBlock.Heading("Drivers"),
                new ReplyBlock.Paragraph("Usage fell 38% in 30 days."),
                new ReplyBlock.Facts(List.of(new ReplyBlock.Fact("Score", "42 / 100"),
                        new ReplyBlock.Fact("ARR", "$480,000"))),
                new ReplyBlock.Items(List.of(
                        ReplyBlock.Item.of("Champion left", "Dana Lee left on 2026-10-02", Tone.BAD),
                        ReplyBlock.Item.of("Training done", "2 sessions", Tone.GOOD),
                        ReplyBlock.Item.of("Tickets rising", null, Tone.WARNING),
                        ReplyBlock.Item.of("Plain item"))),
                new ReplyBlock.Trend("Health, 12 weeks", List.of(70.0, 65.0, 60.0, 52.0, 42.0), "Sep", "Nov"),
                new ReplyBlock.Quote("The export is slow", "NPS 4, ops@acme.example"),
                new ReplyBlock.Notice(Tone.WARNING, "Usage data is 9 days old."),
                new ReplyBlock.Context(List.of("CSM: ana@ours.example", "As of 2026-11-23")),
                new ReplyBlock.Actions(List.of(
                        new ReplyBlock.Action(ActionIds.SHOW_DRIVERS, "Drivers", "acme", Tone.NEUTRAL),
                        new ReplyBlock.Action(ActionIds.START_PLAYBOOK, "Start playbook", "acme|champion-change",
                                Tone.BAD))),
                new ReplyBlock.Form("feedback-answer", "How likely are you to recommend us?", List.of(
                        new ReplyBlock.FormField("score", "Score", ReplyBlock.FieldKind.SCALE, 0, 10, true,
                                List.of(new ReplyBlock.ScaleLabel(0, "Not at all likely"),
                                        new ReplyBlock.ScaleLabel(10, "Extremely likely")), 0),
                        new ReplyBlock.FormField("comment", "Why?", ReplyBlock.FieldKind.TEXT, 0, 0, false),
                        new ReplyBlock.FormField("anonymous", "Don't show my name", ReplyBlock.FieldKind.CHECKBOX, 0, 0,
                                false)),
                        "Send", "tok-123")));
    }

    @Test
    void everyBlockTypeRendersAsAValidAdaptiveCard15() {
        List<ObjectNode> cards = renderer.render(everyBlock());

        assertThat(cards).hasSize(1);
        ObjectNode card = cards.get(0);
        AdaptiveCardSchema.assertValid(card.toString());
        assertThat(card.path("version").asText()).isEqualTo("1.5");
        List<String> types = types(card.path("body"));
        assertThat(types).contains("TextBlock", "FactSet", "Container", "ActionSet", "Input.ChoiceSet", "Input.Text",
                "Input.Toggle");
        // Dates and numbers are not markdown: they come out as they are.
        assertThat(card.toString()).contains("Dana Lee left on 2026-10-02");
    }

    /**
     * One block of every type, each carrying its own marker, must come out as the card element that shows
     * that type, marker and all. A new block type fails here until it has an expectation.
     */
    @Test
    void everyBlockTypeRendersAsItsOwnKindOfElement() {
        java.util.Map<Class<?>, ReplyBlock> oneOfEach = new java.util.LinkedHashMap<>();
        oneOfEach.put(ReplyBlock.Heading.class, new ReplyBlock.Heading("HEADING 1"));
        oneOfEach.put(ReplyBlock.Paragraph.class, new ReplyBlock.Paragraph("PARAGRAPH 2"));
        oneOfEach.put(ReplyBlock.Facts.class, new ReplyBlock.Facts(List.of(new ReplyBlock.Fact("Label", "FACTS 3"))));
        oneOfEach.put(ReplyBlock.Items.class, new ReplyBlock.Items(List.of(ReplyBlock.Item.of("ITEMS 4"))));
        oneOfEach.put(ReplyBlock.Trend.class, new ReplyBlock.Trend("TREND 5", List.of(1.0, 2.0), "a", "b"));
        oneOfEach.put(ReplyBlock.Quote.class, new ReplyBlock.Quote("QUOTE 6", "Pat"));
        oneOfEach.put(ReplyBlock.Notice.class, new ReplyBlock.Notice(Tone.WARNING, "NOTICE 7"));
        oneOfEach.put(ReplyBlock.Context.class, new ReplyBlock.Context(List.of("CONTEXT 8")));
        oneOfEach.put(ReplyBlock.Actions.class, new ReplyBlock.Actions(List.of(
                new ReplyBlock.Action(ActionIds.OPEN_QBR, "ACTIONS 9", "acme", Tone.NEUTRAL))));
        oneOfEach.put(ReplyBlock.Form.class, new ReplyBlock.Form("feedback-answer", "FORM 10", List.of(), "Send",
                "tok"));
        assertThat(oneOfEach.keySet()).containsExactlyInAnyOrder(ReplyBlock.class.getPermittedSubclasses());

        ObjectNode card = renderer.render(Reply.answer("Title", List.copyOf(oneOfEach.values()))).get(0);
        AdaptiveCardSchema.assertValid(card.toString());
        JsonNode body = card.path("body");

        assertThat(types(body)).containsExactly("TextBlock", "TextBlock", "TextBlock", "FactSet", "Container",
                "TextBlock", "Container", "Container", "TextBlock", "ActionSet", "TextBlock", "ActionSet");
        assertThat(body.get(1).path("text").asText()).isEqualTo("HEADING 1");
        assertThat(body.get(1).path("weight").asText()).isEqualTo("Bolder");
        assertThat(body.get(2).path("text").asText()).isEqualTo("PARAGRAPH 2");
        assertThat(body.get(3).path("facts").get(0).path("value").asText()).isEqualTo("FACTS 3");
        assertThat(body.get(4).path("items").get(0).path("text").asText()).isEqualTo("• ITEMS 4");
        assertThat(body.get(5).path("text").asText()).startsWith("TREND 5: a ");
        assertThat(body.get(5).path("fontType").asText()).isEqualTo("Monospace");
        assertThat(body.get(6).path("style").asText()).isEqualTo("emphasis");
        assertThat(body.get(6).path("items").get(0).path("text").asText()).isEqualTo("“QUOTE 6”");
        assertThat(body.get(7).path("style").asText()).isEqualTo("warning");
        assertThat(body.get(7).path("items").get(0).path("text").asText()).isEqualTo("NOTICE 7");
        assertThat(body.get(8).path("text").asText()).isEqualTo("CONTEXT 8");
        assertThat(body.get(8).path("isSubtle").asBoolean()).isTrue();
        assertThat(body.get(9).path("actions").get(0).path("title").asText()).isEqualTo("ACTIONS 9");
        assertThat(body.get(9).path("actions").get(0).path("data").path("action").asText()).isEqualTo("open-qbr");
        assertThat(body.get(10).path("text").asText()).isEqualTo("FORM 10");
        assertThat(body.get(11).path("actions").get(0).path("data").path("token").asText()).isEqualTo("tok");
    }

    @Test
    void factsBecomeAFactSet() {
        ObjectNode card = renderer.render(everyBlock()).get(0);
        JsonNode factSet = find(card.path("body"), "FactSet");
        assertThat(factSet.path("facts").get(0).path("title").asText()).isEqualTo("Score");
        assertThat(factSet.path("facts").get(0).path("value").asText()).isEqualTo("42 / 100");
    }

    @Test
    void itemsCarryTheirEvidenceAndTone() {
        ObjectNode card = renderer.render(everyBlock()).get(0);
        String json = card.toString();
        assertThat(json).contains("\"text\":\"▼ Champion left\",\"wrap\":true,\"color\":\"Attention\"");
        assertThat(json).contains("Dana Lee left on 2026-10-02");
        assertThat(json).contains("\"color\":\"Good\"");
    }

    @Test
    void trendIsACompactSparkline() {
        String json = renderer.render(everyBlock()).get(0).toString();
        assertThat(json).contains("Health, 12 weeks: Sep █▇▆▄▁ Nov");
        assertThat(dev.csbot.chat.Sparkline.of(List.of(1.0, 8.0))).isEqualTo("▁█");
    }

    @Test
    void buttonsAreSubmitActionsCarryingTheActionIdAndValue() {
        ObjectNode card = renderer.render(everyBlock()).get(0);
        JsonNode actionSet = find(card.path("body"), "ActionSet");
        JsonNode first = actionSet.path("actions").get(0);
        assertThat(first.path("type").asText()).isEqualTo("Action.Submit");
        assertThat(first.path("title").asText()).isEqualTo("Drivers");
        assertThat(first.path("data").path("action").asText()).isEqualTo(ActionIds.SHOW_DRIVERS);
        assertThat(first.path("data").path("value").asText()).isEqualTo("acme");
        // Teams does not render positive/destructive styles (limits.json): none is sent.
        assertThat(first.has("style")).isFalse();
    }

    @Test
    void formsBecomeInputsAndASubmitCarryingTheFormAndItsToken() {
        ObjectNode card = renderer.render(everyBlock()).get(0);
        JsonNode score = find(card.path("body"), "Input.ChoiceSet");
        assertThat(score.path("id").asText()).isEqualTo("score");
        assertThat(score.path("isRequired").asBoolean()).isTrue();
        assertThat(score.path("choices")).hasSize(11);
        assertThat(score.path("choices").get(0).path("title").asText()).isEqualTo("0 - Not at all likely");
        assertThat(score.path("choices").get(0).path("value").asText()).isEqualTo("0");
        assertThat(score.path("choices").get(5).path("title").asText()).isEqualTo("5");
        JsonNode comment = find(card.path("body"), "Input.Text");
        assertThat(comment.path("isMultiline").asBoolean()).isTrue();
        assertThat(comment.path("maxLength").asInt()).isEqualTo(2000);
        JsonNode anonymous = find(card.path("body"), "Input.Toggle");
        assertThat(anonymous.path("id").asText()).isEqualTo("anonymous");
        assertThat(anonymous.path("valueOn").asText()).isEqualTo("true");
        assertThat(anonymous.path("valueOff").asText()).isEqualTo("false");
        List<JsonNode> actionSets = findAll(card.path("body"), "ActionSet");
        JsonNode send = actionSets.get(actionSets.size() - 1).path("actions").get(0);
        assertThat(send.path("type").asText()).isEqualTo("Action.Submit");
        assertThat(send.path("data").path("form").asText()).isEqualTo("feedback-answer");
        assertThat(send.path("data").path("token").asText()).isEqualTo("tok-123");
        assertThat(send.path("data").has("action")).as("a form is not a button press").isFalse();
    }

    @Test
    void customerTextInAQuoteComesOutInert() {
        Reply reply = Reply.answer("Feedback", List.of(new ReplyBlock.Quote(
                "<at>Jane</at> [click](https://evil.example) **bold** _it_ # head @channel", "NPS 2")));
        ObjectNode card = renderer.render(reply).get(0);
        AdaptiveCardSchema.assertValid(card.toString());
        String text = find(card.path("body"), "Container").path("items").get(0).path("text").asText();

        // Every "<" is escaped, so no tag (and no <at> mention) opens.
        assertThat(text).doesNotContainPattern("(?<!\\\\)<").contains("\\<at>Jane\\</at>");
        assertThat(text).doesNotContain("[click](").contains("\\[click\\](https\\://evil.example)");
        assertThat(text).doesNotContain("**").contains("\\*\\*bold\\*\\*");
        assertThat(text).contains("\\_it\\_");
        // Teams mentions people only through msteams entities, which the renderer never writes.
        assertThat(card.has("msteams")).isFalse();
        assertThat(unescaped(text)).isEqualTo("“<at>Jane</at> [click](https://evil.example) **bold** _it_ # head"
                + " @channel”");
    }

    @Test
    void lineStartsThatWouldBecomeListsOrHeadingsAreEscaped() {
        assertThat(TeamsMarkdown.escape("- one\n+ two\n1. three\n2026-11-23\n# four\n> five\nsix # 7 > 8")).isEqualTo(
                "\\- one\n\\+ two\n1\\. three\n2026-11-23\n\\# four\n\\> five\nsix # 7 > 8");
        assertThat(TeamsMarkdown.escape("Acme Corp: 42 / 100 (red)! 365 -> 284, dana@ours.example"))
                .isEqualTo("Acme Corp: 42 / 100 (red)! 365 -> 284, dana@ours.example");
    }

    @Test
    void titlesAndFactsAreEscapedToo() {
        Reply reply = Reply.answer("*Acme* [x](y)", List.of(new ReplyBlock.Facts(List.of(
                new ReplyBlock.Fact("<b>", "_v_")))));
        String json = renderer.render(reply).get(0).toString();
        assertThat(json).contains("\\\\*Acme\\\\* \\\\[x\\\\](y)").contains("\\\\<b>").contains("\\\\_v\\\\_");
    }

    private static Reply riskList(int count) {
        List<ReplyBlock.Item> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(ReplyBlock.Item.of("Account number " + i + " renews soon", "evidence line " + i, Tone.WARNING));
        }
        return Reply.answer("Risks", List.of(new ReplyBlock.Items(items)));
    }

    @Test
    void aReplyLongerThanThreeCardsIsCutAtThreeWithANoteSayingSo() {
        List<ObjectNode> cards = renderer.render(riskList(3000));

        assertThat(cards).hasSize(TeamsAdaptiveCardRenderer.MAX_CARDS);
        for (ObjectNode card : cards) {
            AdaptiveCardSchema.assertValid(card.toString());
            assertThat(TeamsAdaptiveCardRenderer.utf16Bytes(card))
                    .isLessThanOrEqualTo(TeamsAdaptiveCardRenderer.MAX_CARD_UTF16_BYTES);
        }
        assertThat(cards.get(2).toString()).contains("the rest is left out").contains("Part 3 of 3");
        assertThat(cards.get(0).toString()).contains("Account number 0 renews soon");
    }

    @Test
    void aTenMegabyteParagraphBecomesAtMostThreeCardsInLinearTime() {
        String huge = "x".repeat(10 * 1024 * 1024);

        List<ObjectNode> cards = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(10), () -> renderer.render(Reply.answer("Long",
                        List.of(new ReplyBlock.Paragraph(huge)))));

        assertThat(cards).hasSize(TeamsAdaptiveCardRenderer.MAX_CARDS);
        for (ObjectNode card : cards) {
            assertThat(TeamsAdaptiveCardRenderer.utf16Bytes(card))
                    .isLessThanOrEqualTo(TeamsAdaptiveCardRenderer.MAX_CARD_UTF16_BYTES);
        }
    }

    @Test
    void aReplyTooBigForOneMessageIsSplitIntoValidPartsWithNothingLost() {
        Reply reply = riskList(120);

        List<ObjectNode> cards = renderer.render(reply);

        assertThat(cards.size()).isBetween(2, TeamsAdaptiveCardRenderer.MAX_CARDS);
        String all = String.join("", cards.stream().map(ObjectNode::toString).toList());
        assertThat(all).doesNotContain("the rest is left out");
        for (int i = 0; i < 120; i++) {
            assertThat(all).contains("Account number " + i + " renews soon");
        }
        for (int i = 0; i < cards.size(); i++) {
            AdaptiveCardSchema.assertValid(cards.get(i).toString());
            assertThat(TeamsAdaptiveCardRenderer.utf16Bytes(cards.get(i)))
                    .isLessThanOrEqualTo(TeamsAdaptiveCardRenderer.MAX_CARD_UTF16_BYTES);
            assertThat(cards.get(i).toString()).contains("Part " + (i + 1) + " of " + cards.size());
        }
    }

    @Test
    void aVeryLongParagraphIsCutIntoSeveralBlocksNotTruncated() {
        String word = "lorem ";
        String text = word.repeat(1500);
        ObjectNode card = renderer.render(Reply.answer("Long", List.of(new ReplyBlock.Paragraph(text)))).get(0);
        AdaptiveCardSchema.assertValid(card.toString());
        List<JsonNode> blocks = findAll(card.path("body"), "TextBlock");
        String joined = String.join(" ", blocks.subList(1, blocks.size()).stream().map(b -> b.path("text").asText())
                .toList());
        assertThat(joined.split(" ")).hasSize(1500);
    }

    @Test
    void theTeamsFormatPrintsTheAttachment() {
        String printed = new TeamsReplyFormat().render(everyBlock());
        assertThat(new TeamsReplyFormat().name()).isEqualTo("teams");
        assertThat(printed).contains("\"contentType\" : \"application/vnd.microsoft.card.adaptive\"");
        assertThat(printed).contains("\"type\" : \"AdaptiveCard\"");
    }

    private static String unescaped(String text) {
        return text.replaceAll("\\\\(.)", "$1");
    }

    private static List<String> types(JsonNode body) {
        return StreamSupport.stream(body.spliterator(), false).map(n -> n.path("type").asText()).toList();
    }

    private static JsonNode find(JsonNode body, String type) {
        return findAll(body, type).get(0);
    }

    private static List<JsonNode> findAll(JsonNode body, String type) {
        return StreamSupport.stream(body.spliterator(), false).filter(n -> n.path("type").asText().equals(type))
                .toList();
    }
}
