package dev.csbot.chat;

/**
 * A message csbot posted, as its platform names it: Slack channel id and {@code ts}, or Teams conversation id
 * and activity id. Posting returns one, the store keeps it beside what was posted (an alert, a prompt), and a
 * button press carries the one it was pressed on, so the message can be updated for everyone.
 */
public record MessageRef(Platform platform, String conversationId, String messageId) {

    public MessageRef {
        if (conversationId == null || conversationId.isBlank() || messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("a message reference needs a conversation and a message id");
        }
    }
}
