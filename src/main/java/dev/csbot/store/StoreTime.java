package dev.csbot.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as the store keeps them: fixed-width ISO text in UTC, so comparing the text compares the times. */
final class StoreTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private StoreTime() {}

    static String text(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
