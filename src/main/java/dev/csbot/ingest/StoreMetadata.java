package dev.csbot.ingest;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Service;

/** What the store says about itself: whether it holds the demo portfolio, and how many accounts. */
@Service
public class StoreMetadata {

    static final String DEMO_PORTFOLIO = "demo_portfolio";

    private final Jdbi jdbi;

    public StoreMetadata(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Which demo portfolio the store holds ("200 accounts, seed 42, ..."), when it holds one. */
    public Optional<String> demoPortfolio() {
        return jdbi.withHandle(h -> h.createQuery("SELECT m.value FROM store_metadata m WHERE m.name = :name"
                        + " AND EXISTS (SELECT 1 FROM accounts)")
                .bind("name", DEMO_PORTFOLIO)
                .mapTo(String.class)
                .findOne());
    }

    public long accounts() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts").mapTo(Long.class).one());
    }

    static void put(Handle handle, String name, String value) {
        handle.createUpdate("INSERT INTO store_metadata (name, value) VALUES (:name, :value)"
                        + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")
                .bind("name", name)
                .bind("value", value)
                .execute();
    }

    static void remove(Handle handle, String name) {
        handle.createUpdate("DELETE FROM store_metadata WHERE name = :name").bind("name", name).execute();
    }
}
