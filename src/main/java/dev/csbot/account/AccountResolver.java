package dev.csbot.account;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Finds the account a person meant: by id, exact name, prefix, a word of the name, or a small typo.
 * Several equally good matches are returned as candidates rather than guessed between.
 */
public final class AccountResolver {

    private final AccountRepository accounts;
    private final AtomicReference<AccountDirectory> directory = new AtomicReference<>();

    public AccountResolver(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The accounts as of the portfolio's current version, read again only after a write. */
    private AccountDirectory directory() {
        // Version before data: a write in between only means the next call reads the accounts again.
        long version = accounts.portfolioVersion();
        AccountDirectory known = directory.get();
        if (known != null && known.version() == version) {
            return known;
        }
        AccountDirectory fresh = new AccountDirectory(version, accounts.findAll());
        directory.set(fresh);
        return fresh;
    }

    public sealed interface Resolution {}

    /** One account. {@code note} says so when the match was a guess (a typo, a prefix). */
    public record Found(Account account, Optional<String> note) implements Resolution {}

    public record Ambiguous(String query, List<Account> candidates) implements Resolution {}

    public record NotFound(String query, List<Account> nearest) implements Resolution {}

    public Resolution resolve(String rawQuery) {
        String query = rawQuery.trim();
        AccountDirectory directory = directory();
        // Exact id, then exact name: the path that buttons, scripts and most people take.
        Optional<Account> byId = directory.withId(query);
        if (byId.isPresent()) {
            return new Found(byId.get(), Optional.empty());
        }
        List<Account> named = directory.named(query);
        if (!named.isEmpty()) {
            return pick(query, named, false);
        }
        String wanted = normalize(query);
        List<Account> all = directory.all();
        List<Account> exact = all.stream().filter(a -> normalize(a.name()).equals(wanted)
                || a.id().equalsIgnoreCase(query)).toList();
        if (!exact.isEmpty()) {
            return pick(query, exact, false);
        }
        List<Account> prefix = all.stream().filter(a -> normalize(a.name()).startsWith(wanted)).toList();
        if (!prefix.isEmpty()) {
            return pick(query, prefix, false);
        }
        List<Account> word = all.stream()
                .filter(a -> words(a.name()).stream().anyMatch(w -> w.startsWith(wanted)))
                .toList();
        if (!word.isEmpty()) {
            return pick(query, word, false);
        }
        int tolerance = wanted.length() <= 3 ? 0 : wanted.length() <= 7 ? 1 : 2;
        List<Scored> typos = new ArrayList<>();
        for (Account account : all) {
            typos.add(new Scored(account, distanceToName(wanted, account)));
        }
        typos.sort(Comparator.comparingInt(Scored::distance).thenComparing(s -> s.account().name()));
        if (!typos.isEmpty() && typos.get(0).distance() <= tolerance) {
            int best = typos.get(0).distance();
            List<Account> closest = typos.stream().filter(s -> s.distance() == best).map(Scored::account).toList();
            return pick(query, closest, true);
        }
        return new NotFound(query, typos.stream().limit(3).map(Scored::account).toList());
    }

    private static Resolution pick(String query, List<Account> matches, boolean typo) {
        if (matches.size() > 1) {
            return new Ambiguous(query, matches.stream().limit(10).toList());
        }
        Account account = matches.get(0);
        boolean guessed = typo || !normalize(account.name()).equals(normalize(query));
        return new Found(account, guessed && typo
                ? Optional.of("No account is named \"" + query + "\"; showing " + account.name() + ".")
                : Optional.empty());
    }

    private record Scored(Account account, int distance) {}

    private static int distanceToName(String wanted, Account account) {
        int best = levenshtein(wanted, normalize(account.name()));
        for (String word : words(account.name())) {
            best = Math.min(best, levenshtein(wanted, word));
        }
        return Math.min(best, levenshtein(wanted, account.id().toLowerCase(Locale.ROOT)));
    }

    static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static List<String> words(String name) {
        return List.of(normalize(name).split(" "));
    }

    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
