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
}
