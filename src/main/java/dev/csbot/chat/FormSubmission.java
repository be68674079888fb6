package dev.csbot.chat;

import java.util.Map;

/**
 * A filled-in form, the third input beside typed commands and button presses: which form ({@link FormIds}),
 * the opaque token it carried, and what was entered by field id (a checkbox as "true" or "false"). The
 * conversation is the one the form's message was posted in, which the adapter carries through the modal.
 */
public record FormSubmission(String formId, String token, Map<String, String> inputs, Caller caller,
        Conversation conversation) {

    public FormSubmission {
        inputs = Map.copyOf(inputs);
    }
}
