package dev.csbot.account;

import java.time.LocalDate;
import java.util.Optional;

/** A support ticket. Severity 1 is urgent, 4 is low. */
public record Ticket(
        String id, String accountId, LocalDate openedOn, Optional<LocalDate> closedOn, int severity, String subject) {

    public boolean openOn(LocalDate date) {
        return !openedOn.isAfter(date) && closedOn.map(closed -> closed.isAfter(date)).orElse(true);
    }

    /** Urgent (1) or high (2): the tickets that threaten a relationship. */
    public boolean urgentOrHigh() {
        return severity <= 2;
    }
}
