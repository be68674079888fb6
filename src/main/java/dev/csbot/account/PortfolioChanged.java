package dev.csbot.account;

import java.util.Set;

/**
 * Published once after a write to the portfolio commits (a CSV import, a REST upsert or delete, the demo):
 * the accounts it touched. {@code wholeBook} means anything may have changed (a demo load), so listeners
 * should treat every account as touched.
 */
public record PortfolioChanged(Set<String> accountIds, boolean wholeBook) {

    public PortfolioChanged {
        accountIds = Set.copyOf(accountIds);
    }
}
