package dev.csbot.support;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.account.AccountSignals;
import dev.csbot.account.BookQuery;
import dev.csbot.account.BookSignals;
import dev.csbot.account.BookSignalsFromHistory;
import dev.csbot.account.BookTable;
import dev.csbot.account.UsageDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An {@link AccountRepository} over signals held in memory, for testing the core without a store. Like the
 * store, it remembers which account each version wrote; its book reads summarise each account's full history
 * ({@link BookSignalsFromHistory}: the meaning a store's own reads are tested against).
 */
public class InMemoryPortfolio implements AccountRepository {

    private final Map<String, AccountSignals> byId = new LinkedHashMap<>();
    /** The account written by each version, oldest first: version n wrote written.get(n - 1). */
    private final List<String> written = new ArrayList<>();

    private long version;
    /** The versions that wrote usage rows alone, with the earliest day each wrote. */
    private final Map<Long, LocalDate> usageWrites = new HashMap<>();
    /** The versions that wrote no usage rows, with the tables each wrote. */
    private final Map<Long, Set<String>> withoutUsage = new HashMap<>();

    /**
     * Writes usage rows of one account (replacing those of the same days), as a usage import or REST upsert
     * would: a write of usage alone.
     */
    public synchronized InMemoryPortfolio writeUsage(String accountId, List<UsageDay> days) {
        AccountSignals s = byId.get(accountId);
        Map<LocalDate, UsageDay> byDay = new java.util.TreeMap<>();
        s.usage().forEach(day -> byDay.put(day.date(), day));
        days.forEach(day -> byDay.put(day.date(), day));
        byId.put(accountId, new AccountSignals(s.account(), s.contacts(), List.copyOf(byDay.values()), s.tickets(),
                s.feedback(), s.meetings(), s.objectives()));
        written.add(accountId);
        version++;
        usageWrites.put(version, days.stream().map(UsageDay::date).min(LocalDate::compareTo).orElseThrow());
        return this;
    }

    @Override
    public synchronized Optional<LocalDate> usageOnlyWrittenFrom(long fromVersion, long toVersion) {
        if (toVersion <= fromVersion || toVersion > version) {
            return Optional.empty();
        }
        LocalDate earliest = null;
        for (long v = fromVersion + 1; v <= toVersion; v++) {
            LocalDate day = usageWrites.get(v);
            if (day == null) {
                return Optional.empty();
            }
            earliest = earliest == null || day.isBefore(earliest) ? day : earliest;
        }
        return Optional.of(earliest);
    }

    /**
     * Writes {@code builder}'s account and every other row of it but usage (the account's usage rows stay as they are;
     * a new account has none), as an import of accounts, contacts, tickets, feedback or meetings would: a write
     * without usage.
     */
    public synchronized InMemoryPortfolio writeWithoutUsage(SignalsBuilder builder) {
        AccountSignals s = builder.build();
        AccountSignals before = byId.get(s.account().id());
        byId.put(s.account().id(), new AccountSignals(s.account(), s.contacts(),
                before == null ? List.of() : before.usage(), s.tickets(), s.feedback(), s.meetings(), s.objectives()));
        written.add(s.account().id());
        version++;
        withoutUsage.put(version, Set.of("accounts", "contacts", "tickets", "feedback_responses", "meetings"));
        return this;
    }

    /**
     * Replaces the rows of one table of {@code rows}' account by those {@code rows} has of it (its record and other rows
     * stay as they are), as an import of that table's file would: a write without usage.
     */
    public synchronized InMemoryPortfolio writeRows(BookTable table, SignalsBuilder rows) {
        AccountSignals s = rows.build();
        AccountSignals was = byId.get(s.account().id());
        if (was == null) {
            throw new IllegalArgumentException("no account " + s.account().id() + " to write " + table + " of");
        }
        byId.put(was.account().id(), new AccountSignals(was.account(),
                table == BookTable.CONTACTS ? s.contacts() : was.contacts(), was.usage(),
                table == BookTable.TICKETS ? s.tickets() : was.tickets(),
                table == BookTable.FEEDBACK ? s.feedback() : was.feedback(),
                table == BookTable.MEETINGS ? s.meetings() : was.meetings(), was.objectives()));
        written.add(was.account().id());
        version++;
        withoutUsage.put(version, Set.of(table.tableName()));
        return this;
    }

    /** Writes {@code account}'s record alone (its other rows stay as they are), as a CRM sync of accounts.csv would. */
    public synchronized InMemoryPortfolio syncAccount(Account account) {
        AccountSignals s = byId.get(account.id());
        byId.put(account.id(), s == null ? new AccountSignals(account, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of()) : new AccountSignals(account, s.contacts(), s.usage(), s.tickets(), s.feedback(),
                s.meetings(), s.objectives()));
        written.add(account.id());
        version++;
        withoutUsage.put(version, Set.of("accounts"));
        return this;
    }

    @Override
    public synchronized Optional<Set<String>> tablesWrittenWithoutUsage(long fromVersion, long toVersion) {
        if (toVersion < fromVersion || toVersion > version) {
            return Optional.empty();
        }
        Set<String> tables = new HashSet<>();
        for (long v = fromVersion + 1; v <= toVersion; v++) {
            if (!withoutUsage.containsKey(v)) {
                return Optional.empty();
            }
            tables.addAll(withoutUsage.get(v));
        }
        return Optional.of(tables);
    }

    public synchronized InMemoryPortfolio add(SignalsBuilder builder) {
        AccountSignals signals = builder.build();
        byId.put(signals.account().id(), signals);
        written.add(signals.account().id());
        version++;
        return this;
    }

    /** Removes an account, as a delete would (a write that touches it). */
    public synchronized InMemoryPortfolio remove(String accountId) {
        byId.remove(accountId);
        written.add(accountId);
        version++;
        return this;
    }

    /** Something written to the portfolio (a chat answer, say): readers keyed by the version read again. */
    public void changed() {
        version++;
    }

    @Override
    public synchronized Optional<Set<String>> changedBetween(long fromVersion, long toVersion) {
        if (fromVersion > toVersion || toVersion > version) {
            return Optional.empty();
        }
        return Optional.of(new HashSet<>(written.subList((int) fromVersion, (int) toVersion)));
    }

    @Override
    public synchronized long portfolioVersion() {
        return version;
    }

    @Override
    public synchronized List<Account> findAll() {
        return byId.values().stream().map(AccountSignals::account).sorted(Comparator.comparing(Account::name)).toList();
    }

    @Override
    public synchronized Optional<Account> findById(String accountId) {
        return Optional.ofNullable(byId.get(accountId)).map(AccountSignals::account);
    }

    @Override
    public synchronized Optional<AccountSignals> signals(String accountId, LocalDate usageFrom, LocalDate asOf) {
        return Optional.ofNullable(byId.get(accountId)).map(s -> window(s, usageFrom, asOf));
    }

    /** Every account's full history, summarised as the query asks ({@link BookSignalsFromHistory}: what stores reproduce). */
    @Override
    public void forEachInBook(BookQuery query, Consumer<BookSignals> each) {
        List<AccountSignals> book;
        synchronized (this) {
            book = byId.values().stream().sorted(Comparator.comparing(s -> s.account().id())).toList();
        }
        BookQuery.IdRange range = query.accounts();
        book.stream()
                .filter(s -> range.from().map(from -> s.account().id().compareTo(from) >= 0).orElse(true)
                        && range.until().map(until -> s.account().id().compareTo(until) < 0).orElse(true))
                .forEach(s -> each.accept(BookSignalsFromHistory.of(window(s, BookSignalsFromHistory.DAWN,
                        query.asOf()), query)));
    }

    /** Every account's signals, usage from {@code usageFrom} (onboarding accounts from {@code onboardingUsageFrom}). */
    public synchronized List<AccountSignals> allSignals(LocalDate usageFrom, LocalDate onboardingUsageFrom, LocalDate asOf) {
        return byId.values().stream()
                .map(s -> window(s, s.account().lifecycleStage() == dev.csbot.account.LifecycleStage.ONBOARDING
                        ? onboardingUsageFrom : usageFrom, asOf))
                .toList();
    }

    private static AccountSignals window(AccountSignals s, LocalDate from, LocalDate to) {
        List<UsageDay> usage = s.usage().stream()
                .filter(d -> !d.date().isBefore(from) && !d.date().isAfter(to))
                .toList();
        return new AccountSignals(s.account(), s.contacts(), usage, s.tickets(), s.feedback(), s.meetings(),
                s.objectives());
    }
}
