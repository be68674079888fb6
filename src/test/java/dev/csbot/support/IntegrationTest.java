package dev.csbot.support;

import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: the real app on a random port over a fresh store holding the demo portfolio
 * (a temporary SQLite file; in the PostgreSQL pass a schema of its own, see {@link TestDatabase}), with the clock
 * pinned, Slack's Web API pointed at a local fake, and Teams in
 * authenticated mode against local keys. Every subclass shares this one Spring context: do not add
 * per-class properties or mock beans, or the suite starts a second context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("store")
public abstract class IntegrationTest {

    /** The date the demo portfolio runs to and the clock stands on. */
    public static final String TODAY = "2026-11-23";

    /** Stands in for https://slack.com/api/ (and for response_url posts). */
    public static final RecordingHttpServer FAKE_SLACK = new RecordingHttpServer();

    /** Stands in for a Teams connector (activities carry its URL as serviceUrl). */
    public static final RecordingHttpServer FAKE_TEAMS = new RecordingHttpServer();

    public static final String SLACK_SIGNING_SECRET = "test-signing-secret";

    /** The REST API's bearer token (CSBOT_API_TOKEN) in tests. */
    public static final String API_TOKEN = "test-api-token";

    /** The store the shared context runs on. */
    protected static final TestDatabase STORE = TestDatabase.fresh("it");

    @Value("${local.server.port}")
    protected int port;

    @DynamicPropertySource
    static void sharedProperties(DynamicPropertyRegistry registry) {
        STORE.serviceProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("csbot.today", () -> TODAY);
        registry.add("csbot.serve.demo", () -> "true");
        registry.add("slack.signing-secret", () -> SLACK_SIGNING_SECRET);
        registry.add("slack.bot-token", () -> "xoxb-test-token");
        registry.add("slack.api-url", FAKE_SLACK::baseUrl);
        registry.add("microsoft.app-id", () -> FakeTeams.APP_ID);
        registry.add("microsoft.app-password", () -> FakeTeams.APP_PASSWORD);
        registry.add("microsoft.app-tenant-id", () -> FakeTeams.TENANT_ID);
        registry.add("csbot.teams.openid-metadata-url", FakeTeams::openIdMetadataUrl);
        registry.add("csbot.teams.oauth-token-url", FakeTeams::tokenUrl);
        registry.add("csbot.api-token", () -> API_TOKEN);
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
