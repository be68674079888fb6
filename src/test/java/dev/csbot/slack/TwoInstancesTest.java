package dev.csbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.csbot.ingest.DemoService;
import dev.csbot.support.RecordingHttpServer;
import dev.csbot.support.RecordingHttpServer.Recorded;
import dev.csbot.support.RecordingHttpServer.Response;
import dev.csbot.support.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two csbot services, each a JVM process of its own ({@code csbot serve}), on one PostgreSQL database behind what
 * Slack sees as one address, behave as one: a slash command retried to the other instance is handled once; a write
 * on one shows in the other's next answer; the daily scan, fired by both schedules at the same moment, runs once;
 * and every alert it raised is posted exactly once in total, although one instance is killed (SIGKILL) in the middle
 * of delivering them and the other takes its claims over when their lease runs out.
 *
 * <p>Skipped without {@value TestDatabase#SERVER_VARIABLE} (a failure in CI, which always has a server). Not tagged
 * "store": it runs once, in the first pass.
 */
class TwoInstancesTest {

    private static final String SECRET = "two-instances-secret";
    private static final String API_TOKEN = "two-instances-token";
    private static final String TODAY = "2026-11-23";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path logs;

    private final RecordingHttpServer slack = new RecordingHttpServer();
    private final FakeWorkspace workspace = new FakeWorkspace(slack);
    private final List<Instance> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(Instance::kill);
        slack.close();
    }

    @Test
    void twoInstancesOnOneDatabaseBehaveAsOne() throws Exception {
        TestDatabase store = TestDatabase.postgres("two").migrate();
        Jdbi jdbi = store.jdbi();
        // A book whose scan raises well over 100 alert messages (400 accounts, 120 days).
        new DemoService(jdbi, Clock.fixed(LocalDate.parse(TODAY).atTime(12, 0).toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC)).load(400, 120, 42);

        // Both schedules fire the daily scan at the same second of every minute, far enough ahead to start first.
        int second = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(35).getSecond();
        Instance a = start("a", store, second);
        Instance b = start("b", store, second);
        a.awaitReady();
        b.awaitReady();
        Instant bothReady = Instant.now();

        commandRetriedToTheOtherInstanceIsHandledOnce(a, b, jdbi);
        writeOnOneShowsInTheOthersNextAnswer(a, b, jdbi);

        // The first firing after both are up: one instance scans, the other is told the job is held.
        Awaitility.await("both schedules fire the daily scan").atMost(Duration.ofSeconds(130))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> a.jobLines("daily-scan", bothReady).size() + b.jobLines("daily-scan", bothReady).size() >= 2);
        List<String> scanLines = new ArrayList<>(a.jobLines("daily-scan", bothReady).subList(0, 1));
        scanLines.addAll(b.jobLines("daily-scan", bothReady).subList(0, 1));
        assertThat(scanLines).as("one firing on each instance").filteredOn(line -> line.contains("started on"))
                .hasSize(1);
        assertThat(scanLines).filteredOn(line -> line.contains("held by another instance")).hasSize(1);

        // Kill the instance that is delivering once it has posted some of the alerts, never letting it drain.
        Awaitility.await("the scan's alerts being posted").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> workspace.postsBy("xoxb-a").size() >= 10 || workspace.postsBy("xoxb-b").size() >= 10);
        Instance victim = workspace.postsBy("xoxb-a").size() >= 10 ? a : b;
        Instance survivor = victim == a ? b : a;
        victim.kill();
        int postedByVictim = workspace.postsBy(victim.token).size();
        // What the killed instance had claimed and not finished: the survivor may take it only after the lease.
        List<String> orphaned = jdbi.withHandle(h -> h.createQuery("SELECT outbox_id FROM outbox WHERE state ="
                + " 'pending' AND claimed_by LIKE :victim").bind("victim", "%/" + victim.process.pid() + "/%")
                .mapTo(String.class).list());

        Awaitility.await("every delivery recorded by the survivor").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250)).until(() -> undelivered(jdbi) == 0);

        List<String> keys = jdbi.withHandle(h -> h.createQuery("SELECT idempotency_key FROM outbox WHERE operation ="
                + " 'post' AND state = 'delivered' ORDER BY idempotency_key").mapTo(String.class).list());
        Map<String, Long> postsPerKey = workspace.accepted().stream()
                .collect(Collectors.groupingBy(FakeWorkspace.Post::key, Collectors.counting()));
        System.out.printf("Two instances: %d alert posts, %d by the killed instance (%d of its claims orphaned),"
                + " %d by the survivor%n", keys.size(), postedByVictim, orphaned.size(),
                workspace.postsBy(survivor.token).size());
        assertThat(keys).hasSizeGreaterThanOrEqualTo(100);
        assertThat(postsPerKey.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(postsPerKey.values()).as("each delivery posted exactly once").containsOnly(1L);
        assertThat(postedByVictim).as("the killed instance was mid-way").isBetween(10, keys.size() - 1);
        assertThat(workspace.postsBy(survivor.token)).as("the survivor finished the rest").hasSizeGreaterThan(0);
        assertThat(workspace.postsBy(victim.token)).as("nothing more from the killed one").hasSize(postedByVictim);
        assertThat(orphaned).as("claims the killed instance left, taken over after their lease").isNotEmpty();
        int stillOrphaned = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE outbox_id IN (<ids>)"
                + " AND state <> 'delivered'").bindList("ids", orphaned).mapTo(Integer.class).one());
        assertThat(stillOrphaned).isZero();
    }

    private void commandRetriedToTheOtherInstanceIsHandledOnce(Instance a, Instance b, Jdbi jdbi) {
        String responsePath = "/response/" + UUID.randomUUID();
        String trigger = "trigger-" + UUID.randomUUID();
        String read = SlackRequests.slashCommand("/health", "acme", FakeWorkspace.CSM, "C0TEAM",
                slack.baseUrl() + responsePath.substring(1), trigger);
        HttpResponse<String> first = a.slack().signed(read, FORM, Map.of());
        // Slack retries after its 3 s timeout; a read's first attempt is in the store milliseconds after it came.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbi.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM inbound_events WHERE event_id = :key").bind("key", "command:" + trigger)
                .mapTo(Integer.class).one()) == 1);
        HttpResponse<String> retried = b.slack().signed(read, FORM, Map.of("X-Slack-Retry-Num", "1",
                "X-Slack-Retry-Reason", "http_timeout"));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.body()).doesNotContain("Acme");
        // The answer came once: in the first acknowledgement, or (a slow machine) once through response_url.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> first.body().contains("Acme")
                || !slack.requestsTo(responsePath).isEmpty());
        assertThat(answersTo(responsePath) + (first.body().contains("Acme") ? 1 : 0)).isEqualTo(1);

        String link = SlackRequests.slashCommand("/csbot", "link acme", FakeWorkspace.CSM, "C0LINKED",
                slack.baseUrl() + "response/" + UUID.randomUUID(), "trigger-" + UUID.randomUUID());
        assertThat(a.slack().signed(link, FORM, Map.of()).statusCode()).isEqualTo(200);
        assertThat(b.slack().signed(link, FORM, Map.of("X-Slack-Retry-Num", "1")).statusCode()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> audited(jdbi, "channel-linked") >= 1);
        assertThat(audited(jdbi, "channel-linked")).as("the link is made once").isEqualTo(1);
    }

    private long answersTo(String path) {
        return slack.requestsTo(path).stream().filter(r -> r.body().contains("Acme")).count();
    }

    private static int audited(Jdbi jdbi, String action) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = :action")
                .bind("action", action).mapTo(Integer.class).one());
    }

    /** Renamed through B's REST API, the account is found by its new name in A's next answer. */
    private void writeOnOneShowsInTheOthersNextAnswer(Instance a, Instance b, Jdbi jdbi) throws Exception {
        Map<String, Object> acme = jdbi.withHandle(h -> h.createQuery("SELECT account_id, segment, arr, seats_purchased,"
                + " contract_start, renewal_date, csm_email, lifecycle_stage FROM accounts WHERE name = 'Acme'")
                .mapToMap().one());
        String renamed = "Acme Renamed " + UUID.randomUUID().toString().substring(0, 6);
        JsonObject row = new JsonObject();
        acme.forEach((column, value) -> row.addProperty(column, String.valueOf(value)));
        row.addProperty("name", renamed);
        assertThat(a.slack().signed(SlackRequests.slashCommand("/health", renamed, FakeWorkspace.CSM, "C0TEAM",
                slack.baseUrl() + "response/" + UUID.randomUUID(), "trigger-" + UUID.randomUUID()), FORM, Map.of())
                .body()).as("before the write").contains("No account matches");

        HttpResponse<String> written = b.rest("POST", "/api/v1/accounts", row.toString());
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        long wrote = System.nanoTime();

        // A trusts its snapshot of the book for at most 0.2 s before it asks the store's version again.
        Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() -> {
            String answer = a.slack().signed(SlackRequests.slashCommand("/health", renamed, FakeWorkspace.CSM, "C0TEAM",
                    slack.baseUrl() + "response/" + UUID.randomUUID(), "trigger-" + UUID.randomUUID()), FORM, Map.of())
                    .body();
            return answer.contains(renamed) && !answer.contains("No account matches");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - wrote)).isLessThan(Duration.ofSeconds(1));
    }

    private static int undelivered(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE state <> 'delivered'")
                .mapTo(Integer.class).one());
    }

    private Instance start(String name, TestDatabase store, int scanSecond) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = logs.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The test's own class path (under Maven, surefire's manifest jar names every entry of it).
        ProcessBuilder process = new ProcessBuilder(java, "-Xmx320m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "dev.csbot.CsbotApplication", "serve")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = process.environment();
        env.keySet().removeIf(key -> key.startsWith("CSBOT_") || key.startsWith("SLACK_") || key.startsWith("MICROSOFT_"));
        env.put("PORT", String.valueOf(port));
        env.put("CSBOT_DATABASE_URL", store.url());
        env.put("CSBOT_TODAY", TODAY);
        env.put("CSBOT_API_TOKEN", API_TOKEN);
        env.put("CSBOT_TEAMS_ENABLED", "false");
        env.put("SLACK_BOT_TOKEN", "xoxb-" + name);
        env.put("SLACK_SIGNING_SECRET", SECRET);
        env.put("SLACK_API_URL", slack.baseUrl());
        env.put("CSBOT_SCAN_CRON", scanSecond + " * * * * *");
        env.put("CSBOT_SCAN_ZONE", "UTC");
        env.put("CSBOT_DIGEST_CRON", "0 0 0 1 1 *");
        env.put("CSBOT_OUTBOX_POLL", "300ms");
        // Short, so that the killed instance's claims are taken over within the test.
        env.put("CSBOT_OUTBOX_LEASE", "6s");
        Instance instance = new Instance(name, "xoxb-" + name, port, log, process.start());
        instances.add(instance);
        return instance;
    }

    /** One csbot process: its port, its bot token (so the fake can tell who posted) and its log. */
    private static final class Instance {
        final String name;
        final String token;
        final int port;
        final Path log;
        final Process process;

        Instance(String name, String token, int port, Path log, Process process) {
            this.name = name;
            this.token = token;
            this.port = port;
            this.log = log;
            this.process = process;
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        SlackRequests slack() {
            return new SlackRequests(baseUrl(), SECRET);
        }

        void awaitReady() {
            Awaitility.await("instance " + name + " ready (log: " + log + ")").atMost(Duration.ofSeconds(150))
                    .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("instance " + name + " exited:\n" + Files.readString(log));
                        }
                        return rest("GET", "/actuator/health/readiness", null).body().contains("\"UP\"");
                    });
        }

        HttpResponse<String> rest(String method, String path, String json) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + API_TOKEN);
            request = json == null ? request.GET() : request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** This instance's log lines about a scheduled job, logged after {@code since}. */
        List<String> jobLines(String job, Instant since) throws IOException {
            return Files.readAllLines(log).stream().filter(line -> line.contains("Scheduled job " + job + ":"))
                    .filter(line -> OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant()
                            .isAfter(since))
                    .toList();
        }

        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The Web API parts both instances use, as one Slack workspace answers them: every user internal, every channel
     * internal, a direct message per user, posts kept with their metadata (and listed again by conversations.history,
     * which the instance taking over asks before it posts a delivery the killed one may have made).
     */
    private static final class FakeWorkspace {
        static final String CSM = "U0CSM";

        record Post(String token, String channel, String ts, String key) {}

        private final List<Post> posts = new CopyOnWriteArrayList<>();
        private final AtomicLong ts = new AtomicLong(1_800_000_000_000_000L);

        FakeWorkspace(RecordingHttpServer server) {
            server.respond("/auth.test", r -> Response.json("{\"ok\":true,\"url\":\"https://internal.example/\","
                    + "\"team\":\"Internal\",\"user\":\"csbot\",\"team_id\":\"" + SlackFake.TEAM + "\",\"user_id\":"
                    + "\"U0BOT\",\"bot_id\":\"B0BOT\"}"));
            server.respond("/users.info", form(f -> Response.json("{\"ok\":true,\"user\":{\"id\":\"" + f.get("user")
                    + "\",\"team_id\":\"" + SlackFake.TEAM + "\",\"name\":\"csm\",\"is_restricted\":false,"
                    + "\"is_ultra_restricted\":false,\"is_bot\":false,\"deleted\":false,\"profile\":{\"email\":"
                    + "\"dana.cho@csbot.example\"}}}")));
            server.respond("/users.lookupByEmail", form(f -> Response.json("{\"ok\":true,\"user\":{\"id\":\"U"
                    + Integer.toHexString(f.getOrDefault("email", "").hashCode()) + "\"}}")));
            server.respond("/conversations.open", form(f -> Response.json("{\"ok\":true,\"channel\":{\"id\":\"D"
                    + f.getOrDefault("users", "").replace(",", "") + "\"}}")));
            server.respond("/conversations.info", form(f -> Response.json("{\"ok\":true,\"channel\":{\"id\":\""
                    + f.get("channel") + "\",\"name\":\"c\",\"is_channel\":true,\"is_shared\":false,\"is_ext_shared\":"
                    + "false,\"is_org_shared\":false,\"is_pending_ext_shared\":false}}")));
            server.respond("/chat.postMessage", this::post);
            server.respond("/conversations.history", this::history);
        }

        private static Function<Recorded, Response> form(Function<Map<String, String>, Response> answer) {
            return request -> answer.apply(SlackFake.form(request.body()));
        }

        private Response post(Recorded request) {
            Map<String, String> form = SlackFake.form(request.body());
            String metadata = form.get("metadata");
            String key = metadata == null ? "" : SlackAlertFake.keyOf(metadata);
            long next = ts.incrementAndGet();
            String stamp = (next / 1_000_000) + "." + String.format("%06d", next % 1_000_000);
            String auth = request.header("Authorization");
            posts.add(new Post(auth == null ? "" : auth.replace("Bearer ", ""), form.get("channel"), stamp, key));
            return Response.json("{\"ok\":true,\"channel\":\"" + form.get("channel") + "\",\"ts\":\"" + stamp + "\"}");
        }

        private Response history(Recorded request) {
            Map<String, String> form = SlackFake.form(request.body());
            String messages = posts.stream().filter(p -> p.channel().equals(form.get("channel")))
                    .sorted((x, y) -> y.ts().compareTo(x.ts()))
                    .map(p -> "{\"type\":\"message\",\"ts\":\"" + p.ts() + "\",\"text\":\"\",\"metadata\":{"
                            + "\"event_type\":\"" + SlackNotifier.EVENT_TYPE + "\",\"event_payload\":{\""
                            + SlackNotifier.KEY + "\":\"" + p.key().replace("\"", "\\\"") + "\"}}}")
                    .collect(Collectors.joining(","));
            return Response.json("{\"ok\":true,\"messages\":[" + messages + "],\"has_more\":false}");
        }

        List<Post> accepted() {
            return posts.stream().filter(p -> !p.key().isEmpty()).toList();
        }

        List<Post> postsBy(String token) {
            return accepted().stream().filter(p -> p.token().equals(token)).toList();
        }
    }
}
