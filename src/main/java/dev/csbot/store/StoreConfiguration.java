package dev.csbot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.csbot.account.PortfolioListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store: a SQLite file by default (WAL, busy timeout, foreign keys on), PostgreSQL by URL. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

    // csbot.store.busy-timeout: how long a write waits for another writer (SQLite has one at a time) before it
    // gives up; the service then answers 503 with Retry-After. csbot import waits longer (it is a batch job).
    @Bean
    DataSource dataSource(@Value("${csbot.db}") String dbPath, @Value("${csbot.database-url:}") String databaseUrl,
            @Value("${csbot.store.busy-timeout:5s}") String busyTimeout) throws java.io.IOException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("csbot-store");
        if (!databaseUrl.isBlank()) {
            config.setJdbcUrl(databaseUrl);
            log.info("Store: {}", databaseUrl.replaceAll("password=[^&]*", "password=***"));
        } else {
            Path file = Path.of(dbPath).toAbsolutePath().normalize();
            Files.createDirectories(file.getParent());
            config.setJdbcUrl(sqliteUrl(file, busyTimeout(busyTimeout)));
            // SQLite has one writer at a time; a small pool of readers is all WAL can use.
            config.setMaximumPoolSize(4);
            log.info("Store: SQLite file {}", file);
        }
        return new HikariDataSource(config);
    }

    /** With the service's default busy timeout (tests, tools). */
    static String sqliteUrl(Path file) {
        return sqliteUrl(file, Duration.ofSeconds(5));
    }

    static String sqliteUrl(Path file, Duration busyTimeout) {
        return "jdbc:sqlite:" + file + "?journal_mode=WAL&busy_timeout=" + busyTimeout.toMillis()
                + "&foreign_keys=true";
    }

    static Duration busyTimeout(String setting) {
        try {
            Duration timeout = org.springframework.boot.convert.DurationStyle.detectAndParse(setting.strip());
            if (!timeout.isNegative() && timeout.toMillis() <= Integer.MAX_VALUE) {
                return timeout;
            }
        } catch (IllegalArgumentException e) {
            // the message below
        }
        throw new IllegalArgumentException("csbot.store.busy-timeout (CSBOT_STORE_BUSY_TIMEOUT) is \"" + setting
                + "\": set a duration such as 5s or 500ms (default 5s)");
    }

    @Bean
    Jdbi jdbi(DataSource dataSource, ObjectProvider<PortfolioListener> portfolioListeners,
            @Value("${csbot.database-url:}") String databaseUrl,
            @Value("${csbot.store.busy-timeout:5s}") String busyTimeout) {
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin())
                .configure(PortfolioListeners.class, c -> c.tellEach(() -> portfolioListeners.orderedStream().toList()));
        if (databaseUrl.isBlank()) {
            jdbi.setTransactionHandler(new SqliteTransactionRetry(busyTimeout(busyTimeout)));
        }
        return jdbi;
    }
}
