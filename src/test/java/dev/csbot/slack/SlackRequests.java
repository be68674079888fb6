package dev.csbot.slack;

import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Real Slack requests, signed as Slack signs them, sent over HTTP to /slack/events. */
final class SlackRequests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String url;
    private final String secret;

    SlackRequests(String baseUrl, String secret) {
        this.url = baseUrl + "/slack/events";
        this.secret = secret;
    }

    /** A slash command body as Slack sends it; response_url points at {@code responseUrl}. */
    static String slashCommand(String command, String text, String userId, String channelId, String responseUrl,
            String triggerId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-token");
        form.put("team_id", SlackFake.TEAM);
        form.put("team_domain", "internal");
        form.put("channel_id", channelId);
        form.put("channel_name", "acme-team");
        form.put("user_id", userId);
        form.put("user_name", userId.toLowerCase());
        form.put("command", command);
        form.put("text", text);
        form.put("api_app_id", "A0CSBOT");
        form.put("response_url", responseUrl);
        form.put("trigger_id", triggerId);
        return form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** A block_actions body (payload=JSON) for a button in a message in {@code channelId}. */
    static String blockAction(String actionId, String value, String userId, String channelId, String responseUrl) {
        String json = "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + SlackFake.TEAM + "\",\"domain\":\"internal\"},"
                + "\"user\":{\"id\":\"" + userId + "\",\"username\":\"u\",\"name\":\"u\",\"team_id\":\"" + SlackFake.TEAM
                + "\"},\"api_app_id\":\"A0CSBOT\",\"token\":\"legacy-token\",\"container\":{\"type\":\"message\","
                + "\"message_ts\":\"1700000000.000100\",\"channel_id\":\"" + channelId + "\",\"is_ephemeral\":true},"
                + "\"trigger_id\":\"" + UUID.randomUUID() + "\",\"channel\":{\"id\":\"" + channelId + "\",\"name\":\"c\"},"
                + "\"response_url\":\"" + responseUrl + "\",\"actions\":[{\"action_id\":\"" + actionId
                + "\",\"block_id\":\"b1\",\"text\":{\"type\":\"plain_text\",\"text\":\"x\"},\"value\":"
                + new com.google.gson.Gson().toJson(value)
                + ",\"type\":\"button\",\"action_ts\":\"" + System.nanoTime() + "\"}]}";
        return "payload=" + enc(json);
    }

    /** A block_actions body for a button on the message {@code ts} in {@code channelId} (a posted alert, say). */
    static String blockActionOnMessage(String actionId, String value, String userId, String channelId, String ts,
            String responseUrl) {
        String body = java.net.URLDecoder.decode(blockAction(actionId, value, userId, channelId, responseUrl)
                .substring("payload=".length()), java.nio.charset.StandardCharsets.UTF_8);
        return "payload=" + enc(body.replace("\"message_ts\":\"1700000000.000100\"", "\"message_ts\":\"" + ts + "\"")
                .replace("\"is_ephemeral\":true", "\"is_ephemeral\":false"));
    }

    /** A block_actions body for a button in the App Home tab: no channel and no response_url. */
    static String blockActionFromHome(String actionId, String value, String userId) {
        String json = "{\"type\":\"block_actions\",\"team\":{\"id\":\"" + SlackFake.TEAM + "\",\"domain\":\"internal\"},"
                + "\"user\":{\"id\":\"" + userId + "\",\"username\":\"u\",\"name\":\"u\",\"team_id\":\"" + SlackFake.TEAM
                + "\"},\"api_app_id\":\"A0CSBOT\",\"token\":\"legacy-token\",\"container\":{\"type\":\"view\","
                + "\"view_id\":\"V0HOME\"},\"trigger_id\":\"" + UUID.randomUUID() + "\",\"view\":{\"id\":\"V0HOME\","
                + "\"type\":\"home\",\"blocks\":[]},\"actions\":[{\"action_id\":\"" + actionId
                + "\",\"block_id\":\"b1\",\"text\":{\"type\":\"plain_text\",\"text\":\"x\"},\"value\":"
                + new com.google.gson.Gson().toJson(value) + ",\"type\":\"button\",\"action_ts\":\"" + System.nanoTime()
                + "\"}]}";
        return "payload=" + enc(json);
    }

    /**
     * A view_submission body (payload=JSON) for the modal {@code viewJson} (as csbot opened it), filled in with
     * {@code values} by block id: a static_select gets that option picked, a text input that text, a checkbox
     * ticked when the value is "true".
     */
    static String viewSubmission(String userId, String viewJson, Map<String, String> values) {
        com.google.gson.JsonObject view = com.google.gson.JsonParser.parseString(viewJson).getAsJsonObject();
        view.addProperty("id", "V0" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000));
        view.addProperty("team_id", SlackFake.TEAM);
        view.addProperty("hash", "h");
        com.google.gson.JsonObject state = new com.google.gson.JsonObject();
        com.google.gson.JsonObject byBlock = new com.google.gson.JsonObject();
        for (com.google.gson.JsonElement element : view.getAsJsonArray("blocks")) {
            com.google.gson.JsonObject block = element.getAsJsonObject();
            String id = block.get("block_id").getAsString();
            if (!values.containsKey(id)) {
                continue;
            }
            String type = block.getAsJsonObject("element").get("type").getAsString();
            com.google.gson.JsonObject value = new com.google.gson.JsonObject();
            value.addProperty("type", type);
            switch (type) {
                case "static_select" -> {
                    com.google.gson.JsonObject option = new com.google.gson.JsonObject();
                    option.addProperty("value", values.get(id));
                    value.add("selected_option", option);
                }
                case "checkboxes" -> {
                    com.google.gson.JsonArray picked = new com.google.gson.JsonArray();
                    if ("true".equals(values.get(id))) {
                        com.google.gson.JsonObject option = new com.google.gson.JsonObject();
                        option.addProperty("value", "true");
                        picked.add(option);
                    }
                    value.add("selected_options", picked);
                }
                default -> value.addProperty("value", values.get(id));
            }
            com.google.gson.JsonObject actions = new com.google.gson.JsonObject();
            actions.add("value", value);
            byBlock.add(id, actions);
        }
        state.add("values", byBlock);
        view.add("state", state);
        com.google.gson.JsonObject payload = new com.google.gson.JsonObject();
        payload.addProperty("type", "view_submission");
        com.google.gson.JsonObject team = new com.google.gson.JsonObject();
        team.addProperty("id", SlackFake.TEAM);
        team.addProperty("domain", "internal");
        payload.add("team", team);
        com.google.gson.JsonObject user = new com.google.gson.JsonObject();
        user.addProperty("id", userId);
        user.addProperty("username", userId.toLowerCase());
        user.addProperty("name", userId.toLowerCase());
        user.addProperty("team_id", SlackFake.TEAM);
        payload.add("user", user);
        payload.addProperty("api_app_id", "A0CSBOT");
        payload.addProperty("token", "legacy-token");
        payload.addProperty("trigger_id", UUID.randomUUID().toString());
        payload.add("view", view);
        payload.add("response_urls", new com.google.gson.JsonArray());
        return "payload=" + enc(payload.toString());
    }

    /** An app_home_opened event callback. */
    static String appHomeOpened(String userId, String eventId) {
        return "{\"token\":\"legacy-token\",\"team_id\":\"" + SlackFake.TEAM + "\",\"api_app_id\":\"A0CSBOT\","
                + "\"event\":{\"type\":\"app_home_opened\",\"user\":\"" + userId + "\",\"channel\":\"D0HOME\","
                + "\"tab\":\"home\",\"event_ts\":\"1700000000.000200\"},\"type\":\"event_callback\",\"event_id\":\""
                + eventId + "\",\"event_time\":1700000000}";
    }

    HttpResponse<String> signed(String body, String contentType, Map<String, String> extraHeaders) {
        long now = System.currentTimeMillis() / 1000;
        return send(body, contentType, String.valueOf(now), sign(secret, now, body), extraHeaders);
    }

    HttpResponse<String> send(String body, String contentType, String timestamp, String signature,
            Map<String, String> extraHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (timestamp != null) {
            request.header("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Slack-Signature", signature);
        }
        extraHeaders.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String sign(String secret, long timestamp, String body) {
        return new SlackSignature.Generator(secret).generate(String.valueOf(timestamp), body);
    }

    /**
     * Slack's algorithm over exact bytes, written out here (the SDK's Generator takes a String): lowercase hex
     * of HMAC-SHA256(secret, "v0:" + timestamp + ":" + body).
     */
    static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
            StringBuilder hex = new StringBuilder("v0=");
            for (byte b : mac.doFinal(body)) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
