package dev.csbot.account;

import java.time.LocalDate;
import java.util.Optional;

/** A customer's answer to an NPS, CSAT or CES prompt. The comment is customer text: escape before showing. */
public record FeedbackResponse(
        String accountId, String contactEmail, LocalDate date, FeedbackKind kind, int score, Optional<String> comment) {

    /** NPS detractors score 0-6; for CSAT and CES the bottom of the scale counts as detraction. */
    public boolean detractor() {
        return switch (kind) {
            case NPS -> score <= 6;
            case CSAT -> score <= 2;
            case CES -> score <= 3;
        };
    }
}
