package dev.csbot.voc;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The prompts sent (or waiting to be delivered), kept by the store. */
public interface PromptSends {

    /** Stores new sends, together with each one's raw token until its messages are handed over for delivery. */
    void queue(List<QueuedSend> sends);

    Optional<PromptSend> findByTokenHash(String tokenHash);

    /** The latest send to each of these recipient keys, if any (for the throttle). */
    Map<String, PromptSend> latestTo(Collection<String> recipientKeys);

    /** The sends about one account created at or after {@code from} (response rates). */
    List<PromptSend> forAccount(String accountId, Instant from);

    /** A send just created, with the raw token its messages carry. */
    record QueuedSend(PromptSend send, String token) {}
}
