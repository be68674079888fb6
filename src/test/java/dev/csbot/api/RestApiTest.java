package dev.csbot.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csbot.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The REST API over HTTP against the running app and its demo portfolio. Writes here only re-send rows the
 * demo already holds, are refused, or add a small separate account of their own, so the shared portfolio
 * stays as other tests expect it.
 */
class RestApiTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final LocalDate DAY = LocalDate.parse(TODAY);

    @Autowired
    Jdbi jdbi;

    record Response(int status, JsonNode body) {}

    private Response get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + API_TOKEN)
                .GET());
    }

    private Response post(String path, Object body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + API_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text
                        : JSON.writeValueAsString(body))));
    }

    private static Response send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }

    private long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** Acme's success-plan objective exactly as the demo generates it. */
    private static Map<String, Object> acmeObjective() {
        return Map.of("account_id", "acme", "objective", "Roll out to the EMEA support team", "metric",
                "active EMEA agents", "target", "120", "due_date", DAY.plusDays(20).toString(), "status", "at-risk");
    }

    @Test
    void anAccountPostedThroughTheApiIsScoredInTheNextListing() throws Exception {
        get("/api/v1/accounts");
        Map<String, Object> account = Map.of("account_id", "api-probe", "name", "Api Probe Ltd", "segment", "smb",
                "arr", "1000", "seats_purchased", "5", "contract_start", DAY.minusDays(400).toString(),
                "renewal_date", DAY.plusDays(300).toString(), "csm_email", "probe@csbot.example",
                "lifecycle_stage", "adoption");

        assertThat(post("/api/v1/accounts", account).status()).isEqualTo(200);
        Response listing = get("/api/v1/accounts");

        assertThat(listing.body().get("accounts").findValuesAsText("account_id")).contains("api-probe");
    }

    @Test
    void scoresAreReusedButTheNextHealthAnswerAfterAWriteReflectsIt() throws Exception {
        Map<String, Object> account = Map.of("account_id", "reuse-probe", "name", "Reuse Probe Ltd", "segment", "smb",
                "arr", "1000", "seats_purchased", "10", "contract_start", DAY.minusDays(400).toString(),
                "renewal_date", DAY.plusDays(300).toString(), "csm_email", "probe@csbot.example",
                "lifecycle_stage", "adoption");
        assertThat(post("/api/v1/accounts", account).status()).isEqualTo(200);
        JsonNode before = get("/api/v1/accounts/reuse-probe/health").body();
        JsonNode reused = get("/api/v1/accounts/reuse-probe/health").body();

        List<Map<String, Object>> usage = new java.util.ArrayList<>();
        for (int daysAgo = 0; daysAgo < 120; daysAgo++) {
            usage.add(Map.of("account_id", "reuse-probe", "date", DAY.minusDays(daysAgo).toString(),
                    "active_users", 9, "events", 400, "key_features_used", 4));
        }
        assertThat(post("/api/v1/usage", usage).status()).isEqualTo(200);
        JsonNode after = get("/api/v1/accounts/reuse-probe/health").body();

        assertThat(licenseUtilization(before).get("missing").asBoolean()).isTrue();
        assertThat(reused).isEqualTo(before);
        assertThat(licenseUtilization(after).get("missing").asBoolean()).isFalse();
        assertThat(licenseUtilization(after).get("evidence").asText()).contains("90% of 10 seats active");
    }

    private static JsonNode licenseUtilization(JsonNode health) {
        for (JsonNode measure : health.get("measures")) {
            if (measure.get("measure").asText().equals("license_utilization")) {
                return measure;
            }
        }
        throw new AssertionError("no license utilization measure in " + health);
    }

    @Test
    void theDemoPortfolioIsLoadedAtStartUpAndListedWithCurrentHealth() throws Exception {
        Response response = get("/api/v1/accounts");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("as_of").asText()).isEqualTo(TODAY);
        assertThat(response.body().get("count").asInt()).isGreaterThanOrEqualTo(200);
        JsonNode acme = null;
        for (JsonNode account : response.body().get("accounts")) {
            if (account.get("account_id").asText().equals("acme")) {
                acme = account;
            }
        }
        assertThat(acme).isNotNull();
        assertThat(acme.get("name").asText()).isEqualTo("Acme");
        assertThat(acme.get("health").get("band").asText()).isIn("red", "yellow");
        assertThat(acme.get("health").get("change").asInt()).isNegative();
    }

    @Test
    void oneAccountCarriesItsFieldsAndHealthSummary() throws Exception {
        Response response = get("/api/v1/accounts/globex");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("segment").asText()).isEqualTo("enterprise");
        assertThat(response.body().get("seats_purchased").asInt()).isEqualTo(300);
        assertThat(response.body().get("health").get("band").asText()).isEqualTo("green");
    }

    @Test
    void anAccountsHealthShowsMeasuresDriversPlaybookAndFreshness() throws Exception {
        JsonNode health = get("/api/v1/accounts/acme/health").body();

        assertThat(health.get("score").asInt()).isBetween(0, 74);
        assertThat(health.get("trend_days").asInt()).isEqualTo(30);
        assertThat(health.get("measures")).hasSizeGreaterThanOrEqualTo(7);
        assertThat(health.get("drivers").findValuesAsText("evidence"))
                .anySatisfy(e -> assertThat(e).contains("champion Jane Doe (VP Operations) left on"));
        assertThat(health.get("playbook").get("id").asText()).isEqualTo("renewal-at-risk");
        assertThat(health.get("data_through").asText()).isEqualTo(TODAY);
        assertThat(health.get("stale_sources").isArray()).isTrue();
        assertThat(get("/api/v1/accounts/initech/health").body().get("measures").findValuesAsText("measure"))
                .contains("time_to_value");
    }

    @Test
    void anUnknownAccountIsA404WithAJsonError() throws Exception {
        Response one = get("/api/v1/accounts/umbrella");
        Response health = get("/api/v1/accounts/umbrella/health");

        assertThat(one.status()).isEqualTo(404);
        assertThat(one.body().get("error").asText()).contains("umbrella");
        assertThat(health.status()).isEqualTo(404);
    }

    @Test
    void withoutTheBearerTokenTheApiAnswers401() throws Exception {
        Response none = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/accounts")).GET());
        Response wrong = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/accounts"))
                .header("Authorization", "Bearer nope").GET());

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().get("error").asText()).contains("Authorization: Bearer");
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void postingRowsTheStoreAlreadyHoldsIsAnIdempotentUpsert() throws Exception {
        long before = count("SELECT COUNT(*) FROM success_plans");

        Response array = post("/api/v1/success-plans", List.of(acmeObjective()));
        Response single = post("/api/v1/success-plans", acmeObjective());

        assertThat(array.status()).isEqualTo(200);
        assertThat(array.body().get("rows").asInt()).isEqualTo(1);
        assertThat(single.status()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM success_plans")).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE actor = 'api' AND detail LIKE '%success-plans%'"))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void oneBadRowRefusesTheWholeRequestWithIndexFieldAndReason() throws Exception {
        Map<String, Object> fresh = Map.of("account_id", "acme", "objective", "Never stored", "metric", "m",
                "target", "1", "due_date", "2027-01-01", "status", "on-track");
        Map<String, Object> badDate = Map.of("account_id", "acme", "objective", "Also never stored", "metric", "m",
                "target", "1", "due_date", "next week", "status", "late");

        Response response = post("/api/v1/success-plans", List.of(fresh, badDate));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors")).hasSize(2);
        JsonNode first = response.body().get("errors").get(0);
        assertThat(first.get("index").asInt()).isEqualTo(1);
        assertThat(first.get("field").asText()).isEqualTo("due_date");
        assertThat(first.get("reason").asText()).isEqualTo("not a date: 'next week' (expected YYYY-MM-DD)");
        assertThat(count("SELECT COUNT(*) FROM success_plans WHERE objective = 'Never stored'")).isZero();
    }

    @Test
    void restRowsAreCheckedByTheSameRulesAsCsvRows() throws Exception {
        Response usage = post("/api/v1/usage", List.of(Map.of("account_id", "umbrella", "date", TODAY,
                "active_users", -1, "events", 10, "key_features_used", 2)));
        Response feedback = post("/api/v1/feedback", Map.of("account_id", "acme", "contact_email",
                "li.wei@acme.example", "date", TODAY, "kind", "nps", "score", 11));
        Response account = post("/api/v1/accounts", Map.of("account_id", "x", "name", "X"));

        assertThat(usage.status()).isEqualTo(400);
        assertThat(usage.body().get("errors").findValuesAsText("field")).containsExactly("active_users", "account_id");
        assertThat(feedback.body().get("errors").get(0).get("reason").asText())
                .isEqualTo("score 11 is outside the NPS scale 0-10");
        assertThat(account.body().get("errors").findValuesAsText("field")).contains("segment", "renewal_date");
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE account_id = 'x'")).isZero();
    }

    @Test
    void aBodyThatIsNotJsonIsA400InTheSameShape() throws Exception {
        Response response = post("/api/v1/meetings", "[{not json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").get(0).get("reason").asText()).startsWith("the body is not JSON");
    }

    private static Map<String, Object> probeAccount(String id) {
        return Map.of("account_id", id, "name", "Probe " + id, "segment", "smb", "arr", "1000", "seats_purchased", "5",
                "contract_start", DAY.minusDays(400).toString(), "renewal_date", DAY.plusDays(300).toString(),
                "csm_email", "probe@csbot.example", "lifecycle_stage", "adoption");
    }

    private Response delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + API_TOKEN)
                .DELETE());
    }

    @Test
    void aFieldLongerThanTheSchemaAllowsIsA400NamingTheFieldAndTheLimit() throws Exception {
        Map<String, Object> account = new java.util.HashMap<>(probeAccount("long-name-probe"));
        account.put("name", "N".repeat(201));

        Response response = post("/api/v1/accounts", account);

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.body().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("name");
        assertThat(error.get("reason").asText()).isEqualTo("too long: 201 characters (at most 200)");
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE account_id = 'long-name-probe'")).isZero();
    }

    @Test
    void theSameKeyTwiceInOneRequestIsRefused() throws Exception {
        Response response = post("/api/v1/accounts", List.of(probeAccount("twice-probe"), probeAccount("twice-probe")));

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.body().get("errors").get(0);
        assertThat(error.get("index").asInt()).isEqualTo(1);
        assertThat(error.get("field").asText()).isEqualTo("account_id");
        assertThat(error.get("reason").asText()).isEqualTo("account_id 'twice-probe' again: already in row 0 of this"
                + " request (each key once per request)");
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE account_id = 'twice-probe'")).isZero();
    }

    @Test
    void aBodyLargerThanTenMebibytesIs413AndNothingIsRead() throws Exception {
        String padding = "x".repeat(IngestController.MAX_BODY_BYTES);

        Response response = post("/api/v1/accounts", "[{\"account_id\": \"big-probe\", \"name\": \"" + padding + "\"}]");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body().get("errors").get(0).get("reason").asText()).isEqualTo("the body is larger than"
                + " 10,485,760 bytes (10 MiB); send at most 10,000 rows per request");
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE account_id = 'big-probe'")).isZero();
    }

    @Test
    void moreRowsThanARequestMayHoldIsA400BeforeAnyIsChecked() throws Exception {
        List<Map<String, Object>> rows = java.util.Collections.nCopies(10_001, Map.of("account_id", "acme"));

        Response response = post("/api/v1/usage", rows);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors")).hasSize(1);
        assertThat(response.body().get("errors").get(0).get("index").isNull()).isTrue();
        assertThat(response.body().get("errors").get(0).get("reason").asText()).isEqualTo("10,001 rows in one request;"
                + " send at most 10,000 per request");
    }

    @Test
    void deletingAnAccountRemovesItAndItsSignalsAndListingsNoLongerShowIt() throws Exception {
        assertThat(post("/api/v1/accounts", probeAccount("delete-probe")).status()).isEqualTo(200);
        assertThat(post("/api/v1/usage", List.of(Map.of("account_id", "delete-probe", "date", TODAY, "active_users", 3,
                "events", 10, "key_features_used", 2))).status()).isEqualTo(200);
        assertThat(get("/api/v1/accounts/delete-probe").status()).isEqualTo(200);

        Response deleted = delete("/api/v1/accounts/delete-probe");
        Response again = delete("/api/v1/accounts/delete-probe");

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("name").asText()).isEqualTo("Probe delete-probe");
        assertThat(deleted.body().get("deleted_rows").get("usage_daily").asInt()).isEqualTo(1);
        assertThat(again.status()).isEqualTo(404);
        assertThat(get("/api/v1/accounts/delete-probe").status()).isEqualTo(404);
        assertThat(get("/api/v1/accounts").body().get("accounts").findValuesAsText("account_id"))
                .doesNotContain("delete-probe");
        assertThat(count("SELECT COUNT(*) FROM usage_daily WHERE account_id = 'delete-probe'")).isZero();
    }
}
