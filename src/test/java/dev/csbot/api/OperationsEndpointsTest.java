package dev.csbot.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csbot.support.FakeTeams;
import dev.csbot.support.IntegrationTest;
import dev.csbot.teams.TeamsActivities;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What operations and other programs read: /actuator/health (readiness with the store and each chat door),
 * /actuator/info, /actuator/prometheus with csbot's own metrics, and the OpenAPI document, all under the REST
 * API's access rule.
 */
class OperationsEndpointsTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private HttpResponse<String> get(String path, boolean withToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (withToken) {
            request.header("Authorization", "Bearer " + API_TOKEN);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path, true);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void everyOperationsEndpointNeedsTheApiTokenLikeTheApi() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/info",
                "/actuator/prometheus", "/actuator", "/v3/api-docs")) {
            HttpResponse<String> refused = get(path, false);
            assertThat(refused.statusCode()).as(path).isEqualTo(401);
            assertThat(refused.body()).as(path).contains("CSBOT_API_TOKEN").doesNotContain("UP");
        }
    }

    @Test
    void readinessIncludesTheStoreAndEachChatDoor() throws Exception {
        JsonNode readiness = json("/actuator/health/readiness");

        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").fieldNames()).toIterable()
                .contains("readinessState", "db", "slack", "teams");
        assertThat(readiness.path("components").path("db").path("details").path("database").asText())
                .isEqualTo(STORE.isPostgres() ? "PostgreSQL" : "SQLite");
        assertThat(readiness.path("components").path("slack").path("details").path("mode").asText()).isEqualTo("http");
        assertThat(readiness.path("components").path("teams").path("details").path("mode").asText())
                .isEqualTo("bot-framework");
        assertThat(json("/actuator/health/liveness").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void infoSaysTheVersionAndTheCommitItWasBuiltFrom() throws Exception {
        JsonNode info = json("/actuator/info");

        Properties build = properties("META-INF/build-info.properties");
        assertThat(info.path("build").path("version").asText()).isNotBlank()
                .isEqualTo(build.getProperty("build.version"));
        Properties git = properties("git.properties");
        Assumptions.assumeTrue(git.getProperty("git.commit.id") != null,
                "built outside a git checkout: git.properties has no commit");
        assertThat(info.path("git").path("commit").path("id").asText())
                .isEqualTo(git.getProperty("git.commit.id.abbrev")).matches("[0-9a-f]{7,}");
    }

    private static Properties properties(String resource) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = OperationsEndpointsTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        }
        return properties;
    }

    @Test
    void prometheusCountsCommandsByNameChannelAndOutcomeAndIngestedRows() throws Exception {
        String conversation = "a:personal-" + UUID.randomUUID();
        var activity = TeamsActivities.personalMessage(conversation, "29:member-ana", "health acme");
        activity.put("id", "metrics-" + UUID.randomUUID());
        String before = get("/actuator/prometheus", true).body();

        HttpResponse<String> answered = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/messages"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + FakeTeams.channelToken(activity.path("serviceUrl").asText()))
                .POST(HttpRequest.BodyPublishers.ofString(activity.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).isEqualTo(202);
        HttpResponse<String> ingested = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/usage"))
                .header("Authorization", "Bearer " + API_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(List.of(Map.of("account_id", "acme",
                        "date", TODAY, "active_users", 25, "events", 400, "key_features_used", 3)))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);
        String after = get("/actuator/prometheus", true).body();

        String health = "csbot_commands_seconds_count\\{application=\"csbot\",channel=\"teams\",command=\"health\","
                + "outcome=\"answer\"\\}";
        assertThat(sample(after, health)).isEqualTo(sample(before, health) + 1);
        assertThat(after).containsPattern("csbot_commands_seconds_bucket\\{application=\"csbot\",channel=\"teams\","
                + "command=\"health\",outcome=\"answer\",le=\"3\\.0\"\\}");
        String rows = "csbot_ingest_rows_total\\{application=\"csbot\",dataset=\"usage\",source=\"rest\"\\}";
        assertThat(sample(after, rows)).isEqualTo(sample(before, rows) + 1);
        // The background refresh scores the book after start-up and after every change.
        org.awaitility.Awaitility.await().atMost(60, java.util.concurrent.TimeUnit.SECONDS).until(() -> sample(
                get("/actuator/prometheus", true).body(),
                "csbot_health_book_scoring_seconds_count\\{application=\"csbot\"\\}") >= 1);
    }

    /** The value of the sample whose name and labels match {@code series}; 0 when there is none yet. */
    private static double sample(String exposition, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(exposition);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    @Test
    void theOpenApiDocumentListsEveryApiPathAndEveryReferenceResolves() throws Exception {
        JsonNode document = json("/v3/api-docs");

        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.path("info").path("title").asText()).isEqualTo("csbot REST API");
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(path -> path.startsWith("/api/v1"))
                // a path variable with a pattern ({resource:accounts|...}) is documented by its name alone
                .map(path -> path.replaceAll("\\{(\\w+):[^}]*}", "{$1}"))
                .forEach(served::add));
        assertThat(served).contains("/api/v1/accounts", "/api/v1/risks", "/api/v1/renewals");
        assertThat(document.path("paths").fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(served);
        assertThat(document.path("components").path("schemas").fieldNames()).toIterable()
                .contains("RiskList", "RenewalList", "ListedAccount", "HealthSummary");
        JsonNode listed = document.path("components").path("schemas").path("ListedAccount").path("properties");
        assertThat(listed.fieldNames()).toIterable().contains("account_id", "arr_at_risk", "main_risk", "health");
        List<String> references = new ArrayList<>();
        collectReferences(document, references);
        assertThat(references).isNotEmpty().allSatisfy(reference -> {
            assertThat(reference).startsWith("#/components/schemas/");
            assertThat(document.path("components").path("schemas")
                    .has(reference.substring("#/components/schemas/".length()))).as(reference).isTrue();
        });
        assertThat(document.path("paths").path("/api/v1/risks").path("get").path("parameters")).extracting(
                p -> p.path("name").asText()).contains("segment", "owner", "band", "limit", "offset");
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref")) {
                    references.add(field.getValue().asText());
                } else {
                    collectReferences(field.getValue(), references);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectReferences(child, references));
        }
    }
}
