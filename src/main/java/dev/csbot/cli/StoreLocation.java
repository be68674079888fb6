package dev.csbot.cli;

import dev.csbot.store.StoreUrl;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Which store a command opens, decided before Spring starts so that the command can say it and pass exactly that
 * file on: {@code --db}, else {@code csbot.db} / {@code CSBOT_DB}, else the default. The demo has a default of
 * its own ({@code ./data/demo.db}), so that demo accounts never land in the store meant for real data unasked.
 * A PostgreSQL URL ({@code CSBOT_DATABASE_URL}) wins over all of these, as in the service.
 */
record StoreLocation(Path file, String databaseUrl, boolean demoDefault) {

    static final Path DEFAULT = Path.of("data", "csbot.db");
    static final Path DEMO_DEFAULT = Path.of("data", "demo.db");

    /** {@code lookup} reads a setting by its property name (system properties, then the environment). */
    static StoreLocation resolve(Path option, boolean demo, UnaryOperator<String> lookup) {
        String url = lookup.apply("csbot.database-url");
        if (url != null && !url.isBlank()) {
            return new StoreLocation(null, url, false);
        }
        if (option != null) {
            return new StoreLocation(normalized(option), null, false);
        }
        String configured = lookup.apply("csbot.db");
        if (configured != null && !configured.isBlank()) {
            return new StoreLocation(normalized(Path.of(configured)), null, false);
        }
        return new StoreLocation(normalized(demo ? DEMO_DEFAULT : DEFAULT), null, demo);
    }

    /** System properties first, then the environment ({@code csbot.database-url} is {@code CSBOT_DATABASE_URL}). */
    static String setting(String property) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_')
                .replace('-', '_'));
    }

    boolean sqlite() {
        return databaseUrl == null;
    }

    /** For messages: the file, or the database URL without its password. */
    String describe() {
        return sqlite() ? file.toString() : StoreUrl.withoutPassword(databaseUrl);
    }

    /** The line every command prints on stderr. */
    String openedLine() {
        return "csbot: store " + describe() + (demoDefault ? " (the demo's own store; --db or CSBOT_DB for another)"
                : "");
    }

    private static Path normalized(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
