package dev.csbot.voc;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Answers given in chat, and all feedback (imported and answered) as VoC reads it. */
public interface FeedbackStore {

    Optional<FeedbackAnswer> findAnswer(String sendId, String respondentKey);

    /**
     * Stores a new answer or an edit of {@code answer.id()}, in one transaction with the survey response the
     * health score reads (for NPS, CSAT and CES) and the send's first answer time; marks the portfolio changed.
     */
    void saveAnswer(FeedbackAnswer answer);

    /** All feedback dated {@code from} or later, oldest first. */
    List<FeedbackRecord> since(LocalDate from);

    /** One account's feedback dated {@code from} or later, oldest first. */
    List<FeedbackRecord> forAccount(String accountId, LocalDate from);

    /** One account's chat answers that needed a human fast, answered on or after {@code from}, newest first. */
    List<FollowUp> followUps(String accountId, LocalDate from);

    /** Marks every answer of the account still waiting for a follow-up as followed up by {@code by} at {@code at}. */
    int markFollowedUp(String accountId, String by, java.time.Instant at);
}
