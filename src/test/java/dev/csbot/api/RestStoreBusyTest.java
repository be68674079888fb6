package dev.csbot.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csbot.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * REST writes while another process writes to the same store (as {@code csbot import} does): a second
 * connection takes what every write needs first ({@link dev.csbot.support.TestDatabase#otherWriter()}: SQLite's
 * write lock, PostgreSQL's portfolio_version row), as another process would. A write waits its turn, or gets 503
 * with Retry-After once the busy timeout (5 s) has passed; either way nothing is half-written.
 */
class RestStoreBusyTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final LocalDate DAY = LocalDate.parse(TODAY);

    @Autowired
    Jdbi jdbi;

    /** Another process's connection, holding the store's write lock until it commits or rolls back. */
    private static Connection otherWriter() throws SQLException {
        return STORE.otherWriter();
    }

    private static void finish(Connection writer, String how) throws SQLException {
        dev.csbot.support.TestDatabase.finish(writer, how);
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest.Builder request) {
        return HTTP.sendAsync(request.header("Authorization", "Bearer " + API_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> post(String path, Object body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static Map<String, Object> account(String id) {
        return Map.of("account_id", id, "name", "Busy " + id, "segment", "smb", "arr", "1000", "seats_purchased", "5",
                "contract_start", DAY.minusDays(400).toString(), "renewal_date", DAY.plusDays(300).toString(),
                "csm_email", "probe@csbot.example", "lifecycle_stage", "adoption");
    }

    @Test
    void aWriteWaitsForAnotherProcessesWriteToCommitAndIsThenWrittenOnTopOfIt() throws Exception {
        assertThat(post("/api/v1/accounts", account("busy-wait")).get(10, TimeUnit.SECONDS).statusCode())
                .isEqualTo(200);
        Connection writer = otherWriter();
        CompletableFuture<HttpResponse<String>> usage;
        try {
            // The other process changes the store while the request waits: what the request reads must be new.
            try (Statement statement = writer.createStatement()) {
                statement.executeUpdate("UPDATE accounts SET seats_purchased = 7 WHERE account_id = 'busy-wait'");
            }
            usage = post("/api/v1/usage", List.of(Map.of("account_id", "busy-wait", "date", TODAY, "active_users", 3,
                    "events", 10, "key_features_used", 2)));
            CompletableFuture<HttpResponse<String>> waiting = usage;
            assertThatThrownBy(() -> waiting.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
        } finally {
            finish(writer, "COMMIT");
        }

        HttpResponse<String> response = usage.get(10, TimeUnit.SECONDS);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM usage_daily WHERE account_id = 'busy-wait'")).isEqualTo(1);
        assertThat(count("SELECT seats_purchased FROM accounts WHERE account_id = 'busy-wait'")).isEqualTo(7);
    }

    @Test
    void aWriteThatCannotGetTheStoreInTimeIs503WithRetryAfterAndNothingIsWritten() throws Exception {
        assertThat(post("/api/v1/accounts", account("busy-refused")).get(10, TimeUnit.SECONDS).statusCode())
                .isEqualTo(200);
        long version = count("SELECT version FROM portfolio_version");
        HttpResponse<String> post;
        HttpResponse<String> delete;
        Connection writer = otherWriter();
        try {
            post = post("/api/v1/accounts", List.of(account("busy-never"))).get(30, TimeUnit.SECONDS);
            delete = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/accounts/busy-refused")).DELETE())
                    .get(30, TimeUnit.SECONDS);
        } finally {
            finish(writer, "ROLLBACK");
        }

        for (HttpResponse<String> response : List.of(post, delete)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).contains("5");
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("error").asText()).isEqualTo("the store is busy with another write (a csbot import,"
                    + " most likely); nothing was written: send the request again in 5 seconds");
        }
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE account_id = 'busy-never'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE account_id = 'busy-refused'")).isEqualTo(1);
        assertThat(count("SELECT version FROM portfolio_version")).isEqualTo(version);
    }
}
