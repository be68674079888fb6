package dev.csbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.support.FakeTeams;
import dev.csbot.support.IntegrationTest;
import dev.csbot.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A Teams activity while another process holds what its write needs past the busy timeout: 503 with Retry-After,
 * not a 500, and nothing is answered or recorded as handled, so a redelivery is handled in full. On SQLite the
 * other process is a {@code csbot import} holding the one write lock; PostgreSQL has no such lock (an activity
 * does not wait for an import there), so the other process is another instance recording the same activity in a
 * transaction that has not committed yet.
 */
class TeamsStoreBusyTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpResponse<String> post(String conversation, String activityId) throws Exception {
        var activity = TeamsActivities.personalMessage(conversation, "29:member-ana", "health acme");
        activity.put("id", activityId);
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/messages"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + FakeTeams.channelToken(activity.path("serviceUrl").asText()))
                .POST(HttpRequest.BodyPublishers.ofString(activity.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anActivityThatCannotGetTheStoreIs503WithRetryAfterAndItsRedeliveryIsAnswered() throws Exception {
        String conversation = "a:personal-" + UUID.randomUUID();
        String activityId = "busy-" + UUID.randomUUID();
        HttpResponse<String> refused;
        Connection otherProcess = STORE.otherWriter();
        if (STORE.isPostgres()) {
            try (Statement statement = otherProcess.createStatement()) {
                statement.executeUpdate("INSERT INTO inbound_events (source, event_id, received_at) VALUES ('teams', '"
                        + conversation + "|" + activityId + "', '2026-11-23T12:00:00.000Z')");
            }
        }
        try {
            refused = post(conversation, activityId);
        } finally {
            TestDatabase.finish(otherProcess, "ROLLBACK");
        }

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("5");
        assertThat(TeamsMessagesTest.repliesTo(conversation)).isEmpty();

        HttpResponse<String> redelivered = post(conversation, activityId);

        assertThat(redelivered.statusCode()).isEqualTo(202);
        assertThat(TeamsMessagesTest.onlyCardSentTo(conversation).toString()).contains("Acme");
    }
}
