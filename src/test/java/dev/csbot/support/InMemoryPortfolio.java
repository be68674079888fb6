package dev.csbot.support;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.account.AccountSignals;
import dev.csbot.account.UsageDay;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link AccountRepository} over signals held in memory, for testing the core without a store. */
public class InMemoryPortfolio implements AccountRepository {

    private final Map<String, AccountSignals> byId = new LinkedHashMap<>();

    private long version;

    public InMemoryPortfolio add(SignalsBuilder builder) {
        version++;
        AccountSignals signals = builder.build();
        byId.put(signals.account().id(), signals);
        return this;
    }

    /** Something written to the portfolio (a chat answer, say): readers keyed by the version read again. */
    public void changed() {
        version++;
    }

    @Override
    public long portfolioVersion() {
        return version;
    }

    @Override
    public List<Account> findAll() {
        return byId.values().stream().map(AccountSignals::account).sorted(Comparator.comparing(Account::name)).toList();
    }

    @Override
    public Optional<Account> findById(String accountId) {
        return Optional.ofNullable(byId.get(accountId)).map(AccountSignals::account);
    }

    @Override
    public Optional<AccountSignals> signals(String accountId, LocalDate usageFrom, LocalDate asOf) {
        return Optional.ofNullable(byId.get(accountId)).map(s -> window(s, usageFrom, asOf));
    }

    @Override
    public List<AccountSignals> allSignals(LocalDate usageFrom, LocalDate onboardingUsageFrom, LocalDate asOf) {
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
