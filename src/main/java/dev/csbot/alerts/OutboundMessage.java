package dev.csbot.alerts;

import dev.csbot.chat.Reply;
import java.util.Optional;

/**
 * A proactive message, channel-neutral: the reply to show, the person it is about (the owner, by email), whom an
 * adapter may mention in an internal channel (mentions are built by the adapter from this value, never from
 * text), and who it is for.
 *
 * @param audience {@link Audience#INTERNAL} content (alerts, digests) never goes into a conversation shared
 *     with another organisation; {@link Audience#CUSTOMER} content (a prompt, a loop-closing update) goes only
 *     into the conversation it is addressed to, which is usually one the customer shares with us
 */
public record OutboundMessage(Reply reply, Optional<String> ownerEmail, Audience audience) {

    /** Whom a message is written for, which decides where a messenger may deliver it. */
    public enum Audience {
        /** Our own people: scores, ARR, risks. Refused in any conversation another organisation can read. */
        INTERNAL,
        /** A customer: only the prompt's words or a loop-closing note. Delivered only where it is addressed. */
        CUSTOMER
    }

    public OutboundMessage {
        ownerEmail = ownerEmail == null ? Optional.empty() : ownerEmail;
        if (audience == Audience.CUSTOMER && ownerEmail.isPresent()) {
            throw new IllegalArgumentException("a customer message mentions nobody of ours");
        }
    }

    /** Internal content, as every alert and digest is. */
    public OutboundMessage(Reply reply, Optional<String> ownerEmail) {
        this(reply, ownerEmail, Audience.INTERNAL);
    }

    /** A message for a customer, in the conversation it is addressed to and nowhere else. */
    public static OutboundMessage forCustomer(Reply reply) {
        return new OutboundMessage(reply, Optional.empty(), Audience.CUSTOMER);
    }

    public boolean forCustomer() {
        return audience == Audience.CUSTOMER;
    }
}
