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

/**
 * The store: a SQLite file by default (WAL, busy timeout, foreign keys on), PostgreSQL by URL
 * ({@code CSBOT_DATABASE_URL}). The same migrations run on both ({@code spring.flyway.locations}).
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

    // csbot.store.busy-timeout: how long a write waits for another writer before it gives up (SQLite: its busy
    // timeout, the file has one writer at a time; PostgreSQL: lock_timeout, as every write first updates the one
    // portfolio_version row); the service then answers 503 with Retry-After. csbot import waits longer.
    @Bean
    DataSource dataSource(@Value("${csbot.db}") String dbPath, @Value("${csbot.database-url:}") String databaseUrl,
            @Value("${csbot.database-user:}") String user, @Value("${csbot.database-password:}") String password,
            @Value("${csbot.store.busy-timeout:5s}") String busyTimeout) throws java.io.IOException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("csbot-store");
        Duration timeout = busyTimeout(busyTimeout);
        if (!databaseUrl.isBlank()) {
            configurePostgres(config, StoreUrl.checkedPostgresUrl(databaseUrl), user, password, timeout);
            log.info("Store: PostgreSQL {}", StoreUrl.withoutPassword(config.getJdbcUrl()));
        } else {
            Path file = Path.of(dbPath).toAbsolutePath().normalize();
            Files.createDirectories(file.getParent());
            config.setJdbcUrl(sqliteUrl(file, timeout));
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

    /**
     * The user and password may come in the URL ({@code ?user=...&password=...}) or beside it; set beside it, they
     * win. Batched inserts are rewritten into multi-row inserts (several times faster for an import), and every
     * connection waits for a row lock at most the busy timeout.
     */
    static void configurePostgres(HikariConfig config, String url, String user, String password, Duration lockTimeout) {
        config.setJdbcUrl(url);
        if (!user.isBlank()) {
            config.setUsername(user);
        }
        if (!password.isEmpty()) {
            config.setPassword(password);
        }
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "csbot");
        config.setConnectionInitSql("SET lock_timeout = " + lockTimeout.toMillis());
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
