package dev.csbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a Slack payload (a message body or a view) against the vendored Block Kit limits in
 * {@code conformance/slack/blockkit/limits.json}. Every test that renders or sends a payload calls it.
 */
public final class SlackLimits {

    private static final JsonArray LIMITS = load();

    private SlackLimits() {}

    /** A chat.postMessage / response_url / ack body: at most 50 blocks. */
    public static void assertMessageWithinLimits(String json) {
        JsonObject payload = JsonParser.parseString(json).getAsJsonObject();
        List<String> problems = new ArrayList<>();
        if (payload.has("text") && payload.get("text").isJsonPrimitive()) {
            check(problems, "message text", payload.get("text").getAsString().length(), limit("message", "text"));
        }
        JsonArray blocks = payload.has("blocks") ? payload.getAsJsonArray("blocks") : new JsonArray();
        check(problems, "message blocks", blocks.size(), limit("message", "blocks"));
        // Observed, undocumented ceiling (~13,200 characters of blocks): stay clear of it.
        check(problems, "serialised blocks", blocks.toString().length(), 13_200);
        checkBlocks(blocks, problems);
        assertThat(problems).as("Block Kit limits for %s", abbreviate(json)).isEmpty();
    }

    /** A views.publish body or a view: at most 100 blocks. */
    public static void assertViewWithinLimits(String json) {
        JsonObject payload = JsonParser.parseString(json).getAsJsonObject();
        JsonObject view = payload.has("view") ? payload.getAsJsonObject("view") : payload;
        List<String> problems = new ArrayList<>();
        JsonArray blocks = view.has("blocks") ? view.getAsJsonArray("blocks") : new JsonArray();
        check(problems, "view blocks", blocks.size(), limit("modal / home view", "blocks"));
        checkBlocks(blocks, problems);
        assertThat(problems).as("Block Kit limits for %s", abbreviate(json)).isEmpty();
    }

    private static void checkBlocks(JsonArray blocks, List<String> problems) {
        for (int i = 0; i < blocks.size(); i++) {
            JsonObject block = blocks.get(i).getAsJsonObject();
            String type = block.get("type").getAsString();
            String where = "block " + i + " (" + type + ")";
            if (block.has("block_id")) {
                check(problems, where + " block_id", block.get("block_id").getAsString().length(),
                        limit("any block", "block_id"));
            }
            switch (type) {
                case "header" -> check(problems, where + " text", text(block.getAsJsonObject("text")).length(),
                        limit("header block", "text.text"));
                case "section" -> {
                    if (block.has("text")) {
                        checkTextObject(problems, where + " text", block.getAsJsonObject("text"),
                                limit("section block", "text.text"));
                    }
                    if (block.has("fields")) {
                        JsonArray fields = block.getAsJsonArray("fields");
                        check(problems, where + " fields", fields.size(), limit("section block", "fields"));
                        for (JsonElement field : fields) {
                            checkTextObject(problems, where + " field", field.getAsJsonObject(),
                                    limit("section block", "fields[].text"));
                        }
                    }
                    if (!block.has("text") && !block.has("fields")) {
                        problems.add(where + " has neither text nor fields");
                    }
                }
                case "context" -> {
                    JsonArray elements = block.getAsJsonArray("elements");
                    check(problems, where + " elements", elements.size(), limit("context block", "elements"));
                    for (JsonElement element : elements) {
                        checkTextObject(problems, where + " element", element.getAsJsonObject(), 3000);
                    }
                }
                case "actions" -> {
                    JsonArray elements = block.getAsJsonArray("elements");
                    check(problems, where + " elements", elements.size(), limit("actions block", "elements"));
                    Set<String> ids = new HashSet<>();
                    for (JsonElement e : elements) {
                        JsonObject element = e.getAsJsonObject();
                        String actionId = element.get("action_id").getAsString();
                        if (!ids.add(actionId)) {
                            problems.add(where + " repeats action_id " + actionId);
                        }
                        check(problems, where + " action_id", actionId.length(),
                                limit("interactive element", "action_id"));
                        if ("button".equals(element.get("type").getAsString())) {
                            check(problems, where + " button text", text(element.getAsJsonObject("text")).length(),
                                    limit("button", "text.text"));
                            if (element.has("value")) {
                                check(problems, where + " button value", element.get("value").getAsString().length(),
                                        limit("button", "value"));
                            }
                        }
                    }
                }
                case "divider", "input" -> { }
                default -> problems.add(where + ": block type not expected from csbot");
            }
        }
    }

    private static void checkTextObject(List<String> problems, String where, JsonObject text, int max) {
        String value = text(text);
        check(problems, where, value.length(), max);
        if (value.isEmpty()) {
            problems.add(where + " is empty");
        }
        // Nothing from a reply may become a mention, a broadcast or a link: csbot never emits a raw '<'.
        if ("mrkdwn".equals(text.get("type").getAsString()) && value.contains("<")) {
            problems.add(where + " holds a raw '<': " + value);
        }
    }

    private static String text(JsonObject textObject) {
        return textObject == null || !textObject.has("text") ? "" : textObject.get("text").getAsString();
    }

    private static void check(List<String> problems, String what, int actual, int max) {
        if (actual > max) {
            problems.add(what + " is " + actual + ", limit " + max);
        }
    }

    /** The numeric limit for (scope, field) as stated in limits.json. */
    static int limit(String scope, String field) {
        for (JsonElement e : LIMITS) {
            JsonObject limit = e.getAsJsonObject();
            if (limit.get("scope").getAsString().equals(scope) && limit.get("field").getAsString().equals(field)) {
                return limit.get("max").getAsInt();
            }
        }
        throw new IllegalArgumentException("limits.json has no limit for " + scope + " / " + field);
    }

    private static String abbreviate(String json) {
        return json.length() <= 300 ? json : json.substring(0, 300) + "...";
    }

    private static JsonArray load() {
        try (InputStream in = SlackLimits.class.getResourceAsStream("/conformance/slack/blockkit/limits.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("limits");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
