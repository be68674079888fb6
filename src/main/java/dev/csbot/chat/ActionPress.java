package dev.csbot.chat;

import java.util.Optional;

/**
 * A button press: the stable action id, the value the button carried, who pressed it where, and the message
 * the button was on (when the channel says), so the core can update that message for everyone.
 */
public record ActionPress(String actionId, String value, Caller caller, Conversation conversation,
        Optional<MessageRef> message) {

    public ActionPress {
        message = message == null ? Optional.empty() : message;
    }

    /** A press whose message is not known (the App Home, the CLI). */
    public ActionPress(String actionId, String value, Caller caller, Conversation conversation) {
        this(actionId, value, caller, conversation, Optional.empty());
    }
}
