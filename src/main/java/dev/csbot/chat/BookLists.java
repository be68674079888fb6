package dev.csbot.chat;

import dev.csbot.account.Segment;
import dev.csbot.health.HealthScore;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The book-of-business lists of {@code /risks} and {@code /renewals} for callers other than chat (the REST API):
 * the same slices, ranking, window and main risk, so that every door gives one answer.
 */
public final class BookLists {

    public static final int MAX_LIMIT = RiskQuery.MAX_LIMIT;
    public static final int DEFAULT_LIMIT = RiskQuery.DEFAULT_LIMIT;
    public static final int DEFAULT_DAYS = RenewalsAnswer.DEFAULT_DAYS;
    public static final int MIN_DAYS = RenewalsAnswer.MIN_DAYS;
    public static final int MAX_DAYS = RenewalsAnswer.MAX_DAYS;

    private BookLists() {}

    /** A segment however it is spelled ("mid market", "MM", "Mid_Market"), as chat reads it. */
    public static Optional<Segment> segment(String word) {
        return BookFilter.segment(BookFilter.joinTwoWordSegments(word.strip()));
    }

    /** "enterprise, mid-market, smb". */
    public static String knownSegments() {
        return BookFilter.knownSegments();
    }

    /** The accounts of one CSM (an email, any case) or, for "unassigned", those without one; empty otherwise. */
    public static Optional<Predicate<HealthScore>> owner(String emailOrUnassigned) {
        String word = emailOrUnassigned.strip();
        if (!word.contains("@") && !word.equalsIgnoreCase(BookFilter.UNASSIGNED)) {
            return Optional.empty();
        }
        return BookFilter.of(word).map(filter -> filter::matches);
    }

    /** The slice ranked by ARR at risk, most first, as {@code /risks} ranks it. */
    public static List<HealthScore> byRisk(List<HealthScore> book, Predicate<HealthScore> slice) {
        return book.stream().filter(slice).sorted(RiskQuery.BY_RISK).toList();
    }

    /** The slice's renewals from {@code today} to {@code days} later, soonest first, as {@code /renewals} lists them. */
    public static List<HealthScore> renewing(List<HealthScore> book, LocalDate today, int days,
            Predicate<HealthScore> slice) {
        return RenewalsAnswer.due(book, today, days, slice);
    }

    /** The main risk in the words chat uses, when a driver costs more than a few points. */
    public static Optional<String> mainRisk(HealthScore health) {
        return Formats.mainRisk(health);
    }
}
