package dev.csbot.bench;

import dev.csbot.CsbotApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The store a benchmark of an existing book runs on ({@code bench-scan}, {@code bench-risks}): the PostgreSQL
 * database {@code CSBOT_DATABASE_URL} names, else the SQLite file of {@code --db}, which must exist.
 */
record ExistingStore(Optional<String> databaseUrl, Path file) {

    /** The store asked for, or empty when there is none to open (no database URL and no such file). */
    static Optional<ExistingStore> of(Path db) {
        String url = System.getProperty("csbot.database-url", System.getenv("CSBOT_DATABASE_URL"));
        if (url != null && !url.isBlank()) {
            return Optional.of(new ExistingStore(Optional.of(url), db));
        }
        return db != null && Files.isRegularFile(db) ? Optional.of(new ExistingStore(Optional.empty(), db))
                : Optional.empty();
    }

    /** The service's context on this store, without the web server, logging warnings only. */
    ConfigurableApplicationContext open() {
        return new SpringApplicationBuilder(CsbotApplication.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .run(databaseUrl.map(url -> "--csbot.database-url=" + url)
                                .orElseGet(() -> "--csbot.db=" + file.toAbsolutePath().normalize()),
                        "--logging.level.root=WARN",
                        "--logging.level.dev.csbot=WARN");
    }

    /** How the store is named in a benchmark's first line (a database URL without its password). */
    String label() {
        return databaseUrl.map(dev.csbot.store.StoreUrl::withoutPassword).orElseGet(() -> String.valueOf(file));
    }
}
