package dev.csbot.voc;

/** Whom a CSM asked a prompt to go to: the prompt's usual audience, a contact, a chat user or a channel. */
public sealed interface SendTarget {

    /** Nobody named: the prompt's campaign audience (every active contact, or the champion). */
    record Audience() implements SendTarget {}

    /** A contact of the account, by email. */
    record Email(String email) implements SendTarget {}

    /** A chat user, e.g. Slack's {@code <@U123|jane>}. */
    record ChatUser(String platform, String userId, String name) implements SendTarget {}

    /** A channel the customer is in, e.g. Slack's {@code <#C123|acme-shared>}. */
    record Channel(String platform, String channelId, String name) implements SendTarget {}
}
