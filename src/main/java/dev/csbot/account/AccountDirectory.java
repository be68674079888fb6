package dev.csbot.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every account of one version of the portfolio, by id and by name (ignoring case), in memory: the
 * lookups a name resolver makes on every command, without a query each. Read-only once built.
 */
final class AccountDirectory {

    private final long version;
    private final List<Account> byName;
    private final Map<String, Account> byId = new HashMap<>();
    private final Map<String, List<Account>> byLowerName = new HashMap<>();

    /** @param accounts every account, in the order lists should show them (by name) */
    AccountDirectory(long version, List<Account> accounts) {
        this.version = version;
        this.byName = List.copyOf(accounts);
        for (Account account : byName) {
            byId.put(account.id(), account);
            byLowerName.computeIfAbsent(lower(account.name()), k -> new ArrayList<>()).add(account);
        }
        byLowerName.replaceAll((name, sameName) -> List.copyOf(sameName));
    }

    long version() {
        return version;
    }

    Optional<Account> withId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Accounts whose name equals {@code name}, ignoring case. */
    List<Account> named(String name) {
        return byLowerName.getOrDefault(lower(name), List.of());
    }

    List<Account> all() {
        return byName;
    }

    private static String lower(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }
}
