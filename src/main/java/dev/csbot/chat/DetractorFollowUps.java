package dev.csbot.chat;

import dev.csbot.voc.FollowUp;
import dev.csbot.voc.FeedbackStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The chat answers behind a detractor alert (the {@code detractor_feedback} rule's window), shown in its message
 * with a Followed up button, and who followed them up. An anonymous answer shows as "anonymous": never who.
 */
public final class DetractorFollowUps {

    /** The rule whose alerts carry the answers to follow up. */
    static final String RULE = "detractor_feedback";

    private final FeedbackStore feedback;
    private final int lookbackDays;
    private final Clock clock;

    /** @param lookbackDays the rule's window: answers older than this are no longer what the alert is about */
    public DetractorFollowUps(FeedbackStore feedback, int lookbackDays, Clock clock) {
        this.feedback = feedback;
        this.lookbackDays = lookbackDays;
        this.clock = clock;
    }

    List<FollowUp> of(String accountId) {
        return feedback.followUps(accountId, LocalDate.now(clock).minusDays(lookbackDays));
    }

    int followedUp(String accountId, String by) {
        return feedback.markFollowedUp(accountId, by, Instant.now(clock));
    }
}
