package dev.csbot.ingest;

import java.time.DateTimeException;
import java.time.ZoneId;

/** {@code csbot.import.zone} (env {@code CSBOT_IMPORT_ZONE}): the zone a date-time's date is taken in. */
final class ImportZone {

    private ImportZone() {}

    static ZoneId parse(String setting) {
        String id = setting == null || setting.isBlank() ? "UTC" : setting.strip();
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("csbot.import.zone (CSBOT_IMPORT_ZONE) is \"" + id + "\": set a time"
                    + " zone such as UTC, Europe/Berlin or America/New_York (default UTC)");
        }
    }
}
