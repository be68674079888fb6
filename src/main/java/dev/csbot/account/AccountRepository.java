package dev.csbot.account;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Read access to the portfolio. The store implements it; the core never sees SQL. */
public interface AccountRepository {

    List<Account> findAll();

    Optional<Account> findById(String accountId);

    /** The accounts among {@code accountIds} that exist, in no particular order. */
    default List<Account> findAllById(Collection<String> accountIds) {
        return accountIds.stream().distinct().map(this::findById).flatMap(Optional::stream).toList();
    }

    /** A number that moves on with every write to the portfolio (import, API, demo), from any process. */
    long portfolioVersion();

    /**
     * The accounts written after version {@code fromVersion} up to {@code toVersion}, or empty when the
     * store cannot tell (the versions are too far apart, or a write could not name its accounts): then
     * anything may have changed.
     */
    default Optional<Set<String>> changedBetween(long fromVersion, long toVersion) {
        return fromVersion == toVersion ? Optional.of(Set.of()) : Optional.empty();
    }

    /**
     * When every write after version {@code fromVersion} up to {@code toVersion} wrote usage rows and nothing
     * else: the earliest day any of them wrote. Empty when one wrote something else, or the store cannot tell.
     * Scores from before such writes need only their usage read again.
     */
    default Optional<LocalDate> usageOnlyWrittenFrom(long fromVersion, long toVersion) {
        return Optional.empty();
    }

    /**
     * The tables written after version {@code fromVersion} up to {@code toVersion} when none of those writes wrote or
     * removed usage rows (none written: empty); empty when one did, or the store cannot tell. The usage totals summed
     * at {@code fromVersion} then still hold, and after writes of {@code accounts} alone the other tables do too.
     */
    default Optional<Set<String>> tablesWrittenWithoutUsage(long fromVersion, long toVersion) {
        return fromVersion == toVersion ? Optional.of(Set.of()) : Optional.empty();
    }

    /** One account's signals with usage limited to {@code usageFrom} .. {@code asOf} (inclusive). */
    Optional<AccountSignals> signals(String accountId, LocalDate usageFrom, LocalDate asOf);

    /**
     * Every account's signals as of a day, limited to what the caller evaluates ({@link BookQuery}): the
     * read behind ranking the book and scanning it for alerts. Accounts come one at a time, in account id
     * order, so a reader holds one account's rows at a time however large the book is.
     */
    void forEachInBook(BookQuery query, Consumer<BookSignals> each);

    /** {@link #forEachInBook} for some accounts only (those a write touched); ids that do not exist are skipped. */
    default void forEachOf(Set<String> accountIds, BookQuery query, Consumer<BookSignals> each) {
        accountIds.stream().sorted()
                .flatMap(id -> signals(id, BookSignalsFromHistory.DAWN, query.asOf()).stream())
                .forEach(signals -> each.accept(BookSignalsFromHistory.of(signals, query)));
    }
}
