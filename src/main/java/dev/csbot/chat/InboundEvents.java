package dev.csbot.chat;

/** Remembers deliveries already handled, so a retried Slack request or a repeated activity runs once. */
public interface InboundEvents {

    /** True the first time this (source, id) is seen; false on every later delivery. */
    boolean firstDelivery(String source, String eventId);

    /**
     * Records a delivery without waiting to learn whether it was the first: for one whose repeat does no harm (a
     * read-only command), so that the request does not wait for the store. A store may write it a few milliseconds
     * later, and a failure to write it is logged, not thrown.
     */
    default void record(String source, String eventId) {
        firstDelivery(source, eventId);
    }

    /**
     * Forgets a delivery whose handling failed (the answer could not be sent), so the sender's retry is
     * handled instead of dropped as a repeat.
     */
    void forget(String source, String eventId);
}
