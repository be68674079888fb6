package dev.csbot.slack;

import static dev.csbot.support.IntegrationTest.FAKE_SLACK;

import dev.csbot.support.RecordingHttpServer;
import dev.csbot.support.RecordingHttpServer.Recorded;
import dev.csbot.support.RecordingHttpServer.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The workspace the Slack tests run in, as FAKE_SLACK answers for it: an internal team, a CSM, a guest,
 * a Slack Connect stranger, an internal channel and a channel shared with another organisation. Any user id
 * starting with {@link #CSM} is another internal member (a fresh id is one csbot has not looked up yet); one
 * starting with {@link #FLAKY} is too, but Slack fails the first look-up of it.
 */
final class SlackFake {

    static final String TEAM = "T0INTERNAL";
    static final String OTHER_TEAM = "T0OTHERORG";
    static final String CSM = "U0CSM";
    static final String GUEST = "U0GUEST";
    static final String STRANGER = "U0STRANGER";
    static final String INTERNAL_CHANNEL = "C0INTERNAL";
    static final String SHARED_CHANNEL = "C0SHARED";
    /** users.info for these fails once (HTTP 429 with Retry-After), then answers as for an internal member. */
    static final String FLAKY = "U0FLAKY";
    /** The same, but the failure is Slack's {"ok":false,"error":"ratelimited"}. */
    static final String FLAKY_NOT_OK = "U0FLAKYNOK";

    private static final Map<String, Boolean> FAILED_ONCE = new ConcurrentHashMap<>();

    private static volatile String csmEmail = "csm@example.com";

    private SlackFake() {}

    /** Installs the fake workspace's answers; idempotent. */
    static void install(String emailOfCsm) {
        csmEmail = emailOfCsm;
        FAKE_SLACK.respond("/auth.test", r -> Response.json("{\"ok\":true,\"url\":\"https://internal.example/\","
                + "\"team\":\"Internal\",\"user\":\"csbot\",\"team_id\":\"" + TEAM + "\",\"user_id\":\"U0BOT\","
                + "\"bot_id\":\"B0BOT\"}"));
        FAKE_SLACK.respond("/users.info", SlackFake::usersInfo);
        FAKE_SLACK.respond("/conversations.info", SlackFake::conversationsInfo);
    }

    static Response usersInfo(Recorded request) {
        String user = form(request.body()).getOrDefault("user", "");
        if (user.startsWith(FLAKY) && FAILED_ONCE.putIfAbsent(user, true) == null) {
            return user.startsWith(FLAKY_NOT_OK) ? Response.json("{\"ok\":false,\"error\":\"ratelimited\"}")
                    : Response.status(429, Map.of("Retry-After", "1"));
        }
        if (user.startsWith(FLAKY) || (user.startsWith(CSM) && !user.equals(CSM))) {
            return user(user, TEAM, csmEmail, false, false);
        }
        return switch (user) {
            case CSM -> user(CSM, TEAM, csmEmail, false, false);
            case GUEST -> user(GUEST, TEAM, "guest@customer.example", true, false);
            case STRANGER -> user(STRANGER, OTHER_TEAM, "pat@customer.example", false, true);
            default -> Response.json("{\"ok\":false,\"error\":\"user_not_found\"}");
        };
    }

    static Response user(String id, String team, String email, boolean restricted, boolean stranger) {
        return Response.json("{\"ok\":true,\"user\":{\"id\":\"" + id + "\",\"team_id\":\"" + team + "\",\"name\":\""
                + id.toLowerCase() + "\",\"real_name\":\"Person " + id + "\",\"is_restricted\":" + restricted
                + ",\"is_ultra_restricted\":false,\"is_bot\":false,\"deleted\":false"
                + (stranger ? ",\"is_stranger\":true" : "")
                + ",\"profile\":{\"email\":\"" + email + "\",\"real_name\":\"Person " + id + "\"}}}");
    }

    private static Response conversationsInfo(Recorded request) {
        String channel = form(request.body()).getOrDefault("channel", "");
        return switch (channel) {
            case INTERNAL_CHANNEL -> Response.json("{\"ok\":true,\"channel\":{\"id\":\"" + channel
                    + "\",\"name\":\"acme-team\",\"is_channel\":true,\"is_shared\":false,\"is_ext_shared\":false,"
                    + "\"is_org_shared\":false,\"is_pending_ext_shared\":false}}");
            case SHARED_CHANNEL -> Response.json("{\"ok\":true,\"channel\":{\"id\":\"" + channel
                    + "\",\"name\":\"acme-shared\",\"is_channel\":true,\"is_shared\":true,\"is_ext_shared\":true,"
                    + "\"is_org_shared\":false,\"is_pending_ext_shared\":false}}");
            default -> Response.json("{\"ok\":false,\"error\":\"channel_not_found\"}");
        };
    }

    static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /**
     * Waits (up to 10 s) until the Slack workers have finished everything handed to them: after that, what
     * the app did not send by now it will never send, so an absence can be asserted without a fixed sleep.
     */
    static void awaitQuiet(ExecutorService slackWorkers) {
        ThreadPoolExecutor workers = (ThreadPoolExecutor) slackWorkers;
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> workers.getQueue().isEmpty() && workers.getActiveCount() == 0
                        && workers.getCompletedTaskCount() == workers.getTaskCount());
    }

    /** Waits (up to 10 s) until FAKE_SLACK has received {@code count} requests matching the filter. */
    static List<Recorded> await(RecordingHttpServer server, Predicate<Recorded> filter, int count) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> server.requests(filter).size() >= count);
        } catch (ConditionTimeoutException tooFew) {
            // the caller's assertion on what did arrive says what is missing
        }
        return server.requests(filter);
    }
}
