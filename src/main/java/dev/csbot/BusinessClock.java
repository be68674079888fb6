package dev.csbot;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** The one clock of csbot: the real one, or pinned to a day by {@code csbot.today} (CSBOT_TODAY). */
public final class BusinessClock {

    private BusinessClock() {}

    /** @param today YYYY-MM-DD, or blank (or null) for the real date */
    public static Clock of(String today) {
        if (today == null || today.isBlank()) {
            return Clock.systemDefaultZone();
        }
        ZoneId zone = ZoneId.systemDefault();
        LocalDate pinned;
        try {
            pinned = LocalDate.parse(today.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("csbot.today (CSBOT_TODAY) is \"" + today
                    + "\": set a date as YYYY-MM-DD, or leave it unset for the real date", e);
        }
        return Clock.fixed(pinned.atTime(12, 0).atZone(zone).toInstant(), zone);
    }
}
