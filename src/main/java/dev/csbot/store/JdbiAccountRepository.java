package dev.csbot.store;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.account.AccountSignals;
import dev.csbot.account.BookQuery;
import dev.csbot.account.BookSignals;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.springframework.stereotype.Component;

// @Component rather than @Repository: Spring has no exception translation for Jdbi, and the proxy it would add
// costs a reflective call on every query.
@Component
class JdbiAccountRepository implements AccountRepository {

    /** Ids per query when reading some accounts of the book (well under every database's bind limit). */
    static final int IDS_PER_READ = 500;

    private final Jdbi jdbi;

    JdbiAccountRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Account> findAll() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + Rows.ACCOUNT_COLUMNS + " FROM accounts ORDER BY name, account_id")
                .map(Rows.ACCOUNT)
                .list());
    }

    @Override
    public Optional<Account> findById(String accountId) {
        return jdbi.withHandle(h -> findAccount(h, accountId));
    }

    @Override
    public List<Account> findAllById(Collection<String> accountIds) {
        List<String> ids = List.copyOf(new HashSet<>(accountIds));
        List<Account> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_READ) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_READ));
            found.addAll(jdbi.withHandle(h -> h.createQuery("SELECT " + Rows.ACCOUNT_COLUMNS
                            + " FROM accounts WHERE account_id IN (<ids>)")
                    .bindList("ids", chunk)
                    .map(Rows.ACCOUNT)
                    .list()));
        }
        return found;
    }

    @Override
    public long portfolioVersion() {
        return jdbi.withHandle(h -> h.createQuery("SELECT version FROM portfolio_version WHERE id = 1")
                .mapTo(Long.class).one());
    }

    @Override
    public Optional<Set<String>> changedBetween(long fromVersion, long toVersion) {
        if (fromVersion == toVersion) {
            return Optional.of(Set.of());
        }
        if (toVersion < fromVersion || toVersion - fromVersion > PortfolioChangeLog.KEPT_VERSIONS) {
            return Optional.empty();
        }
        Set<Long> versions = new HashSet<>();
        Set<String> accounts = new HashSet<>();
        jdbi.useHandle(h -> h.createQuery("SELECT version, account_id FROM portfolio_changes"
                        + " WHERE version > :from AND version <= :to")
                .bind("from", fromVersion)
                .bind("to", toVersion)
                .map((rs, ctx) -> {
                    versions.add(rs.getLong(1));
                    return rs.getString(2);
                })
                .forEach(accounts::add));
        // Every version in between must have said what it touched; one that did not could have touched anything.
        if (versions.size() != toVersion - fromVersion || accounts.contains(PortfolioChangeLog.EVERY_ACCOUNT)) {
            return Optional.empty();
        }
        return Optional.of(Set.copyOf(accounts));
    }

    @Override
    public Optional<LocalDate> usageOnlyWrittenFrom(long fromVersion, long toVersion) {
        if (toVersion <= fromVersion || toVersion - fromVersion > PortfolioChangeLog.KEPT_VERSIONS) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*), MIN(usage_from) FROM portfolio_usage_writes"
                        + " WHERE version > :from AND version <= :to")
                .bind("from", fromVersion)
                .bind("to", toVersion)
                // Every version in between must have been a usage write; any other could have changed anything.
                .map((rs, ctx) -> rs.getLong(1) == toVersion - fromVersion
                        ? Optional.of(Rows.isoDate(rs.getString(2))) : Optional.<LocalDate>empty())
                .one());
    }

    @Override
    public Optional<Set<String>> tablesWrittenWithoutUsage(long fromVersion, long toVersion) {
        if (toVersion == fromVersion) {
            return Optional.of(Set.of());
        }
        if (toVersion < fromVersion || toVersion - fromVersion > PortfolioChangeLog.KEPT_VERSIONS) {
            return Optional.empty();
        }
        List<String> tables = jdbi.withHandle(h -> h.createQuery("SELECT table_name FROM portfolio_writes_without_usage"
                        + " WHERE version > :from AND version <= :to")
                .bind("from", fromVersion)
                .bind("to", toVersion)
                .mapTo(String.class)
                .list());
        // Every version in between must have been a write without usage; any other could have changed usage.
        return tables.size() == toVersion - fromVersion ? Optional.of(Set.copyOf(tables)) : Optional.empty();
    }

    private static Optional<Account> findAccount(Handle h, String accountId) {
        return h.createQuery("SELECT " + Rows.ACCOUNT_COLUMNS + " FROM accounts WHERE account_id = :id")
                .bind("id", accountId)
                .map(Rows.ACCOUNT)
                .findOne();
    }

    @Override
    public Optional<AccountSignals> signals(String accountId, LocalDate usageFrom, LocalDate asOf) {
        // One read transaction, so the account and its signals are a consistent snapshot.
        return jdbi.inTransaction(h -> findAccount(h, accountId).map(account -> new AccountSignals(
                account,
                forAccount(h, "SELECT " + Rows.CONTACT_COLUMNS + " FROM contacts WHERE account_id = :id ORDER BY contact_id", accountId, Rows.CONTACT),
                h.createQuery("SELECT " + Rows.USAGE_COLUMNS + " FROM usage_daily WHERE account_id = :id AND date >= :from AND date <= :to"
                                + " ORDER BY date")
                        .bind("id", accountId)
                        .bind("from", usageFrom.toString())
                        .bind("to", asOf.toString())
                        .map(Rows.USAGE)
                        .list(),
                forAccount(h, "SELECT " + Rows.TICKET_COLUMNS + " FROM tickets WHERE account_id = :id ORDER BY " + TICKET_ORDER,
                        accountId, Rows.TICKET),
                forAccount(h, "SELECT " + Rows.FEEDBACK_COLUMNS + " FROM feedback_responses WHERE account_id = :id ORDER BY "
                        + FEEDBACK_ORDER, accountId, Rows.FEEDBACK),
                forAccount(h, "SELECT " + Rows.MEETING_COLUMNS + " FROM meetings WHERE account_id = :id ORDER BY " + MEETING_ORDER,
                        accountId, Rows.MEETING),
                forAccount(h, "SELECT " + Rows.OBJECTIVE_COLUMNS + " FROM success_plans WHERE account_id = :id ORDER BY due_date, objective",
                        accountId, Rows.OBJECTIVE))));
    }

    // Within an account, the same order in every read (ties included): "the latest response" is the same one
    // whichever read found it.
    private static final String TICKET_ORDER = "opened_on, ticket_id";
    private static final String FEEDBACK_ORDER = "date, contact_email, kind";
    private static final String MEETING_ORDER = "date, kind";

    private static <T> List<T> forAccount(Handle h, String sql, String accountId, RowMapper<T> mapper) {
        return h.createQuery(sql).bind("id", accountId).map(mapper).list();
    }

    @Override
    public void forEachInBook(BookQuery query, Consumer<BookSignals> each) {
        jdbi.useTransaction(h -> new BookRead(h, query, Optional.empty()).forEach(each));
    }

    @Override
    public void forEachOf(Set<String> accountIds, BookQuery query, Consumer<BookSignals> each) {
        List<String> ids = accountIds.stream().sorted().toList();
        for (int from = 0; from < ids.size(); from += IDS_PER_READ) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_READ));
            jdbi.useTransaction(h -> new BookRead(h, query, Optional.of(chunk)).forEach(each));
        }
    }
}
