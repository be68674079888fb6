package dev.csbot.account;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Read access to the portfolio. The store implements it; the core never sees SQL. */
public interface AccountRepository {

    List<Account> findAll();

    Optional<Account> findById(String accountId);

    /**
     * A number that changes whenever anything in the portfolio is written (import, API, demo). Writes by
     * this process show at once; the store may take a moment (SQLite: 0.2 s) to show another process's.
     */
    long portfolioVersion();

    /** One account's signals with usage limited to {@code usageFrom} .. {@code asOf} (inclusive). */
    Optional<AccountSignals> signals(String accountId, LocalDate usageFrom, LocalDate asOf);

    /**
     * Every account's signals, read in bulk (a few queries, not one per account). Usage starts at
     * {@code usageFrom}, except for onboarding accounts, whose time to value needs it from
     * {@code onboardingUsageFrom} (earlier).
     */
    List<AccountSignals> allSignals(LocalDate usageFrom, LocalDate onboardingUsageFrom, LocalDate asOf);
}
