package dev.csbot.slack;

import static dev.csbot.support.IntegrationTest.FAKE_SLACK;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.csbot.support.RecordingHttpServer.Recorded;
import dev.csbot.support.RecordingHttpServer.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The parts of Slack's Web API that proactive alerts use, as FAKE_SLACK answers them: posts (kept, with their
 * metadata, and listed again by conversations.history), updates, direct messages by email, channels that are
 * internal, shared with another organisation, not joined yet, or rate limited once.
 */
final class SlackAlertFake {

    static final String CHANNEL = "C0ALERTS";
    static final String SHARED = "C0EXTSHARED";
    static final String NOT_JOINED = "C0FLAKY";
    static final String RATE_LIMITED = "C0SLOW";
    static final String DM = "D0CSM";

    record Post(String channel, String ts, String threadTs, String metadata, String blocks, String text, Instant at) {}

    static final List<Post> POSTS = new CopyOnWriteArrayList<>();
    static final Set<String> JOINED = ConcurrentHashMap.newKeySet();
    static final Set<String> LIMIT_ONCE = ConcurrentHashMap.newKeySet();
    private static final AtomicLong TS = new AtomicLong(1_800_000_000_000L);
    private static volatile String csmEmail = "";

    private SlackAlertFake() {}

    /** The alerts' CSM, found by email; not the workspace's U0CSM (whose email other tests rely on). */
    static final String ALERTS_CSM = "U0ALERTCSM";

    /**
     * @param emailOfCsm the CSM alerts are for (users.lookupByEmail finds {@link #ALERTS_CSM})
     * @param emailOfWorkspaceCsm what users.info says for U0CSM, as the other Slack tests expect
     */
    static void install(String emailOfCsm, String emailOfWorkspaceCsm) {
        SlackFake.install(emailOfWorkspaceCsm);
        csmEmail = emailOfCsm;
        FAKE_SLACK.respond("/conversations.info", SlackAlertFake::conversationsInfo);
        FAKE_SLACK.respond("/chat.postMessage", SlackAlertFake::postMessage);
        FAKE_SLACK.respond("/chat.update", r -> Response.json("{\"ok\":true}"));
        FAKE_SLACK.respond("/users.lookupByEmail", r -> SlackFake.form(r.body()).getOrDefault("email", "")
                .equalsIgnoreCase(csmEmail) ? Response.json("{\"ok\":true,\"user\":{\"id\":\"" + ALERTS_CSM + "\"}}")
                : Response.json("{\"ok\":false,\"error\":\"users_not_found\"}"));
        FAKE_SLACK.respond("/conversations.open", r -> Response.json("{\"ok\":true,\"channel\":{\"id\":\"" + DM + "\"}}"));
        FAKE_SLACK.respond("/conversations.history", SlackAlertFake::history);
    }

    private static Response conversationsInfo(Recorded request) {
        String channel = SlackFake.form(request.body()).getOrDefault("channel", "");
        boolean shared = channel.equals(SHARED) || channel.equals(SlackFake.SHARED_CHANNEL);
        boolean known = shared || Set.of(CHANNEL, NOT_JOINED, RATE_LIMITED, SlackFake.INTERNAL_CHANNEL).contains(channel);
        if (!known) {
            return Response.json("{\"ok\":false,\"error\":\"channel_not_found\"}");
        }
        return Response.json("{\"ok\":true,\"channel\":{\"id\":\"" + channel + "\",\"name\":\"c\",\"is_channel\":true,"
                + "\"is_shared\":" + shared + ",\"is_ext_shared\":" + shared + ",\"is_org_shared\":false,"
                + "\"is_pending_ext_shared\":false}}");
    }

    private static Response postMessage(Recorded request) {
        Map<String, String> form = SlackFake.form(request.body());
        String channel = form.getOrDefault("channel", "");
        if (channel.equals(NOT_JOINED) && !JOINED.contains(channel)) {
            return Response.json("{\"ok\":false,\"error\":\"not_in_channel\"}");
        }
        if (LIMIT_ONCE.remove(channel)) {
            POSTS.add(new Post(channel, null, null, form.get("metadata"), null, null, Instant.now()));
            return new Response(429, "application/json", "{\"ok\":false,\"error\":\"ratelimited\"}",
                    Map.of("Retry-After", "1"));
        }
        String ts = (TS.incrementAndGet() / 1_000_000) + "." + String.format("%06d", TS.get() % 1_000_000);
        POSTS.add(new Post(channel, ts, form.get("thread_ts"), form.get("metadata"), unescaped(form.get("blocks")),
                form.get("text"), Instant.now()));
        return Response.json("{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"" + ts + "\"}");
    }

    /** Recent messages of a channel, newest first, with their metadata only when asked to include it. */
    private static Response history(Recorded request) {
        Map<String, String> form = SlackFake.form(request.body());
        String channel = form.getOrDefault("channel", "");
        boolean metadata = "true".equals(form.get("include_all_metadata")) || "1".equals(form.get("include_all_metadata"));
        StringBuilder messages = new StringBuilder();
        List<Post> posts = POSTS.stream().filter(p -> p.channel().equals(channel) && p.ts() != null).toList();
        for (int i = posts.size() - 1; i >= 0; i--) {
            Post post = posts.get(i);
            messages.append(messages.isEmpty() ? "" : ",").append("{\"type\":\"message\",\"ts\":\"").append(post.ts())
                    .append("\",\"text\":\"\"");
            if (metadata && post.metadata() != null) {
                messages.append(",\"metadata\":").append(post.metadata());
            }
            messages.append('}');
        }
        return Response.json("{\"ok\":true,\"messages\":[" + messages + "],\"has_more\":false}");
    }

    /** The blocks as Slack reads them (the SDK's JSON escapes '<' as \\u003c, which Slack decodes). */
    static String unescaped(String json) {
        if (json == null) {
            return null;
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Posts (accepted or refused) whose metadata names this idempotency key. */
    static List<Post> postsWithKey(String key) {
        return POSTS.stream().filter(p -> p.metadata() != null && key.equals(keyOf(p.metadata()))).toList();
    }

    static String keyOf(String metadataJson) {
        JsonObject metadata = JsonParser.parseString(metadataJson).getAsJsonObject();
        return metadata.getAsJsonObject("event_payload").get(SlackNotifier.KEY).getAsString();
    }
}
