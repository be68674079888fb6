package dev.csbot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.csbot.account.PortfolioListener;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Bean
    DataSource dataSource(@Value("${csbot.db}") String dbPath, @Value("${csbot.database-url:}") String databaseUrl)
            throws java.io.IOException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("csbot-store");
        if (!databaseUrl.isBlank()) {
            config.setJdbcUrl(databaseUrl);
            log.info("Store: {}", databaseUrl.replaceAll("password=[^&]*", "password=***"));
        } else {
            Path file = Path.of(dbPath).toAbsolutePath().normalize();
            Files.createDirectories(file.getParent());
            config.setJdbcUrl(sqliteUrl(file));
            // SQLite has one writer at a time; a small pool of readers is all WAL can use.
            config.setMaximumPoolSize(4);
            log.info("Store: SQLite file {}", file);
        }
        return new HikariDataSource(config);
    }

    static String sqliteUrl(Path file) {
        return "jdbc:sqlite:" + file + "?journal_mode=WAL&busy_timeout=5000&foreign_keys=true";
    }

    @Bean
    Jdbi jdbi(DataSource dataSource, ObjectProvider<PortfolioListener> portfolioListeners) {
        return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin())
                .configure(PortfolioListeners.class, c -> c.tellEach(() -> portfolioListeners.orderedStream().toList()));
    }
}
