package dev.csbot.chat;

/** Remembers deliveries already handled, so a retried Slack request or a repeated activity runs once. */
public interface InboundEvents {

    /** True the first time this (source, id) is seen; false on every later delivery. */
    boolean firstDelivery(String source, String eventId);

    /**
     * Forgets a delivery whose handling failed (the answer could not be sent), so the sender's retry is
     * handled instead of dropped as a repeat.
     */
    void forget(String source, String eventId);
}
