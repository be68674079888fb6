package dev.csbot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A card form's submission: the data of its Action.Submit ({@code {"form": "feedback-answer", "token": "..."}})
 * merged by Teams with the card's input values, by input id ({@code "score": "7"}, {@code "anonymous": "true"}).
 * Told apart from a button press ({@code "action"}) by its {@code "form"} key.
 */
record TeamsFormData(String formId, String token, Map<String, String> inputs) {

    static final String FORM = "form";
    static final String TOKEN = "token";
    /** Inputs read from one submission; past it the rest are not read (the core refuses more than a form has). */
    static final int MAX_INPUTS = 20;

    TeamsFormData {
        inputs = Map.copyOf(inputs);
    }

    static Optional<TeamsFormData> from(Object activityValue) {
        if (activityValue == null) {
            return Optional.empty();
        }
        JsonNode node = com.microsoft.bot.schema.Serialization.objectToTree(activityValue);
        if (node == null || !node.isObject() || !node.path(FORM).isTextual() || node.path(FORM).asText().isBlank()) {
            return Optional.empty();
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String id = field.getKey();
            if (id.equals(FORM) || id.equals(TOKEN) || id.equals("msteams") || !field.getValue().isValueNode()) {
                continue;
            }
            inputs.put(id, field.getValue().asText(""));
            if (inputs.size() > MAX_INPUTS) {
                break; // not a form of ours: the core refuses a submission with more inputs than its form has
            }
        }
        return Optional.of(new TeamsFormData(node.path(FORM).asText(), node.path(TOKEN).asText(""), inputs));
    }
}
