package dev.csbot.chat;

/** Remembers deliveries already handled, so a retried Slack request or a repeated activity runs once. */
public interface InboundEvents {

    /** True the first time this (source, id) is seen; false on every later delivery. */
    boolean firstDelivery(String source, String eventId);
}
