package dev.csbot.voc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where items and themes stand, and the loop-closing messages waiting for delivery. */
public interface FeedbackLoop {

    Optional<LoopState> state(LoopSubject subject);

    /** Every state of this kind of subject, by subject id. */
    Map<String, LoopState> states(LoopSubject.Kind kind);

    /**
     * Moves {@code next.subject()} to its stage and records the messages with their deliveries, in one
     * transaction; a message for an (item, customer, stage) already recorded is skipped (and not sent again).
     * Returns how many were newly recorded.
     */
    int transition(LoopState next, List<LoopMessage> messages);

    /** A loop-closing message by its id (what its delivery shows). */
    Optional<LoopMessage> message(String messageId);

    /** For each item that has been closed back to a customer, when the first such message was delivered. */
    Map<String, Instant> firstClosures();
}
