package dev.csbot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csbot.alerts.AlertService;
import dev.csbot.chat.ActionIds;
import dev.csbot.chat.ChannelLinks;
import dev.csbot.chat.Platform;
import dev.csbot.support.FakeTeams;
import dev.csbot.support.IntegrationTest;
import dev.csbot.support.RecordingHttpServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Alerts in Teams: posted into a linked conversation through its stored reference, refused where guests can
 * read, and their buttons (Bot Framework activities with locally signed tokens) updating the card for everyone.
 */
class TeamsAlertIntegrationTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    Jdbi jdbi;

    @Autowired
    AlertService alerts;

    @Autowired
    ChannelLinks links;

    private HttpResponse<String> post(ObjectNode activity) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/messages"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + FakeTeams.channelToken(activity.path("serviceUrl").asText()))
                .POST(HttpRequest.BodyPublishers.ofString(activity.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A group chat csbot was added to, linked to a new account with an urgent ticket; returns the notice id. */
    private String alertIn(String chat) throws Exception {
        assertThat(post(TeamsActivities.botAddedToGroupChat(chat)).statusCode()).isBetween(200, 202);
        String account = "teams-it-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.parse(TODAY);
        jdbi.useHandle(h -> {
            h.createUpdate("INSERT INTO accounts (account_id, name, segment, arr, seats_purchased, contract_start,"
                            + " renewal_date, csm_email, lifecycle_stage) VALUES (:id, :id, 'mid-market', 90000, 50,"
                            + " :start, :renewal, 'teams.csm@csbot.example', 'adoption')")
                    .bind("id", account).bind("start", today.minusYears(1).toString())
                    .bind("renewal", today.plusDays(250).toString()).execute();
            h.createUpdate("INSERT INTO tickets (ticket_id, account_id, opened_on, severity, subject)"
                            + " VALUES (:id, :account, :opened, 1, 'Outage')")
                    .bind("id", account + "-t1").bind("account", account).bind("opened", today.minusDays(2).toString())
                    .execute();
        });
        links.link(Platform.TEAMS, chat, account, "test");
        alerts.evaluate(List.of(account));
        return jdbi.withHandle(h -> h.createQuery("SELECT item_id FROM outbox WHERE account_id = :a AND operation = 'post'")
                .bind("a", account).mapTo(String.class).one());
    }

    private static String encoded(String conversation) {
        return URLEncoder.encode(conversation, StandardCharsets.UTF_8);
    }

    private static List<RecordingHttpServer.Recorded> to(String method, String conversation) {
        return FAKE_TEAMS.requests(r -> r.method().equals(method) && r.path().contains("/activities")
                && (r.path().contains(conversation) || r.path().contains(encoded(conversation))));
    }

    @Test
    void anAlertIsPostedAsACardAndItsButtonsUpdateThatCardForEveryone() throws Exception {
        String chat = "19:alerts-" + UUID.randomUUID() + "@thread.v2";
        String notice = alertIn(chat);
        await().atMost(PATIENCE).until(() -> to("POST", chat).stream().anyMatch(r -> r.body().contains("alert-ack")));
        RecordingHttpServer.Recorded card = to("POST", chat).stream().filter(r -> r.body().contains("alert-ack"))
                .findFirst().orElseThrow();
        JsonNode attachment = TeamsActivities.JSON.readTree(card.body()).path("attachments").get(0);
        AdaptiveCardSchema.assertValid(attachment.path("content").toString());
        String activityId = jdbi.withHandle(h -> h.createQuery("SELECT message_id FROM posted_messages WHERE item_id = :n")
                .bind("n", notice).mapTo(String.class).one());

        ObjectNode press = TeamsActivities.buttonInvoke(chat, "29:member-ana", ActionIds.ALERT_ACK, notice);
        press.put("replyToId", activityId);
        ((ObjectNode) press.get("conversation")).put("id", chat).put("conversationType", "groupChat");
        assertThat(post(press).statusCode()).isEqualTo(200);

        await().atMost(PATIENCE).until(() -> to("PUT", chat).stream().anyMatch(r -> r.path().endsWith("/activities/"
                + activityId) && r.body().contains("Acknowledged by")));
        List<String> states = jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT status FROM alerts a"
                + " JOIN alert_notice_items i ON i.alert_id = a.alert_id WHERE i.notice_id = :n").bind("n", notice)
                .mapTo(String.class).list());
        assertThat(states).containsExactly("acknowledged");
    }

    @Test
    void aChatWithAGuestIsRefusedAndParkedWithTheReason() throws Exception {
        String chat = "19:shared-ext-" + UUID.randomUUID() + "@thread.v2";
        String notice = alertIn(chat);

        await().atMost(PATIENCE).until(() -> "parked".equals(jdbi.withHandle(h -> h.createQuery(
                "SELECT state FROM outbox WHERE item_id = :n").bind("n", notice).mapTo(String.class).one())));

        String reason = jdbi.withHandle(h -> h.createQuery("SELECT last_error FROM outbox WHERE item_id = :n")
                .bind("n", notice).mapTo(String.class).one());
        assertThat(reason).contains("guests or people of another organisation");
        assertThat(to("POST", chat)).noneMatch(r -> r.body().contains("alert-ack"));
    }
}
