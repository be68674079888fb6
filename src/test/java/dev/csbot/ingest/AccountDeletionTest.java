package dev.csbot.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting an account takes every row that belongs to it, in one transaction, and nothing of any other account. */
@Tag("store")
class AccountDeletionTest {

    @TempDir
    Path tmp;

    private TestStore store;

    @BeforeEach
    void loadTheDemo() {
        store = new TestStore(tmp.resolve("store.db"));
        new PortfolioWriter(store.jdbi).write(new DemoPortfolio(12, 60, 42, LocalDate.parse("2026-11-23")), "test demo");
        store.jdbi.useHandle(h -> {
            h.execute("INSERT INTO channel_links (platform, conversation_id, account_id, linked_by, linked_at)"
                    + " VALUES ('slack', 'C1', 'acme', 'dana', '2026-11-23T10:00:00Z')");
            h.execute("INSERT INTO alerts (alert_id, account_id, rule_id, status, severity, summary, owner_email,"
                    + " raised_at, updated_at) VALUES ('a1', 'acme', 'usage-drop', 'open', 'high', 'Usage fell',"
                    + " 'dana@csbot.example', '2026-11-23T10:00:00Z', '2026-11-23T10:00:00Z')");
        });
    }

    private long rowsOf(String table, String account) {
        return store.jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE account_id = :id")
                .bind("id", account).mapTo(Long.class).one());
    }

    private long version() {
        return store.jdbi.withHandle(h -> h.createQuery("SELECT version FROM portfolio_version").mapTo(Long.class)
                .one());
    }

    /** Every table of the store with a foreign key to accounts, read from the schema itself. */
    private List<String> tablesReferencingAccounts() {
        String sql = store.database.isPostgres()
                ? "SELECT DISTINCT c.conrelid::regclass::text FROM pg_constraint c WHERE c.contype = 'f'"
                        + " AND c.confrelid = 'accounts'::regclass ORDER BY 1"
                : "SELECT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f"
                        + " WHERE m.type = 'table' AND f.\"table\" = 'accounts' ORDER BY m.name";
        return store.jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    @Test
    void everyTableThatReferencesAccountsIsDeletedFrom() {
        assertThat(tablesReferencingAccounts()).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(AccountDeletion.DEPENDENT_TABLES);
    }

    @Test
    void anAccountGoesWithAllItsSignalsAndOtherAccountsKeepTheirs() {
        Map<String, Long> globexBefore = AccountDeletion.DEPENDENT_TABLES.stream()
                .collect(java.util.stream.Collectors.toMap(t -> t, t -> rowsOf(t, "globex")));
        long version = version();

        Optional<AccountDeletion.Deleted> deleted = store.deletion().delete("acme", "test");

        assertThat(deleted).isPresent();
        assertThat(deleted.get().name()).isEqualTo("Acme");
        assertThat(deleted.get().rows().get("usage_daily")).isEqualTo(60);
        assertThat(deleted.get().rows().get("channel_links")).isEqualTo(1);
        assertThat(deleted.get().rows().get("alerts")).isEqualTo(1);
        for (String table : AccountDeletion.DEPENDENT_TABLES) {
            assertThat(rowsOf(table, "acme")).as(table).isZero();
            assertThat(rowsOf(table, "globex")).as(table).isEqualTo(globexBefore.get(table));
        }
        assertThat(rowsOf("accounts", "acme")).isZero();
        assertThat(store.count("accounts")).isEqualTo(11);
        assertThat(version()).isEqualTo(version + 1);
        assertThat(store.audit).singleElement().asString().startsWith("test delete-account deleted Acme with")
                .contains("60 usage_daily");
    }

    @Test
    void anUnknownAccountChangesNothing() {
        long version = version();

        assertThat(store.deletion().delete("umbrella", "test")).isEmpty();

        assertThat(store.count("accounts")).isEqualTo(12);
        assertThat(version()).isEqualTo(version);
        assertThat(store.audit).isEmpty();
    }

    @Test
    void theStoreHoldsTheDemoUntilItsLastAccountIsDeleted() {
        StoreMetadata metadata = new StoreMetadata(store.jdbi);
        List<String> ids = store.jdbi.withHandle(h -> h.createQuery("SELECT account_id FROM accounts")
                .mapTo(String.class).list());

        assertThat(metadata.demoPortfolio()).contains("test demo");
        for (String id : ids.subList(1, ids.size())) {
            store.deletion().delete(id, "test");
        }
        assertThat(metadata.demoPortfolio()).contains("test demo");
        store.deletion().delete(ids.get(0), "test");

        assertThat(metadata.demoPortfolio()).isEmpty();
        assertThat(store.count("store_metadata")).isZero();
    }
}
