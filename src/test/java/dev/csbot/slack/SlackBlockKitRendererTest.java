package dev.csbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.util.JsonOps;
import dev.csbot.chat.ActionIds;
import dev.csbot.chat.Reply;
import dev.csbot.chat.ReplyBlock;
import dev.csbot.chat.ReplyBlock.Tone;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SlackBlockKitRendererTest {

    private final SlackBlockKitRenderer renderer = new SlackBlockKitRenderer();

    private static Reply reply(ReplyBlock... blocks) {
        return Reply.answer("Acme: health 42 (red)", List.of(blocks));
    }

    private JsonObject single(Reply reply) {
        List<SlackMessage> messages = renderer.renderMessages(reply);
        assertThat(messages).hasSize(1);
        String json = SlackPayloads.messagePayload(messages.get(0), "ephemeral").toString();
        SlackLimits.assertMessageWithinLimits(json);
        SlackSchema.assertValidBlocks(JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("blocks").toString());
        return JsonParser.parseString(json).getAsJsonObject();
    }

    private static JsonArray blocks(JsonObject payload) {
        return payload.getAsJsonArray("blocks");
    }

    @Test
    void titleBecomesAHeaderAndTheFallbackText() {
        JsonObject payload = single(reply());
        assertThat(payload.get("text").getAsString()).isEqualTo("Acme: health 42 (red)");
        JsonObject header = blocks(payload).get(0).getAsJsonObject();
        assertThat(header.get("type").getAsString()).isEqualTo("header");
        assertThat(header.getAsJsonObject("text").get("type").getAsString()).isEqualTo("plain_text");
        assertThat(header.getAsJsonObject("text").get("text").getAsString()).isEqualTo("Acme: health 42 (red)");
    }

    @Test
    void headingAndParagraphBecomeVerbatimSections() {
        JsonObject payload = single(reply(new ReplyBlock.Heading("Drivers"), new ReplyBlock.Paragraph("Usage fell.")));
        JsonObject heading = blocks(payload).get(1).getAsJsonObject().getAsJsonObject("text");
        assertThat(heading.get("text").getAsString()).isEqualTo("*Drivers*");
        assertThat(heading.get("verbatim").getAsBoolean()).isTrue();
        assertThat(blocks(payload).get(2).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
                .isEqualTo("Usage fell.");
    }

    @Test
    void factsBecomeSectionFieldsTenAtATime() {
        List<ReplyBlock.Fact> facts = IntStream.range(0, 13).mapToObj(i -> new ReplyBlock.Fact("L" + i, "v" + i)).toList();
        JsonObject payload = single(reply(new ReplyBlock.Facts(facts)));
        assertThat(blocks(payload).get(1).getAsJsonObject().getAsJsonArray("fields")).hasSize(10);
        assertThat(blocks(payload).get(2).getAsJsonObject().getAsJsonArray("fields")).hasSize(3);
        assertThat(blocks(payload).get(1).getAsJsonObject().getAsJsonArray("fields").get(0).getAsJsonObject()
                .get("text").getAsString()).isEqualTo("*L0*\nv0");
    }

    @Test
    void itemsShowToneAndEvidence() {
        JsonObject payload = single(reply(new ReplyBlock.Items(List.of(
                ReplyBlock.Item.of("Champion left", "Jane Doe left on 2026-10-01", Tone.BAD),
                ReplyBlock.Item.of("Usage is steady")))));
        String text = blocks(payload).get(1).getAsJsonObject().getAsJsonObject("text").get("text").getAsString();
        assertThat(text).contains(":red_circle: Champion left\n        Jane Doe left on 2026-10-01")
                .contains("• Usage is steady");
    }

    @Test
    void trendIsACompactSparklineWithItsEnds() {
        JsonObject payload = single(reply(new ReplyBlock.Trend("Health by week", List.of(80.0, 70.0, 55.0, 42.0),
                "Sep 1", "Nov 23")));
        String text = blocks(payload).get(1).getAsJsonObject().getAsJsonObject("text").get("text").getAsString();
        assertThat(text).isEqualTo("*Health by week*\nSep 1 `█▆▃▁` Nov 23 (now 42)");
    }

    @Test
    void aLongTrendIsAveragedAndSaysSo() {
        List<Double> points = IntStream.range(0, 365).mapToObj(i -> (double) i).toList();
        JsonObject payload = single(reply(new ReplyBlock.Trend("Active users", points, "a", "b")));
        String text = blocks(payload).get(1).getAsJsonObject().getAsJsonObject("text").get("text").getAsString();
        assertThat(text).contains("365 points, averaged to 60");
    }

    @Test
    void quoteFromACustomerIsPlainTextThatFormatsMentionsAndLinksNothing() {
        String hostile = "<!channel> @here <@U123> <https://evil.example|click> & *bold* _it_ ~gone~ `code` https://x.example";
        JsonObject payload = single(reply(new ReplyBlock.Quote(hostile, "<!here> *Pat*, Acme")));
        JsonObject text = blocks(payload).get(1).getAsJsonObject().getAsJsonObject("text");

        // plain_text: Slack formats nothing in it and parses no mention, broadcast or link; emoji codes stay text.
        assertThat(text.get("type").getAsString()).isEqualTo("plain_text");
        assertThat(text.get("emoji").getAsBoolean()).isFalse();
        assertThat(text.get("text").getAsString()).isEqualTo("“<!channel> @here <@U123> <https:\u2060//evil.example|click>"
                + " & *bold* _it_ ~gone~ `code` https:\u2060//x.example”");
        JsonObject attribution = blocks(payload).get(2).getAsJsonObject().getAsJsonArray("elements").get(0)
                .getAsJsonObject();
        assertThat(attribution.get("type").getAsString()).isEqualTo("plain_text");
        assertThat(attribution.get("text").getAsString()).isEqualTo("— <!here> *Pat*, Acme");
        // No mrkdwn object anywhere holds the customer's text (SlackLimits fails on a raw '<' in mrkdwn).
        assertThat(blocks(payload).toString()).doesNotContain("\"mrkdwn\"");
        SlackSchema.assertValidBlocks(blocks(payload).toString());
    }

    @Test
    void internalTextStillFormatsAsMrkdwnWhileCustomerTextBesideItDoesNot() {
        JsonArray rendered = blocks(single(reply(new ReplyBlock.Paragraph("*bold* by us"),
                new ReplyBlock.Quote("*bold* by them", "Pat"))));
        assertThat(rendered.get(1).getAsJsonObject().getAsJsonObject("text").get("type").getAsString()).isEqualTo("mrkdwn");
        assertThat(rendered.get(2).getAsJsonObject().getAsJsonObject("text").get("type").getAsString())
                .isEqualTo("plain_text");
    }

    @Test
    void aPromptsFormIsAModalOfInputsByFieldIdWithinSlacksSchemaAndLimits() {
        dev.csbot.voc.FeedbackPrompt nps = dev.csbot.voc.PromptLoader.shipped().find("nps").orElseThrow();
        java.time.Instant now = java.time.Instant.parse("2026-11-23T12:00:00Z");
        dev.csbot.voc.PromptSend send = new dev.csbot.voc.PromptSend("s1", "acme", "nps",
                new dev.csbot.voc.Recipient.ChannelRecipient("slack", "C9", "acme-shared"), Optional.of("slack"), "h",
                "command", "dana", now, now.plusSeconds(86_400), Optional.empty(), Optional.empty(), Optional.empty());
        ReplyBlock.Form form = dev.csbot.chat.PromptMessages.form(new dev.csbot.voc.OpenPrompt(nps, send,
                Optional.empty()), "tok-123");

        com.slack.api.model.view.View view = renderer.modal(form, "{\"form\":\"feedback-answer\"}");
        String json = SlackPayloads.json(view);

        SlackSchema.assertValidModal(json);
        SlackLimits.assertViewWithinLimits(json);
        JsonObject modal = JsonParser.parseString(json).getAsJsonObject();
        assertThat(modal.get("callback_id").getAsString()).isEqualTo(SlackBlockKitRenderer.FORM_CALLBACK);
        JsonArray blocks = modal.getAsJsonArray("blocks");
        assertThat(blocks).extracting(b -> b.getAsJsonObject().get("block_id").getAsString())
                .containsExactly("score", "anonymous");
        JsonObject select = blocks.get(0).getAsJsonObject().getAsJsonObject("element");
        assertThat(select.get("action_id").getAsString()).isEqualTo(SlackBlockKitRenderer.INPUT_ACTION);
        assertThat(select.getAsJsonArray("options")).hasSize(11);
        assertThat(select.getAsJsonArray("options").get(10).getAsJsonObject().getAsJsonObject("text").get("text")
                .getAsString()).isEqualTo("10 - Extremely likely");
        assertThat(blocks.get(0).getAsJsonObject().get("optional").getAsBoolean()).isFalse();
        assertThat(blocks.get(1).getAsJsonObject().get("optional").getAsBoolean()).isTrue();
        assertThat(json).doesNotContain("\"mrkdwn\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> renderer.modal(form, "x".repeat(3001)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aResultIsAModalWithNothingToSubmit() {
        String json = SlackPayloads.json(renderer.resultModal(Reply.of(Reply.Status.ANSWER, "Thanks, recorded",
                "Your answer goes straight to the team that looks after your account.")));

        SlackSchema.assertValidModal(json);
        JsonObject modal = JsonParser.parseString(json).getAsJsonObject();
        assertThat(modal.getAsJsonObject("title").get("text").getAsString()).isEqualTo("Thanks, recorded");
        assertThat(modal.has("submit")).isFalse();
        assertThat(modal.getAsJsonObject("close").get("text").getAsString()).isEqualTo("Close");
    }

    @Test
    void everyTextFromTheReplyIsEscaped() {
        String evil = "<!channel>";
        Reply reply = new Reply(Reply.Status.ANSWER, evil, List.of(new ReplyBlock.Heading(evil),
                new ReplyBlock.Paragraph(evil), new ReplyBlock.Facts(List.of(new ReplyBlock.Fact(evil, evil))),
                new ReplyBlock.Items(List.of(ReplyBlock.Item.of(evil, evil, Tone.BAD))),
                new ReplyBlock.Trend(evil, List.of(1.0), evil, evil), new ReplyBlock.Notice(Tone.WARNING, evil),
                new ReplyBlock.Context(List.of(evil)),
                new ReplyBlock.Form("feedback-open", evil, List.of(new ReplyBlock.FormField("q", evil,
                        ReplyBlock.FieldKind.TEXT, 0, 0, true)), "Answer", "tok")));
        JsonObject payload = single(reply);
        // SlackLimits fails on any raw '<' in mrkdwn; check the notification text too.
        assertThat(payload.get("text").getAsString()).isEqualTo("&lt;!channel&gt;");
        assertThat(payload.toString()).doesNotContain("\\u003c!channel");
    }

    @Test
    void noticeAndContextAreVisible() {
        JsonObject payload = single(reply(new ReplyBlock.Notice(Tone.WARNING, "Usage data is 9 days old"),
                new ReplyBlock.Context(List.of("Owner: jane@example.com", "Data as of 2026-11-22"))));
        assertThat(blocks(payload).get(1).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
                .isEqualTo(":large_yellow_circle: Usage data is 9 days old");
        assertThat(blocks(payload).get(2).getAsJsonObject().getAsJsonArray("elements")).hasSize(2);
    }

    @Test
    void actionsBecomeButtonsCarryingIdAndValue() {
        JsonObject payload = single(reply(new ReplyBlock.Actions(List.of(
                new ReplyBlock.Action(ActionIds.OPEN_QBR, "Open QBR", "acme", Tone.NEUTRAL),
                new ReplyBlock.Action(ActionIds.START_PLAYBOOK, "Start playbook", "acme:renewal", Tone.BAD)))));
        JsonArray buttons = blocks(payload).get(1).getAsJsonObject().getAsJsonArray("elements");
        assertThat(buttons).hasSize(2);
        JsonObject first = buttons.get(0).getAsJsonObject();
        assertThat(first.get("action_id").getAsString()).isEqualTo("open-qbr");
        assertThat(first.get("value").getAsString()).isEqualTo("acme");
        assertThat(buttons.get(1).getAsJsonObject().get("style").getAsString()).isEqualTo("danger");
    }

    @Test
    void repeatedActionIdsGoToSeparateActionBlocks() {
        List<ReplyBlock.Action> actions = IntStream.range(0, 3)
                .mapToObj(i -> new ReplyBlock.Action(ActionIds.OPEN_ACCOUNT, "Open " + i, "a" + i, Tone.NEUTRAL)).toList();
        JsonObject payload = single(reply(new ReplyBlock.Actions(actions)));
        assertThat(blocks(payload)).hasSize(4);
    }

    @Test
    void aLongButtonLabelIsShortenedVisibly() {
        String label = "x".repeat(100);
        JsonObject payload = single(reply(new ReplyBlock.Actions(List.of(
                new ReplyBlock.Action(ActionIds.OPEN_ACCOUNT, label, "a", Tone.NEUTRAL)))));
        String text = blocks(payload).get(1).getAsJsonObject().getAsJsonArray("elements").get(0).getAsJsonObject()
                .getAsJsonObject("text").get("text").getAsString();
        assertThat(text).hasSize(75).endsWith("…");
    }

    @Test
    void aFormIsDescribedWithAButtonCarryingItsToken() {
        JsonObject payload = single(reply(new ReplyBlock.Form("feedback-open", "How likely are you to recommend us?",
                List.of(new ReplyBlock.FormField("score", "Score", ReplyBlock.FieldKind.SCALE, 0, 10, true)),
                "Answer", "opaque-token")));
        assertThat(blocks(payload).get(1).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
                .contains("Score (0-10)");
        JsonObject button = blocks(payload).get(2).getAsJsonObject().getAsJsonArray("elements").get(0).getAsJsonObject();
        assertThat(button.get("action_id").getAsString()).isEqualTo("feedback-open");
        assertThat(button.get("value").getAsString()).isEqualTo("opaque-token");
    }

    @Test
    void aLongTitleIsShortenedInTheHeaderAndShownWhole() {
        String title = "T".repeat(200);
        JsonObject payload = single(new Reply(Reply.Status.ANSWER, title, List.of()));
        assertThat(blocks(payload).get(0).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
                .hasSize(150).endsWith("…");
        assertThat(blocks(payload).get(1).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
                .isEqualTo(title);
    }

    @Test
    void aVeryLongParagraphIsSplitAcrossSectionsWithoutLosingText() {
        String text = ("word & more ".repeat(300)).trim();
        JsonObject payload = single(reply(new ReplyBlock.Paragraph(text)));
        StringBuilder joined = new StringBuilder();
        for (int i = 1; i < blocks(payload).size(); i++) {
            joined.append(blocks(payload).get(i).getAsJsonObject().getAsJsonObject("text").get("text").getAsString())
                    .append(' ');
        }
        assertThat(blocks(payload).size()).isGreaterThan(2);
        assertThat(joined.toString().trim()).isEqualTo(SlackBlockKitRenderer.escape(text));
    }

    private static Reply riskList(int count) {
        List<ReplyBlock.Item> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(ReplyBlock.Item.of("Account " + i + ": renewal in 30 days, score 31",
                    "champion left; usage down 40% in 30 days", Tone.BAD));
        }
        return Reply.answer("At-risk accounts", List.of(new ReplyBlock.Items(items)));
    }

    @Test
    void aListLongerThanOneMessageIsPaginatedWithNothingLost() {
        List<SlackMessage> messages = renderer.renderMessages(riskList(200));

        assertThat(messages.size()).isBetween(2, SlackBlockKitRenderer.MAX_MESSAGES);
        String all = "";
        for (SlackMessage message : messages) {
            String json = SlackPayloads.messagePayload(message, "ephemeral").toString();
            SlackLimits.assertMessageWithinLimits(json);
            all += json;
        }
        for (int i = 0; i < 200; i++) {
            assertThat(all).contains("Account " + i + ":");
        }
        assertThat(all).contains("Part 1 of " + messages.size() + ": continued in the next message")
                .doesNotContain("the rest is left out");
    }

    @Test
    void aReplyLongerThanThreeMessagesIsCutAtThreeWithANoteSayingSo() {
        List<SlackMessage> messages = renderer.renderMessages(riskList(3000));

        assertThat(messages).hasSize(SlackBlockKitRenderer.MAX_MESSAGES);
        for (SlackMessage message : messages) {
            SlackLimits.assertMessageWithinLimits(SlackPayloads.messagePayload(message, "ephemeral").toString());
        }
        String last = SlackPayloads.messagePayload(messages.get(2), "ephemeral").toString();
        assertThat(last).contains("the rest is left out").contains("Part 3 of 3");
        assertThat(SlackPayloads.messagePayload(messages.get(0), "ephemeral").toString()).contains("Account 0:");
    }

    @Test
    void aTenMegabyteParagraphRendersInThreeMessagesWithinLimitsInLinearTime() {
        // No space or line break to split at: the worst case for looking back for a break.
        String huge = "x".repeat(10 * 1024 * 1024);
        Reply reply = reply(new ReplyBlock.Paragraph(huge),
                // Rendering this would fail: it must never be reached, the messages being full before it.
                new ReplyBlock.Actions(List.of(new ReplyBlock.Action(ActionIds.OPEN_QBR, "x", "v".repeat(5000),
                        Tone.NEUTRAL))));

        List<SlackMessage> messages = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(5), () -> renderer.renderMessages(reply));

        assertThat(messages).hasSize(SlackBlockKitRenderer.MAX_MESSAGES);
        for (SlackMessage message : messages) {
            SlackLimits.assertMessageWithinLimits(SlackPayloads.messagePayload(message, "ephemeral").toString());
        }
    }

    @Test
    void splittingIsLinearAndLosesNothing() {
        String text = ("a".repeat(2999) + " ").repeat(2000) + "b".repeat(10_000);

        List<String> chunks = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(5), () -> SlackBlockKitRenderer.split(text, 3000));

        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(3000));
        assertThat(String.join("", chunks)).isEqualTo(text.replace(" ", ""));
    }

    @Test
    void theHomeViewHoldsUpToAHundredBlocksAndAnnouncesWhatDoesNotFit() {
        List<ReplyBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            blocks.add(new ReplyBlock.Paragraph("Account " + i));
        }
        var view = renderer.renderHome(Reply.answer("Your book of business", blocks));
        String json = SlackPayloads.json(view);
        SlackLimits.assertViewWithinLimits(json);
        assertThat(view.getBlocks().size()).isLessThanOrEqualTo(100);
        assertThat(json).contains("longer than the Home tab can show");
        assertThat(view.getType()).isEqualTo("home");
    }

    @Test
    void splittingNeverCutsAnEntityInTwo() {
        String escaped = SlackBlockKitRenderer.escape("&".repeat(1000));
        for (String chunk : SlackBlockKitRenderer.split(escaped, 3000)) {
            assertThat(chunk.length()).isLessThanOrEqualTo(3000);
            assertThat(chunk).matches("(&amp;)+");
        }
    }

    /**
     * One block of every type, each carrying its own marker, must come out as the Block Kit block that
     * shows that type, marker and all. A new block type fails here until it has an expectation.
     */
    @Test
    void everyBlockTypeRendersAsItsOwnKindOfBlock() {
        java.util.Map<Class<?>, ReplyBlock> oneOfEach = new java.util.LinkedHashMap<>();
        oneOfEach.put(ReplyBlock.Heading.class, new ReplyBlock.Heading("HEADING-1"));
        oneOfEach.put(ReplyBlock.Paragraph.class, new ReplyBlock.Paragraph("PARAGRAPH-2"));
        oneOfEach.put(ReplyBlock.Facts.class, new ReplyBlock.Facts(List.of(new ReplyBlock.Fact("Label", "FACTS-3"))));
        oneOfEach.put(ReplyBlock.Items.class, new ReplyBlock.Items(List.of(ReplyBlock.Item.of("ITEMS-4"))));
        oneOfEach.put(ReplyBlock.Trend.class, new ReplyBlock.Trend("TREND-5", List.of(1.0, 2.0), "a", "b"));
        oneOfEach.put(ReplyBlock.Quote.class, new ReplyBlock.Quote("QUOTE-6", "Pat"));
        oneOfEach.put(ReplyBlock.Notice.class, new ReplyBlock.Notice(Tone.WARNING, "NOTICE-7"));
        oneOfEach.put(ReplyBlock.Context.class, new ReplyBlock.Context(List.of("CONTEXT-8")));
        oneOfEach.put(ReplyBlock.Actions.class, new ReplyBlock.Actions(List.of(
                new ReplyBlock.Action(ActionIds.OPEN_QBR, "ACTIONS-9", "acme", Tone.NEUTRAL))));
        oneOfEach.put(ReplyBlock.Form.class, new ReplyBlock.Form("feedback-open", "FORM-10", List.of(), "Answer", "tok"));
        assertThat(oneOfEach.keySet()).containsExactlyInAnyOrder(ReplyBlock.class.getPermittedSubclasses());

        JsonArray rendered = blocks(single(reply(oneOfEach.values().toArray(ReplyBlock[]::new))));

        assertThat(rendered.get(0).getAsJsonObject().get("type").getAsString()).isEqualTo("header");
        assertBlock(rendered.get(1), "section", "text", "*HEADING-1*");
        assertBlock(rendered.get(2), "section", "text", "PARAGRAPH-2");
        assertThat(rendered.get(3).getAsJsonObject().getAsJsonArray("fields").get(0).getAsJsonObject().get("text")
                .getAsString()).isEqualTo("*Label*\nFACTS-3");
        assertBlock(rendered.get(4), "section", "text", "• ITEMS-4");
        assertBlock(rendered.get(5), "section", "text", "*TREND-5*\na `▁█` b (now 2)");
        assertBlock(rendered.get(6), "section", "text", "“QUOTE-6”");
        assertThat(rendered.get(7).getAsJsonObject().get("type").getAsString()).isEqualTo("context");
        assertBlock(rendered.get(8), "section", "text", ":large_yellow_circle: NOTICE-7");
        assertThat(rendered.get(9).getAsJsonObject().get("type").getAsString()).isEqualTo("context");
        assertThat(rendered.get(9).toString()).contains("CONTEXT-8");
        assertThat(rendered.get(10).getAsJsonObject().get("type").getAsString()).isEqualTo("actions");
        assertThat(rendered.get(10).toString()).contains("ACTIONS-9").contains("open-qbr");
        assertBlock(rendered.get(11), "section", "text", "*FORM-10*");
        assertThat(rendered.get(12).toString()).contains("feedback-open").contains("tok");
        assertThat(rendered).hasSize(13);
    }

    private static void assertBlock(com.google.gson.JsonElement block, String type, String field, String text) {
        assertThat(block.getAsJsonObject().get("type").getAsString()).isEqualTo(type);
        assertThat(block.getAsJsonObject().getAsJsonObject(field).get("text").getAsString()).isEqualTo(text);
    }

    @Test
    void theAcknowledgementWrittenFromKeptJsonIsWhatBoltWouldHaveSerialised() {
        Reply reply = reply(new ReplyBlock.Facts(List.of(new ReplyBlock.Fact("Health", "42/100 red"))),
                new ReplyBlock.Trend("Health by week", List.of(80.0, 70.0, 55.0, 42.0), "80", "42"),
                new ReplyBlock.Items(List.of(ReplyBlock.Item.of("Champion left <@U1> & \"co\"", "Jane left", Tone.BAD))),
                new ReplyBlock.Notice(Tone.WARNING, "Usage data is 5 days old"),
                new ReplyBlock.Context(List.of("Owner: csm@example.com", "As of 2026-11-23")),
                new ReplyBlock.Actions(List.of(new ReplyBlock.Action(ActionIds.OPEN_QBR, "Open QBR", "acme", Tone.NEUTRAL))));
        SlackMessage message = renderer.renderMessage(reply).plus(renderer.actionBlocks(List.of(
                new ReplyBlock.Action(SlackListeners.SHARE_IN_CHANNEL, "Share in channel", "/health acme", Tone.NEUTRAL))));

        String bolt = JsonOps.toJsonString(SlashCommandResponse.builder().responseType("ephemeral")
                .text(message.text()).blocks(message.blocks()).build());

        assertThat(JsonParser.parseString(message.responseJson("ephemeral"))).isEqualTo(JsonParser.parseString(bolt));
    }

    @Test
    void theSameReplyAlwaysRendersTheSameMessages() {
        Reply reply = reply(new ReplyBlock.Paragraph("Usage fell."));

        assertThat(renderer.renderMessages(reply(new ReplyBlock.Paragraph("Usage fell."))))
                .isEqualTo(renderer.renderMessages(reply));
    }

    @SuppressWarnings("unused")
    private static Optional<String> none() {
        return Optional.empty();
    }
}
