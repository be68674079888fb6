package dev.csbot.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Instants as the store keeps them: ISO-8601 in UTC with exactly three decimals, so that comparing and
 * sorting the text (SQLite and PostgreSQL alike) is comparing the times.
 */
final class StoredInstants {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private StoredInstants() {}

    static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    static String format(Optional<Instant> instant) {
        return instant.map(StoredInstants::format).orElse(null);
    }

    static Instant parse(String text) {
        return Instant.parse(text);
    }

    static Optional<Instant> parseOptional(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(Instant.parse(text));
    }
}
