package dev.csbot.chat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The words after a list command ({@code /risks}, {@code /renewals}): a slice of the book, one number
 * (how many, or how many days), and {@code page N}. Every word that does not fit says why, with the
 * allowed range, instead of failing later.
 *
 * @param page the page asked for, from 1
 */
record ListArguments(BookFilter filter, OptionalInt number, int page) {

    /** What a list command's number means and the range it must be in. */
    record NumberRule(String name, int min, int max) {
        /** "1-500", for usage lines. */
        String range() {
            return String.format(Locale.ROOT, "%,d-%,d", min, max);
        }

        /** "from 1 to 500", for sentences. */
        String fromTo() {
            return String.format(Locale.ROOT, "from %,d to %,d", min, max);
        }
    }

    /** Either the arguments, or the problem in the user's words. */
    record Outcome(Optional<ListArguments> arguments, String problem) {
        static Outcome of(ListArguments arguments) {
            return new Outcome(Optional.of(arguments), "");
        }

        static Outcome problem(String problem) {
            return new Outcome(Optional.empty(), problem);
        }
    }

    /** Longer digit strings are out of every range: refused before they are parsed. */
    private static final int MAX_DIGITS = 9;

    static Outcome parse(String argument, Caller caller, NumberRule rule) {
        BookFilter filter = BookFilter.ALL;
        OptionalInt number = OptionalInt.empty();
        int page = 1;
        String joined = BookFilter.joinTwoWordSegments(argument.strip());
        List<String> words = joined.isEmpty() ? List.of() : List.of(joined.split("\\s+"));
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.equals("page")) {
                Optional<Integer> asked = i + 1 < words.size() ? whole(words.get(i + 1)) : Optional.empty();
                if (asked.isEmpty() || asked.get() < 1 || asked.get() > Paging.MAX_PAGE) {
                    return Outcome.problem("\"page\" needs a page number from 1 to " + Paging.MAX_PAGE
                            + " after it, for example \"page 2\".");
                }
                page = asked.get();
                i++;
            } else if (word.chars().allMatch(Character::isDigit)) {
                Optional<Integer> value = whole(word);
                if (value.isEmpty() || value.get() < rule.min() || value.get() > rule.max()) {
                    return Outcome.problem("The " + rule.name() + " must be a whole number " + rule.fromTo()
                            + " (got " + shown(word) + ").");
                }
                if (number.isPresent()) {
                    return Outcome.problem("Give one " + rule.name() + ", not two (got " + number.getAsInt() + " and "
                            + value.get() + ").");
                }
                number = OptionalInt.of(value.get());
            } else if (lower.equals("mine") || lower.equals("me")) {
                if (caller.email().isEmpty()) {
                    return Outcome.problem("\"mine\" needs your email address, and csbot could not read it. Name the"
                            + " CSM's email instead (from the command line, or add --as EMAIL).");
                }
                filter = new BookFilter(caller.email().get().toLowerCase(Locale.ROOT));
            } else {
                Optional<BookFilter> named = BookFilter.of(word);
                if (named.isEmpty()) {
                    return Outcome.problem("\"" + shown(word) + "\" is not a segment (" + BookFilter.knownSegments()
                            + "), a CSM's email, \"mine\" or \"unassigned\"." + nearest(lower));
                }
                filter = named.get();
            }
        }
        return Outcome.of(new ListArguments(filter, number, page));
    }

    private static Optional<Integer> whole(String word) {
        if (word.isEmpty() || word.length() > MAX_DIGITS || !word.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(word));
    }

    /** A bad word is echoed back, but never at length. */
    static String shown(String word) {
        return word.length() <= 24 ? word : word.substring(0, 24) + "…";
    }

    /** " Did you mean enterprise?" for a small typo of a known word. */
    private static String nearest(String word) {
        if (word.length() > 20) {
            return "";
        }
        return Typos.nearest(word, List.of("enterprise", "mid-market", "smb", "mine", "unassigned"))
                .map(known -> " Did you mean " + known + "?").orElse("");
    }
}
