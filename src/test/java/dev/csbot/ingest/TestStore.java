package dev.csbot.ingest;

import dev.csbot.support.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * A migrated store, as the service opens it, without Spring: a SQLite file, or in the PostgreSQL pass a schema
 * of its own standing in for that file (the same path opens the same schema again).
 */
final class TestStore {

    private static final Map<Path, TestDatabase> ON_SERVER = new ConcurrentHashMap<>();

    final Jdbi jdbi;
    final List<String> audit = new java.util.ArrayList<>();

    final TestDatabase database;
    final String url;

    TestStore(Path file) {
        this(file, 5000);
    }

    /** With a busy timeout of its own, for tests in which another connection holds the write lock. */
    TestStore(Path file, int busyTimeoutMillis) {
        if (TestDatabase.postgresPass()) {
            this.database = ON_SERVER.computeIfAbsent(file.toAbsolutePath(), f -> TestDatabase.fresh("store").migrate());
            // The service sets lock_timeout on every connection (StoreConfiguration); here the URL does.
            this.url = database.url() + "&options=-c%20lock_timeout=" + busyTimeoutMillis;
        } else {
            this.database = TestDatabase.sqlite(file).migrate();
            this.url = "jdbc:sqlite:" + file + "?journal_mode=WAL&busy_timeout=" + busyTimeoutMillis
                    + "&foreign_keys=true";
        }
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

    /**
     * Rows as maps, whole numbers as Integer when they fit (SQLite's driver gives a small BIGINT back as Integer,
     * PostgreSQL's as Long), so that one expectation holds on both stores.
     */
    List<Map<String, Object>> rows(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapToMap().list()).stream().map(TestStore::intsWhereTheyFit)
                .toList();
    }

    private static Map<String, Object> intsWhereTheyFit(Map<String, Object> row) {
        Map<String, Object> normalized = new java.util.LinkedHashMap<>();
        row.forEach((column, value) -> normalized.put(column, value instanceof Long l && l == l.intValue()
                ? Integer.valueOf(l.intValue()) : value));
        return normalized;
    }
}
