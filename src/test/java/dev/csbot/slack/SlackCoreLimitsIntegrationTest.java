package dev.csbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.csbot.account.AccountRepository;
import dev.csbot.chat.ChannelLinks;
import dev.csbot.chat.Platform;
import dev.csbot.support.IntegrationTest;
import dev.csbot.support.RecordingPortfolioListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the core guarantees every channel, seen through the Slack door: command text has a limit checked
 * before any work, linking takes only an exact name or id, and a write is in the very next answer.
 */
class SlackCoreLimitsIntegrationTest extends IntegrationTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Autowired
    ChannelLinks links;

    @Autowired
    AccountRepository accounts;

    private SlackRequests slack;

    @BeforeEach
    void workspace() {
        SlackFake.install(SlackTestPortfolio.acme(accounts).csmEmail());
        slack = new SlackRequests(baseUrl(), SLACK_SIGNING_SECRET);
    }

    /** The acknowledgement of a signed slash command, which must hold the whole answer. */
    private JsonObject acknowledged(String command, String text) {
        String responseUrl = FAKE_SLACK.baseUrl() + "response/" + UUID.randomUUID();
        HttpResponse<String> ack = slack.signed(SlackRequests.slashCommand(command, text, SlackFake.CSM,
                SlackFake.INTERNAL_CHANNEL, responseUrl, UUID.randomUUID().toString()), FORM, Map.of());
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.body()).doesNotContain(SlackListeners.WORKING);
        SlackLimits.assertMessageWithinLimits(ack.body());
        return JsonParser.parseString(ack.body()).getAsJsonObject();
    }

    @Test
    void aHealthCommandWithAHugeTextIsAnsweredAtOnceWithOneShortMessage() {
        String huge = "acme ".repeat(4_000); // 20,000 characters

        JsonObject reply = acknowledged("/health", huge);

        assertThat(reply.toString()).contains("Command too long").contains("1,000 characters")
                .doesNotContain("acme acme").doesNotContain("Part 1 of");
        assertThat(reply.toString().length()).isLessThan(2_000);
    }

    @Test
    void linkingByTheStartOfANameLinksNothing() {
        links.unlink(Platform.SLACK, SlackFake.INTERNAL_CHANNEL);

        JsonObject reply = acknowledged("/csbot", "link ac");

        assertThat(reply.toString()).contains("exact name or id").contains("Did you mean Acme").doesNotContain("Linked to");
        assertThat(links.accountFor(Platform.SLACK, SlackFake.INTERNAL_CHANNEL)).isEmpty();
    }

    @Test
    void aRestWriteIsInTheVeryNextHealthAndRisksWithoutWaiting() throws Exception {
        acknowledged("/risks", ""); // the book is ranked and kept before the write
        assertThat(acknowledged("/health", "Event Probe Holdings").toString()).contains("No account matches");
        int heardBefore = RecordingPortfolioListener.heard().size();
        LocalDate today = LocalDate.parse(TODAY);
        Map<String, Object> account = Map.of("account_id", "event-probe", "name", "Event Probe Holdings", "segment",
                "enterprise", "arr", "50000000", "seats_purchased", "50", "contract_start",
                today.minusDays(400).toString(), "renewal_date", today.plusDays(20).toString(), "csm_email",
                "probe@csbot.example", "lifecycle_stage", "renewal");

        Map<String, Object> urgent = Map.of("ticket_id", "event-probe-1", "account_id", "event-probe", "opened_on",
                today.minusDays(2).toString(), "severity", "1", "subject", "Nothing works");

        post("/api/v1/accounts", account);
        assertThat(acknowledged("/health", "Event Probe Holdings").toString()).contains("Event Probe Holdings health: 100/100");
        post("/api/v1/tickets", urgent);

        assertThat(RecordingPortfolioListener.heard().subList(heardBefore, RecordingPortfolioListener.heard().size()))
                .extracting(change -> change.accountIds()).containsExactly(java.util.Set.of("event-probe"),
                        java.util.Set.of("event-probe"));
        assertThat(acknowledged("/health", "Event Probe Holdings").toString()).contains("Event Probe Holdings health: 65/100");
        // $50M of ARR with an urgent ticket open: the most ARR at risk in the book, first in the ranking.
        assertThat(acknowledged("/risks", "").toString()).contains("1. Event Probe Holdings");
    }

    private void post(String path, Map<String, Object> row) throws Exception {
        HttpResponse<String> written = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + path)).header("Authorization", "Bearer " + API_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(List.of(row))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
    }
}
