package dev.csbot.store;

import java.util.Locale;

/** What a store URL says about itself, and how it may be shown: never with its password. */
public final class StoreUrl {

    static final String POSTGRESQL_PREFIX = "jdbc:postgresql://";

    private StoreUrl() {}

    /** The URL with the value of any {@code password=} parameter replaced by {@code ***}, for logs and messages. */
    public static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /**
     * Checks a {@code CSBOT_DATABASE_URL}: only PostgreSQL's JDBC URLs are taken (a SQLite store is a file,
     * {@code CSBOT_DB}). The message says what to write instead.
     */
    static String checkedPostgresUrl(String url) {
        String trimmed = url.strip();
        if (trimmed.toLowerCase(Locale.ROOT).startsWith(POSTGRESQL_PREFIX) && trimmed.length() > POSTGRESQL_PREFIX.length()) {
            return trimmed;
        }
        String hint = trimmed.matches("(?i)postgres(ql)?://.*")
                ? " (a libpq URL: write it as jdbc:postgresql://host:port/db, with ?user=...&password=... or"
                + " CSBOT_DATABASE_USER and CSBOT_DATABASE_PASSWORD)"
                : trimmed.toLowerCase(Locale.ROOT).startsWith("jdbc:sqlite:")
                        ? " (for a SQLite file set CSBOT_DB or --db instead)" : "";
        throw new IllegalArgumentException("csbot.database-url (CSBOT_DATABASE_URL) is \"" + withoutPassword(trimmed)
                + "\": set a PostgreSQL URL such as jdbc:postgresql://localhost:5432/csbot" + hint
                + ", or leave it unset for the SQLite file");
    }
}
