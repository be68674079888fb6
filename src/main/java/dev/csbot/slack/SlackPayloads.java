package dev.csbot.slack;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.util.json.GsonFactory;

/** Block Kit as the JSON Slack receives (snake_case, as the SDK sends it). */
public final class SlackPayloads {

    private static final Gson GSON = GsonFactory.createSnakeCase();

    private SlackPayloads() {}

    public static String json(Object value) {
        return GSON.toJson(value);
    }

    /** A {@code chat.postMessage}/{@code response_url} body for one message. */
    public static JsonObject messagePayload(SlackMessage message, String responseType) {
        JsonObject payload = new JsonObject();
        if (responseType != null) {
            payload.addProperty("response_type", responseType);
        }
        payload.addProperty("text", message.text());
        payload.add("blocks", GSON.toJsonTree(message.blocks()));
        return payload;
    }
}
