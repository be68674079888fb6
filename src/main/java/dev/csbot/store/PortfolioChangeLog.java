package dev.csbot.store;

import dev.csbot.account.PortfolioChanged;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The one way a write to the portfolio is marked, inside the write's transaction: the version moves on
 * (readers in any process can tell their scores are out of date), the accounts it touched are recorded
 * for that version, and once the transaction commits the listeners of this process are told.
 */
public final class PortfolioChangeLog {

    /** Versions whose accounts are kept; a reader further behind than this rescores the whole book. */
    static final int KEPT_VERSIONS = 200;

    /** A write naming more accounts than this is recorded as touching every account (one row, not thousands). */
    static final int NAMED_ACCOUNTS = 1_000;

    /** The account id that stands for "every account" in {@code portfolio_changes}. */
    static final String EVERY_ACCOUNT = "";

    private PortfolioChangeLog() {}

    /**
     * Records a write of rows of {@code accountIds} in the caller's open transaction on {@code handle};
     * {@link dev.csbot.account.PortfolioListener}s hear of it after the commit (never after a rollback).
     */
    public static void record(Handle handle, Set<String> accountIds) {
        record(handle, accountIds, Optional.empty());
    }

    /**
     * {@link #record(Handle, Set)} for a write of usage rows and nothing else, {@code usageFrom} the earliest day
     * it wrote (empty: the write may have changed anything): readers then re-read usage alone.
     */
    public static void record(Handle handle, Set<String> accountIds, Optional<LocalDate> usageFrom) {
        long version = recorded(handle, accountIds);
        usageFrom.ifPresent(day -> handle.execute("INSERT INTO portfolio_usage_writes (version, usage_from) VALUES (?, ?)",
                version, day.toString()));
    }

    /**
     * {@link #record(Handle, Set)} for a write of rows of {@code table} alone (accounts, contacts, tickets,
     * feedback_responses, meetings, success_plans) that wrote and removed no usage rows: readers keep the usage
     * totals they summed and re-read the rest, or after writes of accounts alone only the accounts.
     */
    public static void recordWithoutUsage(Handle handle, Set<String> accountIds, String table) {
        long version = recorded(handle, accountIds);
        handle.execute("INSERT INTO portfolio_writes_without_usage (version, table_name) VALUES (?, ?)", version, table);
    }

    /** Moves the version on and records the accounts written for it; returns the new version. */
    private static long recorded(Handle handle, Set<String> accountIds) {
        handle.execute("UPDATE portfolio_version SET version = version + 1 WHERE id = 1");
        long version = handle.createQuery("SELECT version FROM portfolio_version WHERE id = 1")
                .mapTo(Long.class).one();
        Set<String> recorded = accountIds.size() > NAMED_ACCOUNTS ? Set.of(EVERY_ACCOUNT) : accountIds;
        PreparedBatch batch = handle.prepareBatch("INSERT INTO portfolio_changes (version, account_id) VALUES (?, ?)");
        for (String accountId : recorded) {
            batch.add(version, accountId);
        }
        batch.execute();
        handle.execute("DELETE FROM portfolio_changes WHERE version <= ?", version - KEPT_VERSIONS);
        handle.execute("DELETE FROM portfolio_usage_writes WHERE version <= ?", version - KEPT_VERSIONS);
        handle.execute("DELETE FROM portfolio_writes_without_usage WHERE version <= ?", version - KEPT_VERSIONS);
        PortfolioChanged change = new PortfolioChanged(accountIds, false);
        PortfolioListeners listeners = handle.getConfig(PortfolioListeners.class);
        handle.afterCommit(() -> listeners.tell(change));
        return version;
    }
}
