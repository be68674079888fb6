package dev.csbot.slack;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;

/** Acme, as the demo portfolio (loaded at start-up in integration tests) defines it. */
final class SlackTestPortfolio {

    private SlackTestPortfolio() {}

    static Account acme(AccountRepository accounts) {
        return accounts.findAll().stream().filter(a -> a.name().equalsIgnoreCase("Acme")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo portfolio has no Acme: is csbot.serve.demo on?"));
    }
}
