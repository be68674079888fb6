package dev.csbot.chat;

/**
 * The conversation a request was made in. {@code sharedExternally} is true when people from another
 * organisation (Slack Connect, Teams guests or external members) can read it: internal content never goes
 * there. {@code id} is the channel or chat id on that platform (empty for the CLI and API).
 */
public record Conversation(Platform platform, String id, boolean sharedExternally) {

    public static Conversation cli() {
        return new Conversation(Platform.CLI, "", false);
    }
}
