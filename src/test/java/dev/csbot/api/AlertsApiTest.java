package dev.csbot.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csbot.alerts.AlertService;
import dev.csbot.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET /api/v1/alerts} under the API's access rule. */
class AlertsApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    Jdbi jdbi;

    @Autowired
    AlertService alerts;

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String accountWithAnAlert() {
        String id = "api-it-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.parse(TODAY);
        jdbi.useHandle(h -> {
            h.createUpdate("INSERT INTO accounts (account_id, name, segment, arr, seats_purchased, contract_start,"
                            + " renewal_date, csm_email, lifecycle_stage) VALUES (:id, :id, 'smb', 20000, 10, :start,"
                            + " :renewal, 'api.csm@csbot.example', 'adoption')")
                    .bind("id", id).bind("start", today.minusYears(1).toString())
                    .bind("renewal", today.plusDays(200).toString()).execute();
            h.createUpdate("INSERT INTO tickets (ticket_id, account_id, opened_on, severity, subject)"
                            + " VALUES (:id, :account, :opened, 1, 'Outage')")
                    .bind("id", id + "-t1").bind("account", id).bind("opened", today.minusDays(1).toString()).execute();
        });
        alerts.evaluate(List.of(id));
        return id;
    }

    @Test
    void alertsAreListedByAccountAndStateWithTheirEvidence() throws Exception {
        String account = accountWithAnAlert();

        HttpResponse<String> response = get("/api/v1/alerts?account=" + account + "&state=open", API_TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("alerts")).isNotEmpty().allSatisfy(a -> {
            assertThat(a.path("account_id").asText()).isEqualTo(account);
            assertThat(a.path("state").asText()).isEqualTo("open");
            assertThat(a.path("owner").asText()).isEqualTo("api.csm@csbot.example");
        });
        assertThat(body.path("alerts").findValuesAsText("rule")).contains("support_spike");
        assertThat(JSON.readTree(get("/api/v1/alerts?account=" + account + "&state=resolved", API_TOKEN).body())
                .path("count").asInt()).isZero();
    }

    @Test
    void aBadFilterIsA400ThatSaysWhatIsAllowedAndNoTokenIsRefused() throws Exception {
        HttpResponse<String> bad = get("/api/v1/alerts?state=angry", API_TOKEN);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("open, acknowledged, snoozed, resolved");
        assertThat(get("/api/v1/alerts?limit=5000", API_TOKEN).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/alerts", null).statusCode()).isEqualTo(401);
    }
}
