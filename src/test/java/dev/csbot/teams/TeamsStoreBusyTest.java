package dev.csbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.support.FakeTeams;
import dev.csbot.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * A Teams activity while another process (a {@code csbot import}) holds the store's write lock past the busy
 * timeout: 503 with Retry-After, not a 500, and nothing is answered or recorded as handled, so a redelivery is
 * handled in full.
 */
class TeamsStoreBusyTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${csbot.db}")
    String db;

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
        try (Connection otherProcess = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement statement = otherProcess.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                refused = post(conversation, activityId);
            } finally {
                statement.execute("ROLLBACK");
            }
        }

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("5");
        assertThat(TeamsMessagesTest.repliesTo(conversation)).isEmpty();

        HttpResponse<String> redelivered = post(conversation, activityId);

        assertThat(redelivered.statusCode()).isEqualTo(202);
        assertThat(TeamsMessagesTest.onlyCardSentTo(conversation).toString()).contains("Acme");
    }
}
