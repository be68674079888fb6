package dev.csbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.csbot.account.AccountRepository;
import dev.csbot.chat.ActionIds;
import dev.csbot.support.IntegrationTest;
import dev.csbot.support.RecordingHttpServer.Recorded;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code /renewals} through Slack: a signed slash command, then its Next button, as Slack would see them. */
class SlackRenewalsTest extends IntegrationTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Autowired
    AccountRepository accounts;

    private SlackRequests slack;

    @BeforeEach
    void workspace() {
        SlackFake.install(SlackTestPortfolio.acme(accounts).csmEmail());
        slack = new SlackRequests(baseUrl(), SLACK_SIGNING_SECRET);
    }

    @Test
    void renewalsAnswerSoonestFirstAndPageWithTheNextButton() {
        String url = responseUrl();
        JsonObject reply = delivered(slack.signed(SlackRequests.slashCommand("/renewals", "", SlackFake.CSM,
                SlackFake.INTERNAL_CHANNEL, url, UUID.randomUUID().toString()), FORM, Map.of()), url);

        assertThat(reply.toString()).contains("Renewals in the next 90 days").contains("Silverline Freight")
                .contains("Renewal risk").contains("Showing 1-10 of ");
        JsonObject next = buttons(reply).stream()
                .filter(b -> b.get("action_id").getAsString().equals(ActionIds.RENEWALS_PAGE)).findFirst().orElseThrow();

        String pressUrl = responseUrl();
        HttpResponse<String> ack = slack.signed(SlackRequests.blockAction(ActionIds.RENEWALS_PAGE,
                next.get("value").getAsString(), SlackFake.CSM, SlackFake.INTERNAL_CHANNEL, pressUrl), FORM, Map.of());
        assertThat(ack.statusCode()).isEqualTo(200);
        List<Recorded> pages = SlackFake.await(FAKE_SLACK, r -> r.path().equals(path(pressUrl)), 1);
        assertThat(pages).hasSize(1);
        checked(pages.get(0).body());
        assertThat(pages.get(0).body()).contains("Showing 11-").contains("11. ");
    }

    @Test
    void aDaysOutOfRangeIsAnsweredWithTheRange() {
        String url = responseUrl();
        JsonObject reply = delivered(slack.signed(SlackRequests.slashCommand("/renewals", "99999", SlackFake.CSM,
                SlackFake.INTERNAL_CHANNEL, url, UUID.randomUUID().toString()), FORM, Map.of()), url);

        assertThat(reply.toString()).contains("from 1 to 730 (got 99999)");
    }

    private static String responseUrl() {
        return FAKE_SLACK.baseUrl() + "response/" + UUID.randomUUID();
    }

    private static String path(String url) {
        return url.substring(FAKE_SLACK.baseUrl().length() - 1);
    }

    /** The answer in the acknowledgement, or the one that followed through response_url. */
    private static JsonObject delivered(HttpResponse<String> ack, String responseUrl) {
        assertThat(ack.statusCode()).isEqualTo(200);
        checked(ack.body());
        JsonObject body = JsonParser.parseString(ack.body()).getAsJsonObject();
        if (!SlackListeners.WORKING.equals(body.get("text").getAsString())) {
            return body;
        }
        List<Recorded> posts = SlackFake.await(FAKE_SLACK, r -> r.path().equals(path(responseUrl)), 1);
        assertThat(posts).isNotEmpty();
        checked(posts.get(0).body());
        return JsonParser.parseString(posts.get(0).body()).getAsJsonObject();
    }

    /** Within Block Kit's limits and valid by its schema. */
    private static void checked(String messageJson) {
        SlackLimits.assertMessageWithinLimits(messageJson);
        JsonObject payload = JsonParser.parseString(messageJson).getAsJsonObject();
        if (payload.has("blocks")) {
            SlackSchema.assertValidBlocks(payload.getAsJsonArray("blocks").toString());
        }
    }

    private static List<JsonObject> buttons(JsonObject reply) {
        List<JsonObject> buttons = new ArrayList<>();
        for (JsonElement block : reply.getAsJsonArray("blocks")) {
            JsonObject b = block.getAsJsonObject();
            if (b.get("type").getAsString().equals("actions")) {
                b.getAsJsonArray("elements").forEach(e -> buttons.add(e.getAsJsonObject()));
            }
        }
        return buttons;
    }
}
