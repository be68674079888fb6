package dev.csbot.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** A Flyway-migrated SQLite file, as the service opens it, without Spring. */
final class TestStore {

    final Jdbi jdbi;
    final List<String> audit = new java.util.ArrayList<>();

    final String url;

    TestStore(Path file) {
        this(file, 5000);
    }

    /** With a busy timeout of its own, for tests in which another connection holds the write lock. */
    TestStore(Path file, int busyTimeoutMillis) {
        this.url = "jdbc:sqlite:" + file + "?journal_mode=WAL&busy_timeout=" + busyTimeoutMillis + "&foreign_keys=true";
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        this.jdbi = Jdbi.create(url);
    }

    CsvImport csvImport() {
        return new CsvImport(jdbi, this::record);
    }

    AccountDeletion deletion() {
        return new AccountDeletion(jdbi, this::record);
    }

    private void record(String actor, String action, String account, String detail) {
        audit.add(actor + " " + action + " " + detail);
    }

    long count(String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    List<Map<String, Object>> rows(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapToMap().list());
    }
}
