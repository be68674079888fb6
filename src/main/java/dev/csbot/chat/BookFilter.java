package dev.csbot.chat;

import dev.csbot.account.Segment;
import dev.csbot.health.HealthScore;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which slice of the book a list command looks at: every account, a segment, one CSM's accounts (by
 * email), or the unassigned ones. Spelled forgivingly: "midmarket", "Mid_Market" and "mid market" are
 * mid-market. Kept as the text it round-trips through in a button value and a typed command.
 */
record BookFilter(String text) {

    static final BookFilter ALL = new BookFilter("");
    static final String UNASSIGNED = "unassigned";

    /** The filter a word names, or empty when it names none (the caller says what is accepted). */
    static Optional<BookFilter> of(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.contains("@")) {
            return Optional.of(new BookFilter(lower));
        }
        if (lower.equals(UNASSIGNED) || lower.equals("pooled")) {
            return Optional.of(new BookFilter(UNASSIGNED));
        }
        return segment(lower).map(s -> new BookFilter(s.label()));
    }

    /** "enterprise", "mid-market", "midmarket", "mid_market", "MM", "smb", "small": case and punctuation aside. */
    static Optional<Segment> segment(String word) {
        String letters = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (letters) {
            case "enterprise", "enterprises", "ent" -> Optional.of(Segment.ENTERPRISE);
            case "midmarket", "mid", "mm" -> Optional.of(Segment.MID_MARKET);
            case "smb", "smbs", "small", "smallbusiness" -> Optional.of(Segment.SMB);
            default -> Optional.empty();
        };
    }

    /** "mid market" as two words is one segment: joined before the words are read one by one. */
    static String joinTwoWordSegments(String argument) {
        return argument.replaceAll("(?i)\\bmid[\\s_]+market\\b", "mid-market")
                .replaceAll("(?i)\\bsmall[\\s_]+business\\b", "smb");
    }

    static String knownSegments() {
        return String.join(", ", Arrays.stream(Segment.values()).map(Segment::label).toList());
    }

    boolean matches(HealthScore health) {
        if (text.isEmpty()) {
            return true;
        }
        String csm = health.account().csmEmail();
        if (text.equals(UNASSIGNED)) {
            return csm == null || csm.isBlank();
        }
        if (text.contains("@")) {
            return text.equalsIgnoreCase(csm);
        }
        return health.account().segment().label().equals(text);
    }

    boolean isAll() {
        return text.isEmpty();
    }

    /** "all accounts", "enterprise accounts", "accounts of dana@x", "unassigned accounts". */
    String describe() {
        if (text.isEmpty()) {
            return "all accounts";
        }
        return text.contains("@") ? "accounts of " + text : text + " accounts";
    }
}
