package dev.csbot.ingest;

import dev.csbot.chat.AuditTrail;
import dev.csbot.store.PortfolioChangeLog;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Service;

/**
 * {@code csbot accounts delete ID} and {@code DELETE /api/v1/accounts/{id}}: an account and every row that
 * belongs to it, in one transaction. The audit log keeps its history (and records the deletion).
 */
@Service
public class AccountDeletion {

    /**
     * Every table whose rows belong to an account ({@code account_id REFERENCES accounts}), deleted before the
     * account itself, in this order. A table added later that references accounts is one more line here
     * ({@code AccountDeletionTest} fails until it is).
     */
    static final List<String> DEPENDENT_TABLES = List.of(
            "contacts",
            "usage_daily",
            "tickets",
            "feedback_responses",
            "meetings",
            "success_plans",
            "channel_links",
            "alert_notices",
            "alerts",
            "voc_campaign_holds",
            "voc_loop_messages",
            "feedback_answers",
            "feedback_sends");

    /**
     * Rows that belong to the account only through a table above (no {@code account_id} of their own), or that
     * name it without a foreign key: deleted first. Queued deliveries about the account go with it.
     */
    static final List<String> BEFORE_DEPENDENTS = List.of(
            "DELETE FROM alert_notice_items WHERE notice_id IN (SELECT notice_id FROM alert_notices WHERE account_id = :id)"
                    + " OR alert_id IN (SELECT alert_id FROM alerts WHERE account_id = :id)",
            "DELETE FROM outbox WHERE account_id = :id AND state <> 'delivered'");

    private final Jdbi jdbi;
    private final AuditTrail audit;

    public AccountDeletion(Jdbi jdbi, AuditTrail audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** What was deleted: the account and the rows of each dependent table. */
    public record Deleted(String accountId, String name, Map<String, Integer> rows) {
        public String summary() {
            return rows.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", "));
        }
    }

    /**
     * Deletes {@code accountId} with its signals; empty when there is no such account (nothing changes). A
     * store kept busy by another writer throws (see {@link dev.csbot.store.StoreBusy}).
     */
    public Optional<Deleted> delete(String accountId, String actor) {
        return jdbi.inTransaction(h -> {
            try {
                // First, so that the write lock is held before anything is read.
                BatchUpsert.takeWriteLock(h.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("the store refused the deletion: " + e.getMessage(), e);
            }
            Optional<String> name = h.createQuery("SELECT name FROM accounts WHERE account_id = :id")
                    .bind("id", accountId).mapTo(String.class).findOne();
            if (name.isEmpty()) {
                h.rollback();
                return Optional.<Deleted>empty();
            }
            for (String statement : BEFORE_DEPENDENTS) {
                h.createUpdate(statement).bind("id", accountId).execute();
            }
            Map<String, Integer> rows = new LinkedHashMap<>();
            for (String table : DEPENDENT_TABLES) {
                rows.put(table, h.createUpdate("DELETE FROM " + table + " WHERE account_id = :id")
                        .bind("id", accountId).execute());
            }
            h.createUpdate("DELETE FROM accounts WHERE account_id = :id").bind("id", accountId).execute();
            if (h.createQuery("SELECT COUNT(*) FROM accounts").mapTo(Long.class).one() == 0) {
                // An empty store holds no demo any more: importing into it should not warn.
                StoreMetadata.remove(h, StoreMetadata.DEMO_PORTFOLIO);
            }
            Deleted deleted = new Deleted(accountId, name.get(), rows);
            audit.record(actor, "delete-account", accountId, "deleted " + name.get()
                    + (deleted.summary().isEmpty() ? "" : " with " + deleted.summary()));
            PortfolioChangeLog.record(h, Set.of(accountId));
            return Optional.of(deleted);
        });
    }
}
