package dev.csbot.ingest;

import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes rows into the store: one transaction per dataset, through {@link BatchUpsert}. The demo, the CSV
 * import and the REST API all write through here.
 */
final class PortfolioWriter {

    private final Jdbi jdbi;

    PortfolioWriter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Writes every dataset of the demo in dependency order, and marks the store as holding it
     * ({@code demo}, with the accounts); returns the rows per dataset.
     */
    Map<Dataset, Long> write(DemoPortfolio portfolio, String demo) {
        Map<Dataset, Long> counts = new EnumMap<>(Dataset.class);
        for (Dataset dataset : Dataset.values()) {
            try {
                counts.put(dataset, jdbi.inTransaction(h -> {
                    long rows = writeAll(h, dataset, dataset.allPresent(), sink -> portfolio.emit(dataset, sink));
                    if (dataset == Dataset.ACCOUNTS) {
                        StoreMetadata.put(h, StoreMetadata.DEMO_PORTFOLIO, demo);
                    }
                    return rows;
                }));
            } catch (SQLException e) {
                throw new IllegalStateException("writing the demo " + dataset.fileName() + " failed: "
                        + e.getMessage(), e);
            }
        }
        return counts;
    }

    /** Rows produced by {@code source}, upserted in the caller's transaction on {@code handle}. */
    static long writeAll(Handle handle, Dataset dataset, boolean[] present, RowSource source) throws SQLException {
        try (BatchUpsert upsert = new BatchUpsert(handle, dataset, present)) {
            source.emit(upsert::add);
            return upsert.finish();
        } catch (SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(dataset.fileName() + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    interface RowSource {
        void emit(RowSink sink) throws Exception;
    }

    /**
     * The DDL of a copy of usage_daily with its key and indexes but no foreign key: on SQLite the store's own
     * statements, on PostgreSQL {@code LIKE} the store's table (which copies no foreign key).
     */
    List<String> usageTableDdl() throws SQLException {
        return jdbi.withHandle(h -> {
            if ("PostgreSQL".equals(h.getConnection().getMetaData().getDatabaseProductName())) {
                String schema = h.createQuery("SELECT current_schema()").mapTo(String.class).one();
                return List.of("CREATE TABLE usage_daily (LIKE \"" + schema + "\".usage_daily INCLUDING ALL)");
            }
            return h.createQuery("SELECT sql FROM sqlite_master WHERE tbl_name = 'usage_daily'"
                            + " AND sql IS NOT NULL ORDER BY type DESC")
                    .mapTo(String.class)
                    .map(sql -> sql.replaceAll("(?i)REFERENCES\\s+\\w+\\s*\\([^)]*\\)", ""))
                    .list();
        });
    }

    long accountCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts").mapTo(Long.class).one());
    }
}
