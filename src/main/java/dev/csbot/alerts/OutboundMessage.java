package dev.csbot.alerts;

import dev.csbot.chat.Reply;
import java.util.Optional;

/**
 * A proactive message, channel-neutral: the reply to show, and the person it is about (the owner, by email),
 * whom an adapter may mention in an internal channel; mentions are built by the adapter from this value, never
 * from text.
 */
public record OutboundMessage(Reply reply, Optional<String> ownerEmail) {}
