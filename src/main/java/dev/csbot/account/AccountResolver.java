package dev.csbot.account;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds the account a person meant: by id, exact name, prefix, a word of the name, or a small typo.
 * Several equally good matches are returned as candidates rather than guessed between. Every step is one
 * pass over the accounts, and the typo search only runs on queries short enough to be a slip of the
 * keyboard, so a long query costs no more than a short one.
 */
public final class AccountResolver {

    /**
     * Longest query the typo search looks at: comparing costs the query's length times each name's, and a
     * longer query is not a typo of a name people type.
     */
    static final int LONGEST_TYPO_QUERY = 64;

    private final Supplier<AccountDirectory> directory;

    /** @param directory the accounts as they stand (the shared snapshot of the book) */
    public AccountResolver(Supplier<AccountDirectory> directory) {
        this.directory = directory;
    }

    public sealed interface Resolution {}

    /** One account. {@code note} says so when the match was a guess (a typo). */
    public record Found(Account account, Optional<String> note) implements Resolution {}

    public record Ambiguous(String query, List<Account> candidates) implements Resolution {}

    public record NotFound(String query, List<Account> nearest) implements Resolution {}

    public Resolution resolve(String rawQuery) {
        String query = rawQuery.trim();
        AccountDirectory accounts = directory.get();
        Optional<Resolution> exact = exactly(query, accounts);
        if (exact.isPresent()) {
            return exact.get();
        }
        String wanted = AccountDirectory.normalize(query);
        List<AccountDirectory.Entry> entries = accounts.entries();
        List<Account> normalized = new ArrayList<>();
        List<Account> prefix = new ArrayList<>();
        List<Account> word = new ArrayList<>();
        for (AccountDirectory.Entry entry : entries) {
            if (entry.normalizedName().equals(wanted)) {
                normalized.add(entry.account());
            } else if (!wanted.isEmpty() && entry.normalizedName().startsWith(wanted)) {
                prefix.add(entry.account());
            } else if (!wanted.isEmpty() && entry.words().stream().anyMatch(w -> w.startsWith(wanted))) {
                word.add(entry.account());
            }
        }
        for (List<Account> matches : List.of(normalized, prefix, word)) {
            if (!matches.isEmpty()) {
                return pick(query, matches, false);
            }
        }
        if (wanted.length() > Math.min(LONGEST_TYPO_QUERY, accounts.longestName() + 2)) {
            return new NotFound(query, List.of());
        }
        int tolerance = wanted.length() <= 3 ? 0 : wanted.length() <= 7 ? 1 : 2;
        List<Scored> typos = new ArrayList<>(entries.size());
        for (AccountDirectory.Entry entry : entries) {
            typos.add(new Scored(entry.account(), distanceToName(wanted, entry)));
        }
        typos.sort(Comparator.comparingInt(Scored::distance).thenComparing(s -> s.account().name()));
        if (!typos.isEmpty() && typos.get(0).distance() <= tolerance) {
            int best = typos.get(0).distance();
            List<Account> closest = typos.stream().filter(s -> s.distance() == best).map(Scored::account).toList();
            return pick(query, closest, true);
        }
        return new NotFound(query, typos.stream().limit(3).map(Scored::account).toList());
    }

    /**
     * Only an exact id or an exact name (ignoring case): for commands that change state, such as linking a
     * channel, where a guess is not good enough. Anything else is not found, with the forgiving matches as
     * the nearest, so the answer can say what the person may have meant.
     */
    public Resolution resolveExactly(String rawQuery) {
        String query = rawQuery.trim();
        AccountDirectory accounts = directory.get();
        Optional<Resolution> exact = exactly(query, accounts);
        if (exact.isPresent()) {
            return exact.get();
        }
        Resolution forgiving = resolve(query);
        List<Account> nearest;
        if (forgiving instanceof Found found) {
            nearest = List.of(found.account());
        } else if (forgiving instanceof Ambiguous ambiguous) {
            nearest = ambiguous.candidates();
        } else {
            nearest = ((NotFound) forgiving).nearest();
        }
        return new NotFound(query, nearest);
    }

    /** An exact id (then ignoring case), then an exact name ignoring case: the path buttons and scripts take. */
    private static Optional<Resolution> exactly(String query, AccountDirectory accounts) {
        Optional<Account> byId = accounts.withId(query);
        if (byId.isPresent()) {
            return Optional.of(new Found(byId.get(), Optional.empty()));
        }
        List<Account> named = accounts.named(query);
        if (!named.isEmpty()) {
            return Optional.of(pick(query, named, false));
        }
        String lowerId = query.toLowerCase(Locale.ROOT);
        List<Account> idIgnoringCase = accounts.entries().stream().filter(e -> e.lowerId().equals(lowerId))
                .map(AccountDirectory.Entry::account).toList();
        return idIgnoringCase.isEmpty() ? Optional.empty() : Optional.of(pick(query, idIgnoringCase, false));
    }

    private static Resolution pick(String query, List<Account> matches, boolean typo) {
        if (matches.size() > 1) {
            return new Ambiguous(query, matches.stream().limit(10).toList());
        }
        Account account = matches.get(0);
        return new Found(account, typo
                ? Optional.of("No account is named \"" + quoted(query) + "\"; showing " + account.name() + ".")
                : Optional.empty());
    }

    /** At most 60 characters of what someone typed, for quoting it back. */
    static String quoted(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }

    /** Unbounded: the nearest three names are suggested however far they are. */
    private static final LevenshteinDistance EDITS = LevenshteinDistance.getDefaultInstance();

    private record Scored(Account account, int distance) {}

    private static int distanceToName(String wanted, AccountDirectory.Entry entry) {
        int best = EDITS.apply(wanted, entry.normalizedName());
        for (String word : entry.words()) {
            best = Math.min(best, EDITS.apply(wanted, word));
        }
        return Math.min(best, EDITS.apply(wanted, entry.lowerId()));
    }
}
