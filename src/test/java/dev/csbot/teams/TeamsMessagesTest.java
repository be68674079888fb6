package dev.csbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csbot.chat.ActionIds;
import dev.csbot.chat.ChannelLinks;
import dev.csbot.chat.Platform;
import dev.csbot.chat.Reply;
import dev.csbot.chat.ReplyBlock;
import dev.csbot.support.FakeTeams;
import dev.csbot.support.IntegrationTest;
import dev.csbot.support.RecordingHttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Teams end to end: real activities (from the recordings) POSTed with locally signed tokens to the running
 * app, and what the fake connector received. Every card the app sends here is checked against the
 * Adaptive Card 1.5 schema and the message size budget.
 */
class TeamsMessagesTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    Jdbi jdbi;

    @Autowired
    ChannelLinks links;

    @Autowired
    TeamsNotifier notifier;

    @Autowired
    TeamsConversationReferences references;

    @Test
    void healthAcmeInAPersonalChatIsAnsweredWithACardCarryingTheScore() throws Exception {
        String conversation = personalConversation();
        HttpResponse<String> response = post(TeamsActivities.personalMessage(conversation, "29:member-ana",
                "health acme"));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode card = onlyCardSentTo(conversation);
        assertThat(card.toString()).contains("Acme");
        JsonNode facts = firstOfType(card.path("body"), "FactSet").path("facts");
        assertThat(facts.get(0).path("title").asText()).isEqualTo("Health");
        assertThat(facts.get(0).path("value").asText()).matches(".*\\d+.*");
        // The reply went out with the bot's own token, fetched from the (fake) token endpoint.
        assertThat(repliesTo(conversation).get(0).header("Authorization")).isEqualTo("Bearer " + FakeTeams.BOT_TOKEN);
    }

    @Test
    void slashCommandsWorkInAPersonalChatToo() throws Exception {
        String conversation = personalConversation();
        post(TeamsActivities.personalMessage(conversation, "29:member-ana", "/health acme"));

        assertThat(firstOfType(onlyCardSentTo(conversation).path("body"), "FactSet").toString()).contains("Health");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"qbr acme", "account acme", "risks", "risks mine",
            "renewals", "renewals 30 enterprise", "risks 200 page 2",
            "health nosuchaccount", "frobnicate"})
    void everyCommandIsAnsweredWithAValidCard(String command) throws Exception {
        String conversation = personalConversation();
        assertThat(post(TeamsActivities.personalMessage(conversation, "29:member-ana", command)).statusCode())
                .isEqualTo(202);

        assertThat(onlyCardSentTo(conversation).path("body")).isNotEmpty();
    }

    @Test
    void helpListsTheCommands() throws Exception {
        String conversation = personalConversation();
        post(TeamsActivities.personalMessage(conversation, "29:member-ana", "help"));

        String card = onlyCardSentTo(conversation).toString();
        assertThat(card).contains("/health", "/qbr", "/account", "/risks", "link");
    }

    @Test
    void aRequestWithoutATokenIsRefusedAndNothingIsSent() throws Exception {
        String conversation = personalConversation();
        HttpResponse<String> response = post(TeamsActivities.personalMessage(conversation, "29:member-ana",
                "health acme"), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(repliesTo(conversation)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        assertRefused(FakeTeams::tokenSignedByAnotherKey);
    }

    @Test
    void aTokenForAnotherBotIsRefused() throws Exception {
        assertRefused(FakeTeams::tokenForAnotherBot);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        assertRefused(FakeTeams::expiredToken);
    }

    @Test
    void aTokenIssuedForAnotherServiceUrlIsRefused() throws Exception {
        assertRefused(url -> FakeTeams.channelToken("https://smba.trafficmanager.net/amer/"));
    }

    @Test
    void junkInTheAuthorizationHeaderIsRefused() throws Exception {
        assertRefused(url -> "junk.junk.junk");
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/messages"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + FakeTeams.channelToken(FakeTeams.serviceUrl()))
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\": \"message\", ")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void inAChannelTheBotAnswersAfterItsMentionIsStripped() throws Exception {
        String team = "19:team-" + UUID.randomUUID() + "@thread.skype";
        ObjectNode message = TeamsActivities.channelMessage(team, "29:member-ana", "health acme");
        assertThat(message.path("text").asText()).startsWith(TeamsActivities.BOT_MENTION + " health acme");
        post(message);

        JsonNode card = onlyCardSentTo(team);
        assertThat(firstOfType(card.path("body"), "FactSet").toString()).contains("Health");
        // The reply answers that message, in that channel's thread.
        assertThat(repliesTo(team).get(0).path()).endsWith("/activities/" + message.path("id").asText());
    }

    @Test
    void inAChannelAMessageThatDoesNotMentionTheBotIsIgnored() throws Exception {
        String team = "19:team-" + UUID.randomUUID() + "@thread.skype";
        HttpResponse<String> response = post(TeamsActivities.channelMessageWithoutMention(team, "29:member-ana",
                "health acme"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(repliesTo(team)).isEmpty();
    }

    @Test
    void guestUserIsRefusedWithoutAccountData() throws Exception {
        String conversation = personalConversation();
        post(TeamsActivities.personalMessage(conversation, "29:guest-gina", "health acme"));

        String card = onlyCardSentTo(conversation).toString();
        assertThat(card).contains("Sorry");
        assertThat(card).doesNotContainIgnoringCase("acme").doesNotContain("FactSet").doesNotContain("480");
    }

    @Test
    void userOfAnotherTenantIsRefusedWithoutAccountData() throws Exception {
        String conversation = personalConversation();
        ObjectNode activity = TeamsActivities.personalMessage(conversation, "29:other-tenant-olga", "health acme");
        ((ObjectNode) activity.get("conversation")).put("tenantId", FakeTeams.OTHER_TENANT_ID);
        ((ObjectNode) activity.get("channelData").get("tenant")).put("id", FakeTeams.OTHER_TENANT_ID);
        post(activity);

        String card = onlyCardSentTo(conversation).toString();
        assertThat(card).contains("Sorry");
        assertThat(card).doesNotContainIgnoringCase("acme").doesNotContain("FactSet");
    }

    @Test
    void aMemberOfAnotherTenantInOneOfOurConversationsIsRefused() throws Exception {
        String conversation = personalConversation();
        post(TeamsActivities.personalMessage(conversation, "29:other-tenant-omar", "health acme"));

        String card = onlyCardSentTo(conversation).toString();
        assertThat(card).contains("Sorry").doesNotContain("FactSet");
    }

    @Test
    void everyRecordedTeamsActivityIsAcceptedWithoutAServerError() throws Exception {
        java.nio.file.Path recordings = java.nio.file.Path.of(getClass()
                .getResource("/conformance/teams/bot-framework/teams-recordings").toURI());
        List<java.nio.file.Path> files;
        try (var stream = java.nio.file.Files.list(recordings)) {
            files = stream.filter(f -> f.getFileName().toString().endsWith("-request-integrationBot.json")).sorted()
                    .toList();
        }
        assertThat(files).hasSize(33);
        for (java.nio.file.Path file : files) {
            ObjectNode activity = (ObjectNode) TeamsActivities.JSON.readTree(file.toFile()).get("body");
            activity.put("serviceUrl", FakeTeams.serviceUrl());

            HttpResponse<String> response = post(activity);

            assertThat(response.statusCode()).as("%s (%s)", file.getFileName(), activity.path("type").asText())
                    .isIn(200, 202, 501);
        }
        // Whatever the bot said in those conversations was a valid card.
        cardsSentTo("19:097e6717fd7245bdbeba6baa13840db8@thread.skype");
    }

    @Test
    void aRepeatedActivityIsHandledOnce() throws Exception {
        String conversation = personalConversation();
        ObjectNode activity = TeamsActivities.personalMessage(conversation, "29:member-ana", "health acme");

        assertThat(post(activity).statusCode()).isEqualTo(202);
        assertThat(post(activity).statusCode()).isEqualTo(202);

        assertThat(repliesTo(conversation)).hasSize(1);
    }

    @Test
    void anActivityAnotherInstanceOnTheStoreHandledIsNotHandledAgain() throws Exception {
        String conversation = personalConversation();
        ObjectNode activity = TeamsActivities.personalMessage(conversation, "29:member-ana", "health acme");
        // What another instance sharing the store wrote when the Bot Framework delivered it there first.
        STORE.jdbi().useHandle(h -> h.execute("INSERT INTO inbound_events (source, event_id, received_at)"
                + " VALUES ('teams', ?, '2026-11-23T08:00:00.000Z')", conversation + "|" + activity.path("id").asText()));

        assertThat(post(activity).statusCode()).isEqualTo(202);

        assertThat(repliesTo(conversation)).isEmpty();
    }

    @Test
    void linkAcmeInAChannelMakesItTheAccountsChannelAndUnlinkUndoesIt() throws Exception {
        String team = "19:team-" + UUID.randomUUID() + "@thread.skype";
        post(TeamsActivities.channelMessage(team, "29:member-ana", "link acme"));

        assertThat(onlyCardSentTo(team).toString()).contains("Linked to Acme");
        assertThat(links.accountFor(Platform.TEAMS, team)).isPresent();

        post(TeamsActivities.channelMessage(team, "29:member-ana", "unlink"));
        List<JsonNode> cards = cardsSentTo(team);
        assertThat(cards).hasSize(2);
        assertThat(cards.get(1).toString()).contains("Unlinked");
        assertThat(links.accountFor(Platform.TEAMS, team)).isEmpty();
    }

    @Test
    void linkIsRefusedInAChannelWithGuests() throws Exception {
        String team = "19:shared-ext-" + UUID.randomUUID() + "@thread.skype";
        post(TeamsActivities.channelMessage(team, "29:member-ana", "link acme"));

        String card = onlyCardSentTo(team).toString();
        assertThat(card).contains("outside your organization");
        assertThat(links.accountFor(Platform.TEAMS, team)).isEmpty();
    }

    @Test
    void healthIsRefusedInAChannelWithGuests() throws Exception {
        String team = "19:shared-ext-" + UUID.randomUUID() + "@thread.skype";
        post(TeamsActivities.channelMessage(team, "29:member-ana", "health acme"));

        String card = onlyCardSentTo(team).toString();
        assertThat(card).contains("outside your organization").doesNotContain("FactSet");
    }

    @Test
    void healthIsAnsweredInAnotherChannelOfAnInternalTeam() throws Exception {
        String team = "19:team-" + UUID.randomUUID() + "@thread.skype";
        String channel = "19:channel-" + UUID.randomUUID() + "@thread.skype";
        post(TeamsActivities.channelMessage(team, channel, "29:member-ana", "health acme"));

        assertThat(firstOfType(onlyCardSentTo(channel).path("body"), "FactSet").toString()).contains("Health");
    }

    @Test
    void healthIsRefusedInASharedChannelWhoseOwnRosterHasOutsiders() throws Exception {
        String team = "19:team-" + UUID.randomUUID() + "@thread.skype";
        String channel = "19:shared-ext-channel-" + UUID.randomUUID() + "@thread.skype";
        post(TeamsActivities.channelMessage(team, channel, "29:member-ana", "health acme"));

        assertThat(onlyCardSentTo(channel).toString()).contains("outside your organization").doesNotContain("FactSet");
    }

    @Test
    void aButtonPressIsRoutedToTheCore() throws Exception {
        String conversation = personalConversation();
        post(TeamsActivities.buttonPress(conversation, "29:member-ana", ActionIds.SHOW_HEALTH, acmeId()));

        assertThat(firstOfType(onlyCardSentTo(conversation).path("body"), "FactSet").toString()).contains("Health");
    }

    @Test
    void aButtonPressDeliveredAsAnInvokeIsRoutedToTheCoreAndAcknowledged() throws Exception {
        String conversation = personalConversation();
        HttpResponse<String> response = post(TeamsActivities.buttonInvoke(conversation, "29:member-ana",
                ActionIds.SHOW_HEALTH, acmeId()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(firstOfType(onlyCardSentTo(conversation).path("body"), "FactSet").toString()).contains("Health");
    }

    @Test
    void aGuestPressingAButtonIsRefused() throws Exception {
        String conversation = personalConversation();
        post(TeamsActivities.buttonPress(conversation, "29:guest-gina", ActionIds.SHOW_HEALTH, acmeId()));

        String card = onlyCardSentTo(conversation).toString();
        assertThat(card).contains("Sorry").doesNotContain("FactSet");
    }

    @Test
    void addingTheBotToAChatStoresItsReferenceAndTheNotifierCanPostThere() throws Exception {
        String chat = "19:chat-" + UUID.randomUUID() + "@thread.v2";
        assertThat(post(TeamsActivities.botAddedToGroupChat(chat)).statusCode()).isEqualTo(202);

        TeamsConversationReferences.Stored stored = references.find(chat).orElseThrow();
        assertThat(stored.conversationType()).isEqualTo("groupChat");
        assertThat(stored.tenantId()).isEqualTo(FakeTeams.TENANT_ID);
        assertThat(stored.reference().getServiceUrl()).isEqualTo(FakeTeams.serviceUrl());
        // It is in the store, not in memory: a fresh repository (as after a restart) finds it.
        assertThat(new TeamsConversationReferences(jdbi, java.time.Clock.systemUTC()).find(chat)).isPresent();

        Reply alert = Reply.answer("Acme Corp is now red", List.of(new ReplyBlock.Paragraph("Usage fell 40%.")));
        assertThat(notifier.sendInternal(chat, alert)).isEqualTo(TeamsNotifier.Delivery.SENT);

        JsonNode card = onlyCardSentTo(chat);
        assertThat(card.toString()).contains("Acme Corp is now red");
        assertThat(repliesTo(chat).get(0).header("Authorization")).isEqualTo("Bearer " + FakeTeams.BOT_TOKEN);
    }

    @Test
    void installingTheAppInAPersonalChatStoresItsReference() throws Exception {
        String conversation = personalConversation();
        post(TeamsActivities.personalInstall(conversation, "29:member-ana"));

        TeamsConversationReferences.Stored stored = references.find(conversation).orElseThrow();
        assertThat(stored.conversationType()).isEqualTo("personal");
        assertThat(references.personalChatOf("6b703ce3-6d14-4fe6-b90c-dc5f03657ae4")).isPresent();
        assertThat(notifier.sendInternal(conversation, Reply.of(Reply.Status.ANSWER, "Your book", "3 accounts")))
                .isEqualTo(TeamsNotifier.Delivery.SENT);
        assertThat(onlyCardSentTo(conversation).toString()).contains("Your book");
    }

    @Test
    void uninstallingTheAppForgetsTheConversation() throws Exception {
        String conversation = personalConversation();
        post(TeamsActivities.personalInstall(conversation, "29:member-ana"));
        assertThat(references.find(conversation)).isPresent();

        ObjectNode uninstall = TeamsActivities.personalInstall(conversation, "29:member-ana");
        uninstall.put("action", "remove");
        assertThat(post(uninstall).statusCode()).isEqualTo(202);

        assertThat(references.find(conversation)).isEmpty();
        assertThat(notifier.sendInternal(conversation, Reply.of(Reply.Status.ANSWER, "x", "y")))
                .isEqualTo(TeamsNotifier.Delivery.UNKNOWN_CONVERSATION);
    }

    @Test
    void theNotifierHoldsInternalContentBackFromAChatWithGuests() throws Exception {
        String chat = "19:shared-ext-chat-" + UUID.randomUUID() + "@thread.v2";
        post(TeamsActivities.botAddedToGroupChat(chat));

        Reply alert = Reply.answer("Acme Corp is now red", List.of(new ReplyBlock.Paragraph("Usage fell 40%.")));
        assertThat(notifier.sendInternal(chat, alert)).isEqualTo(TeamsNotifier.Delivery.REFUSED_SHARED_EXTERNALLY);
        assertThat(repliesTo(chat)).isEmpty();

        Reply prompt = Reply.of(Reply.Status.ANSWER, "How are we doing?", "Tell us in one minute.");
        assertThat(notifier.send(chat, prompt)).isEqualTo(TeamsNotifier.Delivery.SENT);
        assertThat(onlyCardSentTo(chat).toString()).contains("How are we doing?");
    }

    @Test
    void theNotifierKnowsWhenTheBotWasNeverAddedToAConversation() {
        assertThat(notifier.sendInternal("19:never-" + UUID.randomUUID(), Reply.of(Reply.Status.ANSWER, "x", "y")))
                .isEqualTo(TeamsNotifier.Delivery.UNKNOWN_CONVERSATION);
    }

    // --- helpers ---

    private void assertRefused(java.util.function.Function<String, String> token) throws Exception {
        String conversation = personalConversation();
        HttpResponse<String> response = post(TeamsActivities.personalMessage(conversation, "29:member-ana",
                "health acme"), token.apply(FakeTeams.serviceUrl()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(repliesTo(conversation)).isEmpty();
    }

    private String acmeId() {
        return jdbi.withHandle(h -> h.createQuery("SELECT account_id FROM accounts WHERE lower(name) LIKE 'acme%'"
                + " ORDER BY account_id LIMIT 1").mapTo(String.class).one());
    }

    private static String personalConversation() {
        return "a:personal-" + UUID.randomUUID();
    }

    private HttpResponse<String> post(ObjectNode activity) throws IOException, InterruptedException {
        return post(activity, FakeTeams.channelToken(activity.path("serviceUrl").asText()));
    }

    private HttpResponse<String> post(ObjectNode activity, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/messages"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(activity.toString()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<RecordingHttpServer.Recorded> repliesTo(String conversationId) {
        return FAKE_TEAMS.requests(r -> r.method().equals("POST") && r.path().contains("/activities")
                && r.path().contains(conversationId));
    }

    /** The one message sent to the conversation: an Adaptive Card that is valid and small enough. */
    static JsonNode onlyCardSentTo(String conversationId) throws IOException {
        List<JsonNode> cards = cardsSentTo(conversationId);
        assertThat(cards).as("messages sent to %s", conversationId).hasSize(1);
        return cards.get(0);
    }

    /**
     * Every message sent to the conversation (tests use unique conversation ids, so they never see each
     * other's): each must be one Adaptive Card, valid against the 1.5 schema and within the size budget.
     */
    static List<JsonNode> cardsSentTo(String conversationId) throws IOException {
        List<JsonNode> cards = new java.util.ArrayList<>();
        for (RecordingHttpServer.Recorded reply : repliesTo(conversationId)) {
            JsonNode activity = TeamsActivities.JSON.readTree(reply.body());
            assertThat(activity.path("type").asText()).isEqualTo("message");
            assertThat(reply.body().length() * 2).isLessThanOrEqualTo(AdaptiveCardSchema.MESSAGE_LIMIT_UTF16_BYTES);
            assertThat(activity.path("attachments")).hasSize(1);
            JsonNode attachment = activity.path("attachments").get(0);
            assertThat(attachment.path("contentType").asText()).isEqualTo(TeamsAdaptiveCardRenderer.CONTENT_TYPE);
            AdaptiveCardSchema.assertValid(attachment.path("content").toString());
            cards.add(attachment.path("content"));
        }
        return cards;
    }

    private static JsonNode firstOfType(JsonNode body, String type) {
        for (JsonNode element : body) {
            if (element.path("type").asText().equals(type)) {
                return element;
            }
        }
        throw new AssertionError("no " + type + " in " + body);
    }
}
