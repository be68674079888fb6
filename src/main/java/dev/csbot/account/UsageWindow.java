package dev.csbot.account;

import java.time.LocalDate;

/** A span of usage days: after {@code fromExclusive}, up to and including {@code toInclusive}. */
public record UsageWindow(LocalDate fromExclusive, LocalDate toInclusive) {

    public UsageWindow {
        if (toInclusive.isBefore(fromExclusive)) {
            throw new IllegalArgumentException("usage window ends " + toInclusive + " before it starts " + fromExclusive);
        }
    }

    public boolean contains(LocalDate day) {
        return day.isAfter(fromExclusive) && !day.isAfter(toInclusive);
    }
}
