package dev.csbot.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every account of one version of the portfolio, by id and by name, in memory, with the forms a name
 * resolver compares against (worked out once here, not on every command). Immutable; a write makes a new one.
 */
public final class AccountDirectory {

    /** One account with its name lower-cased and stripped of punctuation, and that name's words. */
    record Entry(Account account, String normalizedName, List<String> words, String lowerId) {}

    /** The order lists show accounts in. */
    private static final Comparator<Account> BY_NAME = Comparator.comparing(Account::name).thenComparing(Account::id);

    private final List<Account> byName;
    private final List<Entry> entries;
    private final Map<String, Account> byId = new HashMap<>();
    private final Map<String, List<Account>> byLowerName = new HashMap<>();
    private final int longestName;

    private AccountDirectory(List<Account> sortedByName) {
        this.byName = List.copyOf(sortedByName);
        List<Entry> forms = new ArrayList<>(byName.size());
        int longest = 0;
        for (Account account : byName) {
            byId.put(account.id(), account);
            byLowerName.computeIfAbsent(lower(account.name()), k -> new ArrayList<>()).add(account);
            String normalized = normalize(account.name());
            forms.add(new Entry(account, normalized, List.of(normalized.split(" ")), account.id().toLowerCase(Locale.ROOT)));
            longest = Math.max(longest, Math.max(account.name().length(), account.id().length()));
        }
        byLowerName.replaceAll((name, sameName) -> List.copyOf(sameName));
        this.entries = List.copyOf(forms);
        this.longestName = longest;
    }

    public static AccountDirectory of(Collection<Account> accounts) {
        List<Account> sorted = new ArrayList<>(accounts);
        sorted.sort(BY_NAME);
        return new AccountDirectory(sorted);
    }

    /** This directory after a write: the accounts {@code touched} now read as {@code current} (absent: gone). */
    public AccountDirectory with(Set<String> touched, Collection<Account> current) {
        List<Account> accounts = new ArrayList<>(byName.size() + current.size());
        for (Account account : byName) {
            if (!touched.contains(account.id())) {
                accounts.add(account);
            }
        }
        accounts.addAll(current);
        return of(accounts);
    }

    public Optional<Account> withId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Accounts whose name equals {@code name}, ignoring case and surrounding spaces. */
    public List<Account> named(String name) {
        return byLowerName.getOrDefault(lower(name), List.of());
    }

    /** Every account, by name. */
    public List<Account> all() {
        return byName;
    }

    public int size() {
        return byName.size();
    }

    /** The length of the longest name or id. */
    public int longestName() {
        return longestName;
    }

    List<Entry> entries() {
        return entries;
    }

    /** Lower case, punctuation and runs of spaces as one space: "Acme, Inc." reads "acme inc". */
    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (Character.isLetterOrDigit(c) || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER) {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                gap = false;
                out.appendCodePoint(c);
            } else {
                gap = true;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static String lower(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }
}
