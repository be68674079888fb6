package dev.csbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.chat.ActionIds;
import dev.csbot.chat.ChannelLinks;
import dev.csbot.chat.Platform;
import dev.csbot.support.IntegrationTest;
import dev.csbot.support.RecordingHttpServer.Recorded;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** The Slack app end to end: signed HTTP requests in, what Slack would show (or receive) out. */
class SlackEventsIntegrationTest extends IntegrationTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";

    @Autowired
    AccountRepository accounts;

    @Autowired
    ChannelLinks links;

    @Autowired
    @Qualifier("slackWorkers")
    ExecutorService workers;

    private SlackRequests slack;
    private Account acme;

    @BeforeEach
    void workspace() {
        acme = SlackTestPortfolio.acme(accounts);
        SlackFake.install(acme.csmEmail());
        slack = new SlackRequests(baseUrl(), SLACK_SIGNING_SECRET);
    }

    private static String responseUrl() {
        return FAKE_SLACK.baseUrl() + "response/" + UUID.randomUUID();
    }

    private static String path(String url) {
        return url.substring(FAKE_SLACK.baseUrl().length() - 1);
    }

    private HttpResponse<String> command(String command, String text, String user, String channel, String responseUrl) {
        return slack.signed(SlackRequests.slashCommand(command, text, user, channel, responseUrl,
                UUID.randomUUID().toString()), FORM, Map.of());
    }

    /** The ephemeral answer in the acknowledgement, or the one delivered through response_url. */
    private static JsonObject answer(HttpResponse<String> ack, String responseUrl) {
        assertThat(ack.statusCode()).isEqualTo(200);
        JsonObject body = JsonParser.parseString(ack.body()).getAsJsonObject();
        checked(ack.body());
        if (!SlackListeners.WORKING.equals(body.get("text").getAsString())) {
            return body;
        }
        List<Recorded> posts = SlackFake.await(FAKE_SLACK, r -> r.path().equals(path(responseUrl)), 1);
        assertThat(posts).isNotEmpty();
        checked(posts.get(0).body());
        return JsonParser.parseString(posts.get(0).body()).getAsJsonObject();
    }

    /** Every message payload the app sends in these tests: Block Kit limits and schema. */
    private static void checked(String messageJson) {
        SlackLimits.assertMessageWithinLimits(messageJson);
        JsonObject payload = JsonParser.parseString(messageJson).getAsJsonObject();
        if (payload.has("blocks")) {
            SlackSchema.assertValidBlocks(payload.getAsJsonArray("blocks").toString());
        }
    }

    private static String texts(JsonObject payload) {
        return payload.toString();
    }

    // ---- who may do what -----------------------------------------------------------------------------

    @Test
    void unsignedRequestIsRejectedAndDoesNothing() {
        // A member csbot has never looked up: if the request got anywhere, users.info would be asked about them.
        String user = SlackFake.CSM + "-" + UUID.randomUUID();
        String url = responseUrl();
        String body = SlackRequests.slashCommand("/health", "acme", user, SlackFake.INTERNAL_CHANNEL, url, "t-unsigned");

        HttpResponse<String> response = slack.send(body, FORM, null, null, Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid request\"}");
        SlackFake.awaitQuiet(workers);
        assertThat(FAKE_SLACK.requests(r -> r.body().contains(user) || r.path().equals(path(url)))).isEmpty();
        // The same body, signed, is answered with Acme's score: the refusal above is what kept it out.
        HttpResponse<String> signed = slack.signed(body.replace("t-unsigned", "t-" + UUID.randomUUID()), FORM, Map.of());
        assertThat(answer(signed, url).toString()).contains("Acme");
        assertThat(FAKE_SLACK.requests(r -> r.path().equals("/users.info") && r.body().contains(user))).hasSize(1);
    }

    @Test
    void requestSignedWithTheWrongSecretIsRejected() {
        String url = responseUrl();
        String body = SlackRequests.slashCommand("/health", "acme", SlackFake.CSM, SlackFake.INTERNAL_CHANNEL, url, "t-wrong");
        long now = System.currentTimeMillis() / 1000;
        HttpResponse<String> response = slack.send(body, FORM, String.valueOf(now),
                SlackRequests.sign("not-the-secret", now, body), Map.of());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("Acme");
    }

    @Test
    void requestOlderThanFiveMinutesIsRejected() {
        String url = responseUrl();
        String body = SlackRequests.slashCommand("/health", "acme", SlackFake.CSM, SlackFake.INTERNAL_CHANNEL, url, "t-old");
        long then = System.currentTimeMillis() / 1000 - 600;
        HttpResponse<String> response = slack.send(body, FORM, String.valueOf(then),
                SlackRequests.sign(SLACK_SIGNING_SECRET, then, body), Map.of());
        assertThat(response.statusCode()).isEqualTo(401);
        SlackFake.awaitQuiet(workers);
        assertThat(FAKE_SLACK.requests(r -> r.path().equals(path(url)))).isEmpty();
    }

    @Test
    void requestStampedMoreThanFiveMinutesAheadIsRejected() {
        String body = SlackRequests.slashCommand("/health", "acme", SlackFake.CSM, SlackFake.INTERNAL_CHANNEL,
                responseUrl(), "t-future-" + UUID.randomUUID());
        long ahead = System.currentTimeMillis() / 1000 + 400;
        HttpResponse<String> response = slack.send(body, FORM, String.valueOf(ahead),
                SlackRequests.sign(SLACK_SIGNING_SECRET, ahead, body), Map.of());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void requestWithinFiveMinutesOfClockSkewIsAccepted() {
        String url = responseUrl();
        String body = SlackRequests.slashCommand("/health", "acme", SlackFake.CSM, SlackFake.INTERNAL_CHANNEL, url,
                "t-skew-" + UUID.randomUUID());
        long behind = System.currentTimeMillis() / 1000 - 290;
        HttpResponse<String> response = slack.send(body, FORM, String.valueOf(behind),
                SlackRequests.sign(SLACK_SIGNING_SECRET, behind, body), Map.of());
        assertThat(answer(response, url).toString()).contains("Acme");
    }

    @Test
    void guestUserIsRefusedWithoutAccountData() {
        String url = responseUrl();
        JsonObject reply = answer(command("/health", "acme", SlackFake.GUEST, SlackFake.INTERNAL_CHANNEL, url), url);
        assertThat(texts(reply)).containsIgnoringCase("sorry").doesNotContain("Acme").doesNotContain("acme")
                .doesNotContain(SlackListeners.SHARE_IN_CHANNEL);
    }

    @Test
    void externalSlackConnectUserIsRefusedWithoutAccountData() {
        String url = responseUrl();
        JsonObject reply = answer(command("/risks", "", SlackFake.STRANGER, SlackFake.SHARED_CHANNEL, url), url);
        assertThat(texts(reply)).containsIgnoringCase("sorry").doesNotContain("Acme").doesNotContain("Globex");
    }

    @Test
    void linkInAnExternallySharedChannelIsRefused() {
        String url = responseUrl();
        JsonObject reply = answer(command("/csbot", "link acme", SlackFake.CSM, SlackFake.SHARED_CHANNEL, url), url);
        assertThat(texts(reply)).contains("outside your organization").doesNotContain("Linked to");
        assertThat(links.accountFor(Platform.SLACK, SlackFake.SHARED_CHANNEL)).isEmpty();
    }

    @Test
    void linkInAnInternalChannelMakesItTheAccountsChannel() {
        String url = responseUrl();
        JsonObject reply = answer(command("/csbot", "link " + acme.id(), SlackFake.CSM, SlackFake.INTERNAL_CHANNEL, url), url);
        assertThat(texts(reply)).contains("Linked to Acme");
        assertThat(links.accountFor(Platform.SLACK, SlackFake.INTERNAL_CHANNEL)).contains(acme.id());
        answer(command("/csbot", "unlink", SlackFake.CSM, SlackFake.INTERNAL_CHANNEL, url), url);
        assertThat(links.accountFor(Platform.SLACK, SlackFake.INTERNAL_CHANNEL)).isEmpty();
    }

    @Test
    void aRetryOfTheSameEventDoesNotDoTheWorkTwice() {
        String eventId = "Ev" + UUID.randomUUID();
        String body = SlackRequests.appHomeOpened(SlackFake.CSM, eventId);
        int before = FAKE_SLACK.requestsTo("/views.publish").size();
        assertThat(slack.signed(body, JSON, Map.of()).statusCode()).isEqualTo(200);
        assertThat(slack.signed(body, JSON, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"))
                .statusCode()).isEqualTo(200);
        SlackFake.awaitQuiet(workers);
        assertThat(FAKE_SLACK.requestsTo("/views.publish")).hasSize(before + 1);
    }

    @Test
    void aRetriedSlashCommandIsAcknowledgedButNotAnsweredAgain() {
        String url = responseUrl();
        String body = SlackRequests.slashCommand("/health", "acme", SlackFake.CSM, SlackFake.INTERNAL_CHANNEL, url,
                "trigger-" + UUID.randomUUID());
        HttpResponse<String> first = slack.signed(body, FORM, Map.of());
        HttpResponse<String> retry = slack.signed(body, FORM, Map.of("X-Slack-Retry-Num", "1"));
        assertThat(first.body()).contains("Acme");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).doesNotContain("Acme");
    }

    // ---- answers -------------------------------------------------------------------------------------

    @Test
    void healthAcmeShowsScoreBandAndDrivers() {
        String url = responseUrl();
        JsonObject reply = answer(command("/health", "acme", SlackFake.CSM, SlackFake.INTERNAL_CHANNEL, url), url);
        assertThat(reply.get("response_type").getAsString()).isEqualTo("ephemeral");
        JsonArray blocks = reply.getAsJsonArray("blocks");
        assertThat(blocks.get(0).getAsJsonObject().get("type").getAsString()).isEqualTo("header");
        assertThat(texts(reply)).contains("Acme").contains("/100").containsPattern("red|yellow|green")
                .contains("*Drivers*");
        assertThat(actionIds(reply)).contains(SlackListeners.SHARE_IN_CHANNEL);
        SlackSchema.assertValidBlocks(blocks.toString());
    }

    @Test
    void aLongRisksListIsPaginatedWithinLimits() {
        String url = responseUrl();
        JsonObject reply = answer(command("/risks", "500", SlackFake.CSM, SlackFake.INTERNAL_CHANNEL, url), url);
        assertThat(actionIds(reply)).contains(ActionIds.RISKS_PAGE);
        String next = buttonValue(reply, ActionIds.RISKS_PAGE);
        String pressUrl = responseUrl();
        HttpResponse<String> ack = slack.signed(SlackRequests.blockAction(ActionIds.RISKS_PAGE, next, SlackFake.CSM,
                SlackFake.INTERNAL_CHANNEL, pressUrl), FORM, Map.of());
        assertThat(ack.statusCode()).isEqualTo(200);
        List<Recorded> pages = SlackFake.await(FAKE_SLACK, r -> r.path().equals(path(pressUrl)), 1);
        assertThat(pages).hasSize(1);
        checked(pages.get(0).body());
        assertThat(pages.get(0).body()).contains("Showing 11-");
    }

    @Test
    void renewalsAnswerSoonestFirstAndPageWithTheNextButton() {
        String url = responseUrl();
        JsonObject reply = answer(command("/renewals", "", SlackFake.CSM, SlackFake.INTERNAL_CHANNEL, url), url);
        assertThat(texts(reply)).contains("Renewals in the next 90 days").contains("Silverline Freight")
                .contains("Renewal risk").contains("Showing 1-10 of ");
        String next = buttonValue(reply, ActionIds.RENEWALS_PAGE);
        String pressUrl = responseUrl();
        HttpResponse<String> ack = slack.signed(SlackRequests.blockAction(ActionIds.RENEWALS_PAGE, next, SlackFake.CSM,
                SlackFake.INTERNAL_CHANNEL, pressUrl), FORM, Map.of());
        assertThat(ack.statusCode()).isEqualTo(200);
        List<Recorded> pages = SlackFake.await(FAKE_SLACK, r -> r.path().equals(path(pressUrl)), 1);
        assertThat(pages).hasSize(1);
        checked(pages.get(0).body());
        assertThat(pages.get(0).body()).contains("Showing 11-").contains("11. ");
    }

    @Test
    void aListNumberOutOfRangeIsAnsweredWithTheRange() {
        String url = responseUrl();
        JsonObject reply = answer(command("/renewals", "99999", SlackFake.CSM, SlackFake.INTERNAL_CHANNEL, url), url);
        assertThat(texts(reply)).contains("from 1 to 730 (got 99999)");
    }

    @Test
    void pressingShowDriversAnswersThroughTheResponseUrl() {
        String url = responseUrl();
        HttpResponse<String> ack = slack.signed(SlackRequests.blockAction(ActionIds.SHOW_DRIVERS, acme.id(),
                SlackFake.CSM, SlackFake.INTERNAL_CHANNEL, url), FORM, Map.of());
        assertThat(ack.statusCode()).isEqualTo(200);
        List<Recorded> posts = SlackFake.await(FAKE_SLACK, r -> r.path().equals(path(url)), 1);
        assertThat(posts).hasSize(1);
        checked(posts.get(0).body());
        JsonObject body = JsonParser.parseString(posts.get(0).body()).getAsJsonObject();
        assertThat(body.get("replace_original").getAsBoolean()).isFalse();
        assertThat(body.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(body.toString()).contains("Acme");
    }

    @Test
    void aGuestPressingAButtonIsRefused() {
        String url = responseUrl();
        slack.signed(SlackRequests.blockAction(ActionIds.OPEN_QBR, acme.id(), SlackFake.GUEST,
                SlackFake.INTERNAL_CHANNEL, url), FORM, Map.of());
        List<Recorded> posts = SlackFake.await(FAKE_SLACK, r -> r.path().equals(path(url)), 1);
        assertThat(posts).hasSize(1);
        checked(posts.get(0).body());
        assertThat(posts.get(0).body()).containsIgnoringCase("sorry").doesNotContain("Acme");
    }

    @Test
    void shareInChannelPostsTheSameAnswerForEveryone() {
        String url = responseUrl();
        slack.signed(SlackRequests.blockAction(SlackListeners.SHARE_IN_CHANNEL, "/health acme", SlackFake.CSM,
                SlackFake.INTERNAL_CHANNEL, url), FORM, Map.of());
        List<Recorded> posts = SlackFake.await(FAKE_SLACK, r -> r.path().equals(path(url)), 1);
        assertThat(posts).hasSize(1);
        checked(posts.get(0).body());
        JsonObject body = JsonParser.parseString(posts.get(0).body()).getAsJsonObject();
        assertThat(body.get("response_type").getAsString()).isEqualTo("in_channel");
        assertThat(body.toString()).contains("Acme").doesNotContain(SlackListeners.SHARE_IN_CHANNEL);
    }

    @Test
    void shareInAnExternallySharedChannelStaysPrivate() {
        String url = responseUrl();
        slack.signed(SlackRequests.blockAction(SlackListeners.SHARE_IN_CHANNEL, "/health acme", SlackFake.CSM,
                SlackFake.SHARED_CHANNEL, url), FORM, Map.of());
        List<Recorded> posts = SlackFake.await(FAKE_SLACK, r -> r.path().equals(path(url)), 1);
        assertThat(posts).hasSize(1);
        checked(posts.get(0).body());
        JsonObject body = JsonParser.parseString(posts.get(0).body()).getAsJsonObject();
        assertThat(body.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(body.toString()).doesNotContain("Acme");
    }

    @Test
    void appHomePublishesTheCsmsBookOfBusiness() {
        int before = FAKE_SLACK.requestsTo("/views.publish").size();
        slack.signed(SlackRequests.appHomeOpened(SlackFake.CSM, "Ev" + UUID.randomUUID()), JSON, Map.of());
        List<Recorded> published = SlackFake.await(FAKE_SLACK, r -> r.path().equals("/views.publish"), before + 1);
        Recorded last = published.get(published.size() - 1);
        assertThat(SlackFake.form(last.body())).containsEntry("user_id", SlackFake.CSM);
        String view = SlackFake.form(last.body()).get("view");
        SlackLimits.assertViewWithinLimits(view);
        SlackSchema.assertValidBlocks(JsonParser.parseString(view).getAsJsonObject().getAsJsonArray("blocks").toString());
        assertThat(view).contains("\"type\":\"home\"").contains("Your book of business").contains("Acme");
    }

    @Test
    void appHomeForAGuestRevealsNothing() {
        int before = FAKE_SLACK.requestsTo("/views.publish").size();
        slack.signed(SlackRequests.appHomeOpened(SlackFake.GUEST, "Ev" + UUID.randomUUID()), JSON, Map.of());
        List<Recorded> published = SlackFake.await(FAKE_SLACK, r -> r.path().equals("/views.publish"), before + 1);
        String view = SlackFake.form(published.get(published.size() - 1).body()).get("view");
        SlackLimits.assertViewWithinLimits(view);
        assertThat(view).containsIgnoringCase("sorry").doesNotContain("Acme");
    }

    @Test
    void aButtonPressedInTheHomeTabIsAnsweredInTheAppsMessages() {
        int before = FAKE_SLACK.requestsTo("/chat.postMessage").size();
        HttpResponse<String> ack = slack.signed(SlackRequests.blockActionFromHome(ActionIds.SHOW_HEALTH, acme.id(),
                SlackFake.CSM), FORM, Map.of());
        assertThat(ack.statusCode()).isEqualTo(200);
        List<Recorded> posts = SlackFake.await(FAKE_SLACK, r -> r.path().equals("/chat.postMessage"), before + 1);
        Recorded post = posts.get(posts.size() - 1);
        Map<String, String> form = SlackFake.form(post.body());
        assertThat(form).containsEntry("channel", SlackFake.CSM);
        String message = "{\"text\":" + new com.google.gson.Gson().toJson(form.get("text")) + ",\"blocks\":"
                + form.get("blocks") + "}";
        checked(message);
        assertThat(message).contains("Acme");
    }

    @Test
    void linkingIsNotOfferedForSharing() {
        String url = responseUrl();
        JsonObject reply = answer(command("/csbot", "link " + acme.id(), SlackFake.CSM, SlackFake.INTERNAL_CHANNEL, url), url);
        assertThat(texts(reply)).contains("Linked to");
        assertThat(actionIds(reply)).doesNotContain(SlackListeners.SHARE_IN_CHANNEL);
        answer(command("/csbot", "unlink", SlackFake.CSM, SlackFake.INTERNAL_CHANNEL, url), url);
    }

    /** Every action id the core declares, read independently of SlackListeners. */
    static List<String> coreActionIds() {
        List<String> ids = java.util.Arrays.stream(ActionIds.class.getDeclaredFields())
                .filter(f -> java.lang.reflect.Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(f -> {
                    try {
                        return (String) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertThat(ids).contains(ActionIds.SHOW_HEALTH, ActionIds.SHOW_DRIVERS, ActionIds.OPEN_QBR, ActionIds.RISKS_PAGE);
        return ids;
    }

    @ParameterizedTest
    @MethodSource("coreActionIds")
    void everyActionIdTheCoreUsesReachesTheCoreThroughTheDoor(String actionId) {
        String url = responseUrl();
        HttpResponse<String> ack = slack.signed(SlackRequests.blockAction(actionId, acme.id(), SlackFake.CSM,
                SlackFake.INTERNAL_CHANNEL, url), FORM, Map.of());

        // Without a handler Bolt answers 404 and nobody posts to the response_url.
        assertThat(ack.statusCode()).as(actionId).isEqualTo(200);
        List<Recorded> posts = SlackFake.await(FAKE_SLACK, r -> r.path().equals(path(url)), 1);
        assertThat(posts).as(actionId).isNotEmpty();
        checked(posts.get(0).body());
    }

    @ParameterizedTest
    @ValueSource(strings = {SlackFake.FLAKY, SlackFake.FLAKY_NOT_OK})
    void aFailedUserLookupRefusesThatRequestButIsNotRemembered(String flaky) {
        String user = flaky + "-" + UUID.randomUUID();
        String first = responseUrl();
        JsonObject refused = answer(command("/health", "acme", user, SlackFake.INTERNAL_CHANNEL, first), first);
        assertThat(texts(refused)).containsIgnoringCase("sorry").doesNotContain("Acme");

        // Slack answers now: the next request asks again and the member gets the answer.
        String second = responseUrl();
        JsonObject answered = answer(command("/health", "acme", user, SlackFake.INTERNAL_CHANNEL, second), second);
        assertThat(texts(answered)).contains("Acme").contains("/100");
        assertThat(FAKE_SLACK.requests(r -> r.path().equals("/users.info") && r.body().contains(user))).hasSize(2);
    }

    @Test
    void slacksUrlVerificationAndSslCheckAreAnswered() {
        HttpResponse<String> verification = slack.signed("{\"token\":\"legacy-token\",\"challenge\":\"chal-123\","
                + "\"type\":\"url_verification\"}", JSON, Map.of());
        assertThat(verification.statusCode()).isEqualTo(200);
        assertThat(verification.body()).contains("chal-123");

        assertThat(slack.signed("ssl_check=1&token=legacy-token", FORM, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownButtonsAreNotFound() {
        HttpResponse<String> response = slack.signed(SlackRequests.blockAction("no-such-button", "x", SlackFake.CSM,
                SlackFake.INTERNAL_CHANNEL, responseUrl()), FORM, Map.of());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    private static List<String> actionIds(JsonObject reply) {
        return buttons(reply).stream().map(b -> b.get("action_id").getAsString()).toList();
    }

    private static String buttonValue(JsonObject reply, String actionId) {
        List<JsonObject> matching = buttons(reply).stream().filter(b -> b.get("action_id").getAsString().equals(actionId))
                .toList();
        return matching.get(matching.size() - 1).get("value").getAsString();
    }

    private static List<JsonObject> buttons(JsonObject reply) {
        List<JsonObject> buttons = new java.util.ArrayList<>();
        for (JsonElement block : reply.getAsJsonArray("blocks")) {
            JsonObject b = block.getAsJsonObject();
            if (b.get("type").getAsString().equals("actions")) {
                for (JsonElement e : b.getAsJsonArray("elements")) {
                    buttons.add(e.getAsJsonObject());
                }
            }
        }
        return buttons;
    }
}
