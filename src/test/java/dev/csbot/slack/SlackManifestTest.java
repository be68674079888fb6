package dev.csbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** manifests/slack/manifest.yaml is installable: it validates against Slack's manifest schema and matches the app. */
class SlackManifestTest {

    private static final Path MANIFEST = Path.of("manifests/slack/manifest.yaml");
    private static final Schema SCHEMA = SlackSchema.load("/conformance/slack/manifest/manifest.schema.1.0.0.json",
            SpecificationVersion.DRAFT_7);

    private static JsonNode manifest() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(MANIFEST, StandardCharsets.UTF_8));
    }

    @Test
    void theManifestValidatesAgainstSlacksSchema() throws IOException {
        String json = new ObjectMapper().writeValueAsString(manifest());
        assertThat(SCHEMA.validate(json, InputFormat.JSON)).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesAnInvalidManifest() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/conformance/slack/manifest/test-manifest.v1.invalid.json")) {
            assertThat(SCHEMA.validate(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON)).isNotEmpty();
        }
        try (InputStream in = getClass().getResourceAsStream("/conformance/slack/manifest/test-manifest.v1.valid.json")) {
            assertThat(SCHEMA.validate(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON)).isEmpty();
        }
    }

    @Test
    void everySlashCommandTheAppHandlesIsDeclaredWithAUsageHint() throws IOException {
        List<String> declared = new ArrayList<>();
        for (JsonNode command : manifest().at("/features/slash_commands")) {
            declared.add(command.get("command").asText());
            assertThat(command.get("description").asText()).isNotBlank();
            assertThat(command.get("usage_hint").asText()).isNotBlank();
            assertThat(command.get("url").asText()).isEqualTo("https://YOUR-HOST/slack/events");
        }
        assertThat(declared).containsExactlyInAnyOrderElementsOf(SlackListeners.COMMANDS);
    }

    @Test
    void interactivityTheHomeTabAndTheHomeEventAreOn() throws IOException {
        JsonNode manifest = manifest();
        assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
        assertThat(manifest.at("/settings/interactivity/request_url").asText()).endsWith("/slack/events");
        assertThat(manifest.at("/settings/event_subscriptions/request_url").asText()).endsWith("/slack/events");
        assertThat(manifest.at("/features/app_home/home_tab_enabled").asBoolean()).isTrue();
        assertThat(manifest.at("/settings/event_subscriptions/bot_events").toString()).contains("app_home_opened");
        assertThat(manifest.at("/features/bot_user/display_name").asText()).isEqualTo("csbot");
    }

    @Test
    void theScopesAreTheLeastTheFeaturesNeed() throws IOException {
        List<String> scopes = new ArrayList<>();
        manifest().at("/oauth_config/scopes/bot").forEach(s -> scopes.add(s.asText()));
        // Each one is explained in docs/slack.md; adding one means explaining it there too.
        assertThat(scopes).containsExactlyInAnyOrder("commands", "chat:write", "users:read", "users:read.email",
                "channels:read", "groups:read", "im:read", "mpim:read", "im:write", "channels:history", "groups:history",
                "im:history");
        String docs = Files.readString(Path.of("docs/slack.md"), StandardCharsets.UTF_8);
        for (String scope : scopes) {
            assertThat(docs).contains("`" + scope + "`");
        }
    }
}
