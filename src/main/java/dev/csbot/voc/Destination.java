package dev.csbot.voc;

import java.util.Locale;

/**
 * Where a message for a customer (a prompt, its reminder, a loop-closing update) or for a CSM (a campaign note)
 * is delivered, in the module's own terms: a conversation, a person found by email, or a chat user by their id,
 * on a platform ("slack", "teams"). The outbox turns it into its delivery target.
 */
public record Destination(String platform, Kind kind, String address) {

    public enum Kind {
        /** A channel or chat, by its id: the customer's Slack Connect channel, a Teams conversation. */
        CONVERSATION,
        /** A person by email: their direct message (Slack) or personal chat with csbot (Teams). */
        PERSON,
        /** A chat user by their platform id (Slack {@code U123}): a direct message with exactly them. */
        USER
    }

    public Destination {
        platform = platform.toLowerCase(Locale.ROOT);
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("a destination needs an address");
        }
    }

    /** Where a prompt (and its one reminder) goes: the channel, the user's DM, or the contact by email. */
    public static Destination of(PromptSend send) {
        // Sends made since delivery exists always carry their platform; older ones could only have been Slack's.
        String platform = send.platform().orElse("slack");
        Recipient recipient = send.recipient();
        if (recipient instanceof Recipient.ContactRecipient contact) {
            return new Destination(platform, Kind.PERSON, contact.email());
        }
        if (recipient instanceof Recipient.ChatUserRecipient user) {
            return new Destination(user.platform(), Kind.USER, user.userId());
        }
        Recipient.ChannelRecipient channel = (Recipient.ChannelRecipient) recipient;
        return new Destination(channel.platform(), Kind.CONVERSATION, channel.channelId());
    }
}
