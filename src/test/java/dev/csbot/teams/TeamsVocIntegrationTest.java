package dev.csbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csbot.alerts.ConversationMessenger;
import dev.csbot.alerts.DeliveryFailure;
import dev.csbot.alerts.DeliveryTarget;
import dev.csbot.alerts.OutboundMessage;
import dev.csbot.chat.ActionIds;
import dev.csbot.chat.MessageRef;
import dev.csbot.chat.Platform;
import dev.csbot.chat.Reply;
import dev.csbot.support.FakeTeams;
import dev.csbot.support.IntegrationTest;
import dev.csbot.support.RecordingHttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Voice of the Customer in Teams through the real door: Bot Framework activities with locally signed tokens, the
 * prompt posted by the outbox into a guest's personal chat (the fake connector), the Answer button replying with a
 * card of inputs, and the card's submissions reaching the core with their values.
 */
class TeamsVocIntegrationTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    Jdbi jdbi;

    @Autowired
    dev.csbot.health.HealthService health;

    @Autowired
    List<ConversationMessenger> messengers;

    private String account;
    private String guest;
    private String guestEmail;
    private String guestChat;
    private String csmChat;

    @BeforeEach
    void accountWithAGuestContact() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        account = "teams-voc-" + suffix;
        guest = "29:guest-" + suffix;
        // The fake connector's email for a guest: the id's letters, digits and dashes at customer.example.
        guestEmail = guest.replaceAll("[^a-z0-9-]", "") + "@customer.example";
        guestChat = "a:guest-chat-" + suffix;
        csmChat = "a:csm-chat-" + suffix;
        LocalDate today = LocalDate.parse(TODAY);
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO accounts (account_id, name, segment, arr, seats_purchased, contract_start,"
                            + " renewal_date, csm_email, lifecycle_stage) VALUES (:id, :name, 'mid-market', 210000, 40,"
                            + " :start, :renewal, 'teams.voc@csbot.example', 'adoption')")
                    .bind("id", account).bind("name", "Orion " + suffix).bind("start", today.minusYears(1).toString())
                    .bind("renewal", today.plusDays(200).toString()).execute();
            h.createUpdate("INSERT INTO contacts (contact_id, account_id, name, email, title, is_champion,"
                            + " is_exec_sponsor) VALUES (:id, :account, 'Gia Guest', :email, 'Ops lead', 1, 0)")
                    .bind("id", account + "-gia").bind("account", account).bind("email", guestEmail).execute();
            h.configure(dev.csbot.store.PortfolioListeners.class, quiet -> quiet.tellEach(List::of));
            dev.csbot.store.PortfolioChangeLog.record(h, Set.of(account));
        });
        health.portfolioChanged(new dev.csbot.account.PortfolioChanged(Set.of(account), false));
        // The guest wrote to csbot once (refused, as every customer request is): csbot now knows their chat.
        post(TeamsActivities.personalMessage(guestChat, guest, "hello"));
    }

    @Test
    void aPromptReachesTheGuestsChatAndTheCardsInputsReachTheCoreInTwoSteps() throws Exception {
        assertThat(cardText(TeamsMessagesTest.cardsSentTo(guestChat).get(0))).contains("only answers members of the team");
        post(TeamsActivities.personalMessage(csmChat, "29:member-ana", "feedback send csat " + account + " "
                + guestEmail));
        assertThat(cardText(TeamsMessagesTest.onlyCardSentTo(csmChat))).contains("CSAT prompt queued for Orion");

        JsonNode prompt = awaitCard(guestChat, 2);
        assertThat(prompt.toString()).contains("How satisfied are you", ActionIds.FEEDBACK_OPEN)
                .doesNotContain("210", "Orion", "health");
        String token = submitData(prompt, ActionIds.FEEDBACK_OPEN).path("value").asText();

        post(TeamsActivities.buttonPress(guestChat, guest, ActionIds.FEEDBACK_OPEN, token));
        JsonNode form = awaitCard(guestChat, 3);
        JsonNode score = element(form, "Input.ChoiceSet");
        assertThat(score.path("id").asText()).isEqualTo("score");
        assertThat(score.path("choices")).hasSize(5);
        assertThat(score.path("choices").get(0).path("title").asText()).isEqualTo("1 - Very unsatisfied");
        JsonNode send = submitData(form, null);
        assertThat(send.path("form").asText()).isEqualTo("feedback-answer");
        assertThat(send.path("token").asText()).isEqualTo(token);

        post(formSubmission(send, Map.of("score", "9")));
        JsonNode errors = awaitCard(guestChat, 4);
        assertThat(cardText(errors)).contains("Please check your answer", "Pick a score from 1 to 5.");

        String formCard = "1:form-" + UUID.randomUUID();
        post(withReplyTo(formSubmission(send, Map.of("score", "2")), formCard));
        JsonNode next = awaitUpdate(formCard, 1);
        JsonNode comment = element(next, "Input.Text");
        assertThat(comment.path("label").asText()).isEqualTo("What went wrong for you, and what would have helped?");

        post(withReplyTo(formSubmission(submitData(next, null), Map.of("comment", "Took *days* <at>you</at> [x](y)")),
                formCard));
        JsonNode thanks = awaitUpdate(formCard, 2);
        assertThat(cardText(thanks)).contains("Thanks, recorded", "We read every answer").doesNotContain("Took");

        Map<String, Object> answer = jdbi.withHandle(h -> h.createQuery("SELECT score, comment, contact_email,"
                + " platform, conversation_id FROM feedback_answers WHERE account_id = :a").bind("a", account)
                .mapToMap().one());
        assertThat(answer).containsEntry("score", 2).containsEntry("comment", "Took *days* <at>you</at> [x](y)")
                .containsEntry("contact_email", guestEmail).containsEntry("platform", "teams")
                .containsEntry("conversation_id", guestChat);

        // Edited within the window: the same answer, a new score.
        post(withReplyTo(formSubmission(send, Map.of("score", "4")), formCard));
        awaitUpdate(formCard, 3);
        assertThat(count("SELECT COUNT(*) FROM feedback_answers WHERE account_id = :a")).isEqualTo(1);
        assertThat(count("SELECT score FROM feedback_answers WHERE account_id = :a")).isEqualTo(4);

        // The CSM reads it back: the customer's text is escaped, so it formats and mentions nothing.
        String summaryChat = "a:csm-summary-" + UUID.randomUUID();
        post(TeamsActivities.personalMessage(summaryChat, "29:member-ana", "feedback " + account));
        String summary = TeamsMessagesTest.onlyCardSentTo(summaryChat).toString();
        assertThat(summary).contains("Took \\\\*days\\\\* \\\\<at>you\\\\</at> \\\\[x\\\\](y)")
                .contains(ActionIds.VOC_SHIPPED);
    }

    @Test
    void anotherPersonAndAForgedTokenGetTheSameRefusalAndNothingIsStored() throws Exception {
        post(TeamsActivities.personalMessage(csmChat, "29:member-ana", "feedback send csat " + account + " "
                + guestEmail));
        JsonNode prompt = awaitCard(guestChat, 2);
        String token = submitData(prompt, ActionIds.FEEDBACK_OPEN).path("value").asText();
        String otherGuest = "29:guest-other-" + UUID.randomUUID().toString().substring(0, 8);
        String otherChat = "a:other-" + UUID.randomUUID();

        post(TeamsActivities.buttonPress(otherChat, otherGuest, ActionIds.FEEDBACK_OPEN, token));
        ObjectNode foreign = TeamsActivities.buttonPress(otherChat, otherGuest, "ignored", "");
        foreign.putObject("value").put("form", "feedback-answer").put("token", token).put("score", "5");
        post(foreign);
        ObjectNode forged = TeamsActivities.buttonPress(guestChat, guest, "ignored", "");
        forged.putObject("value").put("form", "feedback-answer").put("token", "A".repeat(22)).put("score", "5");
        post(forged);

        List<JsonNode> toOther = TeamsMessagesTest.cardsSentTo(otherChat);
        assertThat(toOther).hasSize(2);
        JsonNode forgedAnswer = awaitCard(guestChat, 3);
        assertThat(cardText(toOther.get(0))).contains("This feedback form is not open to you").doesNotContain("Orion");
        assertThat(cardText(toOther.get(1))).isEqualTo(cardText(toOther.get(0)));
        assertThat(cardText(forgedAnswer)).isEqualTo(cardText(toOther.get(0)));
        assertThat(count("SELECT COUNT(*) FROM feedback_answers WHERE account_id = :a")).isZero();
    }

    @Test
    void customerContentGoesIntoAChatWithGuestsWhileInternalContentIsRefusedThere() throws Exception {
        String chat = "19:shared-ext-voc-" + UUID.randomUUID() + "@thread.v2";
        assertThat(post(TeamsActivities.botAddedToGroupChat(chat)).statusCode()).isBetween(200, 202);
        ConversationMessenger teams = messengers.stream().filter(m -> m.platform() == Platform.TEAMS).findFirst()
                .orElseThrow();
        DeliveryTarget target = DeliveryTarget.conversation(Platform.TEAMS, chat);
        Reply reply = Reply.of(Reply.Status.ANSWER, "An update on your feedback", "It has shipped.");

        MessageRef posted = teams.post(target, OutboundMessage.forCustomer(reply), "test|customer");
        DeliveryFailure refused = org.assertj.core.api.Assertions.catchThrowableOfType(DeliveryFailure.class,
                () -> teams.post(target, new OutboundMessage(reply, Optional.empty()), "test|internal"));

        assertThat(posted.conversationId()).isEqualTo(chat);
        assertThat(refused.kind()).isEqualTo(DeliveryFailure.Kind.REFUSED);
        assertThat(TeamsMessagesTest.cardsSentTo(chat)).hasSize(1);
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private int count(String sql) {
        Integer value = jdbi.withHandle(h -> h.createQuery(sql).bind("a", account).mapTo(Integer.class).one());
        return value;
    }

    private HttpResponse<String> post(ObjectNode activity) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/messages"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + FakeTeams.channelToken(activity.path("serviceUrl").asText()))
                .POST(HttpRequest.BodyPublishers.ofString(activity.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
        return response;
    }

    /** A press of a form's submit: Teams sends its data merged with the inputs' values. */
    private ObjectNode formSubmission(JsonNode submitData, Map<String, String> inputs) {
        ObjectNode activity = TeamsActivities.buttonPress(guestChat, guest, "ignored", "");
        ObjectNode value = activity.putObject("value");
        submitData.fields().forEachRemaining(f -> value.set(f.getKey(), f.getValue()));
        inputs.forEach(value::put);
        return activity;
    }

    private static ObjectNode withReplyTo(ObjectNode activity, String card) {
        activity.put("replyToId", card);
        return activity;
    }

    /** The n-th card sent into the conversation (1-based), once it has been sent. */
    private static JsonNode awaitCard(String conversation, int n) throws Exception {
        await().atMost(PATIENCE).until(() -> TeamsMessagesTest.repliesTo(conversation).size() >= n);
        return TeamsMessagesTest.cardsSentTo(conversation).get(n - 1);
    }

    /** The n-th update of the card {@code cardId} (1-based): its new card, valid against the 1.5 schema. */
    private JsonNode awaitUpdate(String cardId, int n) throws Exception {
        await().atMost(PATIENCE).until(() -> updatesOf(cardId).size() >= n);
        JsonNode activity = TeamsActivities.JSON.readTree(updatesOf(cardId).get(n - 1).body());
        JsonNode card = activity.path("attachments").get(0).path("content");
        AdaptiveCardSchema.assertValid(card.toString());
        return card;
    }

    private List<RecordingHttpServer.Recorded> updatesOf(String cardId) {
        return FAKE_TEAMS.requests(r -> r.method().equals("PUT") && r.path().contains(guestChat)
                && r.path().endsWith("/activities/" + cardId));
    }

    /** The data of the Action.Submit whose data has {@code action} (null: the card's form submit). */
    private static JsonNode submitData(JsonNode card, String action) {
        List<JsonNode> found = new ArrayList<>();
        collect(card, "Action.Submit", found);
        for (JsonNode submit : found) {
            JsonNode data = submit.path("data");
            if (action == null ? data.has("form") : action.equals(data.path("action").asText())) {
                return data;
            }
        }
        throw new AssertionError("no submit for " + action + " in " + card);
    }

    private static JsonNode element(JsonNode card, String type) {
        List<JsonNode> found = new ArrayList<>();
        collect(card, type, found);
        assertThat(found).as(type + " in " + card).isNotEmpty();
        return found.get(0);
    }

    private static void collect(JsonNode node, String type, List<JsonNode> found) {
        if (node.isObject() && type.equals(node.path("type").asText())) {
            found.add(node);
        }
        node.elements().forEachRemaining(child -> collect(child, type, found));
    }

    /** Every TextBlock's text in a card, one per line. */
    private static String cardText(JsonNode card) {
        List<JsonNode> blocks = new ArrayList<>();
        collect(card, "TextBlock", blocks);
        return String.join("\n", blocks.stream().map(b -> b.path("text").asText()).toList());
    }
}
