package dev.csbot.health;

import dev.csbot.account.Account;
import dev.csbot.account.AccountSignals;
import dev.csbot.account.Contact;
import dev.csbot.account.FeedbackKind;
import dev.csbot.account.FeedbackResponse;
import dev.csbot.account.Meeting;
import dev.csbot.account.MeetingKind;
import dev.csbot.account.Segment;
import dev.csbot.account.Ticket;
import dev.csbot.account.TicketCounts;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Computes each measure of the scorecard for one account as of one day. Everything dated after
 * {@code asOf} is ignored, so the same signals give the score of any earlier day (for the trend).
 */
final class MeasureCalculator {

    private final Scorecard.Measures config;

    MeasureCalculator(Scorecard scorecard) {
        this.config = scorecard.measures();
    }

    MeasureResult evaluate(Measure measure, AccountSignals signals, UsageSeries usage, LocalDate asOf) {
        return switch (measure) {
            case LICENSE_UTILIZATION -> licenseUtilization(signals.account(), usage, asOf);
            case USAGE_TREND -> usageTrend(usage, asOf);
            case ADOPTION_BREADTH -> adoptionBreadth(usage, asOf);
            case TIME_TO_VALUE -> timeToValue(signals.account(), usage, asOf);
            case SUPPORT_BURDEN -> supportBurden(signals.tickets(), asOf);
            case SENTIMENT -> sentiment(signals.feedback(), asOf);
            case ENGAGEMENT -> engagement(signals.account().segment(), signals.meetings(), asOf);
            case RELATIONSHIP -> relationship(signals.account().segment(), signals.contacts(), asOf);
        };
    }

    private MeasureResult licenseUtilization(Account account, UsageSeries usage, LocalDate asOf) {
        var c = config.licenseUtilization();
        if (account.seatsPurchased() <= 0) {
            return MeasureResult.missing(Measure.LICENSE_UTILIZATION, "no seats purchased on record");
        }
        UsageSeries.Window window = usage.window(asOf.minusDays(c.windowDays()), asOf);
        if (window.isEmpty()) {
            return MeasureResult.missing(Measure.LICENSE_UTILIZATION,
                    "no usage data in the last " + c.windowDays() + " days");
        }
        double utilization = window.meanActiveUsers() / account.seatsPurchased();
        return MeasureResult.scored(Measure.LICENSE_UTILIZATION, utilization / c.fullMarksAt() * 100,
                () -> String.format(Locale.ROOT, "%d%% of %,d seats active (%s a day over %d days)",
                        Math.round(utilization * 100), account.seatsPurchased(),
                        users(window.meanActiveUsers()), c.windowDays()));
    }

    private MeasureResult usageTrend(UsageSeries usage, LocalDate asOf) {
        var c = config.usageTrend();
        int w = c.windowDays();
        UsageSeries.Window recent = usage.window(asOf.minusDays(w), asOf);
        UsageSeries.Window prior = usage.window(asOf.minusDays(2L * w), asOf.minusDays(w));
        if (recent.isEmpty() || prior.isEmpty()) {
            return MeasureResult.missing(Measure.USAGE_TREND,
                    "needs " + (2 * w) + " days of usage history to compare" + usage.firstDay()
                            .map(first -> " (usage data starts " + first + ")").orElse(""));
        }
        double before = prior.meanActiveUsers();
        double after = recent.meanActiveUsers();
        // A handful of users is not a trend: measured against a minimum base, 2 -> 1 is not "down 50%".
        boolean fewUsers = before < c.minBase();
        double base = Math.max(before, c.minBase());
        double change = base == 0 ? (after == 0 ? 0 : 1) : (after - before) / base;
        double score = change >= 0
                ? c.flatScore() + (100 - c.flatScore()) * Math.min(1, change / c.riseToFull())
                : c.flatScore() * Math.max(0, 1 + change / c.dropToZero());
        return MeasureResult.scored(Measure.USAGE_TREND, score,
                () -> fewUsers ? fewUsersEvidence(w, before, after) : trendEvidence(w, before, after, change));
    }

    private static String trendEvidence(int windowDays, double before, double after, double change) {
        if (Math.round(change * 100) == 0) {
            return String.format(Locale.ROOT, "active users flat over %d days: %s -> %s", windowDays, whole(before),
                    whole(after));
        }
        return String.format(Locale.ROOT, "active users %s %d%% over %d days: %s -> %s", change > 0 ? "up" : "down",
                Math.abs(Math.round(change * 100)), windowDays, whole(before), whole(after));
    }

    /** Counts, not a percentage: "active users down from 2.4 to 1.6 a day over 14 days". */
    private static String fewUsersEvidence(int windowDays, double before, double after) {
        String from = count(before);
        String to = count(after);
        if (from.equals(to)) {
            return String.format(Locale.ROOT, "active users flat at %s a day over %d days", from, windowDays);
        }
        return String.format(Locale.ROOT, "active users %s from %s to %s a day over %d days (too few for a percentage)",
                after > before ? "up" : "down", from, to, windowDays);
    }

    private MeasureResult adoptionBreadth(UsageSeries usage, LocalDate asOf) {
        var c = config.adoptionBreadth();
        UsageSeries.Window window = usage.window(asOf.minusDays(c.windowDays()), asOf);
        if (window.isEmpty()) {
            return MeasureResult.missing(Measure.ADOPTION_BREADTH,
                    "no usage data in the last " + c.windowDays() + " days");
        }
        return MeasureResult.scored(Measure.ADOPTION_BREADTH, 100.0 * window.maxKeyFeatures() / c.fullMarksAt(),
                () -> String.format(Locale.ROOT, "%d of the %d key features in use (best day of the last %d)",
                        window.maxKeyFeatures(), c.fullMarksAt(), c.windowDays()));
    }

    private MeasureResult timeToValue(Account account, UsageSeries usage, LocalDate asOf) {
        var c = config.timeToValue();
        long daysIn = ChronoUnit.DAYS.between(account.contractStart(), asOf);
        Optional<LocalDate> firstValue = firstValue(account, usage, asOf);
        int percent = (int) Math.round(c.firstValueUtilization() * 100);
        if (firstValue.isPresent()) {
            long took = ChronoUnit.DAYS.between(account.contractStart(), firstValue.get());
            double score = took <= c.targetDays() ? 100
                    : Math.max(60, 100 - 40.0 * (took - c.targetDays()) / (c.overdueDays() - c.targetDays()));
            return MeasureResult.scored(Measure.TIME_TO_VALUE, score, () -> String.format(Locale.ROOT,
                    "first value (%d%% of seats active) reached on day %d, target %d", percent, took, c.targetDays()));
        }
        UsageSeries.Window sinceStart = usage.window(account.contractStart().minusDays(1), asOf);
        if (sinceStart.isEmpty()) {
            return MeasureResult.missing(Measure.TIME_TO_VALUE,
                    "no usage data since the contract started " + daysIn + " days ago");
        }
        if (daysIn <= c.targetDays()) {
            return MeasureResult.scored(Measure.TIME_TO_VALUE, 75, () -> String.format(Locale.ROOT,
                    "ramping: day %d of %d, first value (%d%% of seats active) not reached yet",
                    daysIn, c.targetDays(), percent));
        }
        // Past the target: 75 falling to 50 at the stall day, then to 0 at the overdue day.
        long stalledAfter = c.stalledAfterDays();
        double score = daysIn < stalledAfter
                ? 75 - 25.0 * (daysIn - c.targetDays()) / (stalledAfter - c.targetDays())
                : 50.0 * Math.max(0, c.overdueDays() - daysIn) / (c.overdueDays() - stalledAfter);
        return MeasureResult.scored(Measure.TIME_TO_VALUE, score, () -> String.format(Locale.ROOT,
                "first value not reached after %d days (target %d%s): %s of %,d seats active a day",
                daysIn, c.targetDays(), daysIn >= stalledAfter ? ", stalled since day " + stalledAfter : "",
                whole(sinceStart.meanActiveUsers()), account.seatsPurchased()));
    }

    /** First value: the first day since contract start with the configured share of seats active. */
    private Optional<LocalDate> firstValue(Account account, UsageSeries usage, LocalDate asOf) {
        double threshold = Math.max(1, config.timeToValue().firstValueUtilization() * account.seatsPurchased());
        return usage.firstDayReaching(threshold, account.contractStart(), asOf);
    }

    /**
     * Whether onboarding has stalled: usage data exists, yet first value is not reached by the stall day
     * (target x stalled_at, day 45 for a 30-day target).
     */
    boolean onboardingStalled(Account account, UsageSeries usage, LocalDate asOf) {
        long daysIn = ChronoUnit.DAYS.between(account.contractStart(), asOf);
        return daysIn >= config.timeToValue().stalledAfterDays()
                && !usage.window(account.contractStart().minusDays(1), asOf).isEmpty()
                && firstValue(account, usage, asOf).isEmpty();
    }

    private MeasureResult supportBurden(List<Ticket> tickets, LocalDate asOf) {
        return supportBurden(TicketCounts.of(tickets, asOf, ticketWindows(config)));
    }

    /** The windows support burden counts tickets over: recent, and the baseline before it. */
    static TicketCounts.Windows ticketWindows(Scorecard.Measures measures) {
        var c = measures.supportBurden();
        return new TicketCounts.Windows(c.recentDays(), c.baselineDays());
    }

    /** Support burden from an account's tickets counted as of the day weighed. */
    MeasureResult supportBurden(TicketCounts counts) {
        var c = config.supportBurden();
        if (counts.onRecord() == 0) {
            return MeasureResult.scored(Measure.SUPPORT_BURDEN, 100, "no tickets on record");
        }
        long urgent = counts.urgentOpen();
        long high = counts.highOpen();
        long recent = counts.recent();
        double baselinePerWindow = (double) counts.baseline() * c.recentDays() / c.baselineDays();
        // A floor of two tickets per window keeps a couple of tickets at a quiet account from reading as a spike.
        double ratio = recent / Math.max(2.0, baselinePerWindow);
        double spikePenalty = ratio >= c.spikeRatio() ? c.spikePenalty()
                : ratio >= (1 + c.spikeRatio()) / 2 ? c.spikePenalty() / 2 : 0;
        double score = 100 - urgent * c.openUrgentPenalty() - high * c.openHighPenalty() - spikePenalty;
        return MeasureResult.scored(Measure.SUPPORT_BURDEN, score,
                () -> supportEvidence(urgent, high, recent, baselinePerWindow, c.recentDays()));
    }

    private static String supportEvidence(long urgent, long high, long recent, double baselinePerWindow, int days) {
        StringBuilder evidence = new StringBuilder();
        if (urgent + high > 0) {
            evidence.append(plural(urgent, "urgent ticket")).append(" and ").append(plural(high, "high ticket"))
                    .append(" open; ");
        } else {
            evidence.append("no urgent or high tickets open; ");
        }
        evidence.append(String.format(Locale.ROOT, "%s in the last %d days vs %s before", plural(recent, "ticket"),
                days, oneDecimal(baselinePerWindow) + " per " + days + " days"));
        return evidence.toString();
    }

    private MeasureResult sentiment(List<FeedbackResponse> feedback, LocalDate asOf) {
        var c = config.sentiment();
        LocalDate oldest = asOf.minusDays(c.maxAgeDays());
        List<FeedbackResponse> recent = feedback.stream()
                .filter(f -> !f.date().isAfter(asOf) && f.date().isAfter(oldest))
                .toList();
        if (recent.isEmpty()) {
            return MeasureResult.missing(Measure.SENTIMENT, "no survey responses in the last " + c.maxAgeDays() + " days");
        }
        double weighted = 0;
        double weights = 0;
        for (FeedbackResponse response : recent) {
            long age = ChronoUnit.DAYS.between(response.date(), asOf);
            double weight = Math.pow(0.5, (double) age / c.halfLifeDays());
            weighted += weight * normalized(response);
            weights += weight;
        }
        Said latest = Said.of(recent.stream().max(Comparator.comparing(FeedbackResponse::date)).orElseThrow());
        List<FeedbackResponse> detractors = recent.stream().filter(FeedbackResponse::detractor).toList();
        Said lastDetractor = detractors.stream().max(Comparator.comparing(FeedbackResponse::date)).map(Said::of)
                .orElse(null);
        // The evidence keeps what it says, not the responses: a ranking holds it for every account of the book.
        int responses = recent.size();
        int detractorCount = detractors.size();
        return MeasureResult.scored(Measure.SENTIMENT, weighted / weights,
                () -> sentimentEvidence(responses, latest, detractorCount, lastDetractor, c.maxAgeDays()));
    }

    /** What the sentiment evidence says of one response. */
    private record Said(FeedbackKind kind, int score, LocalDate date, boolean detractor) {
        static Said of(FeedbackResponse response) {
            return new Said(response.kind(), response.score(), response.date(), response.detractor());
        }

        @Override
        public String toString() {
            return kind.label().toUpperCase(Locale.ROOT) + " " + score + " on " + date;
        }
    }

    /**
     * The latest response, and when that one is happy but an earlier one was not, the unhappy ones too:
     * "latest NPS 9" alone would read as a good signal while detractors pull the measure down.
     */
    private static String sentimentEvidence(int responses, Said latest, int detractors, Said lastDetractor,
            int maxAgeDays) {
        String count = plural(responses, "response") + " in " + maxAgeDays + " days";
        if (latest.detractor()) {
            return "latest " + latest + " (detractor); " + count;
        }
        if (detractors == 0) {
            return "latest " + latest + "; " + count;
        }
        return plural(detractors, "detractor") + " (last " + lastDetractor + "), latest " + latest + "; " + count;
    }

    /** Puts NPS, CSAT and CES on one 0-100 scale. NPS detractors (0-6) land below 40. */
    static double normalized(FeedbackResponse response) {
        int s = response.score();
        return switch (response.kind()) {
            case NPS -> s >= 9 ? 100 : s >= 7 ? 70 : s / 6.0 * 40;
            case CSAT -> (s - 1) / 4.0 * 100;
            case CES -> (s - 1) / 6.0 * 100;
        };
    }

    private MeasureResult engagement(Segment segment, List<Meeting> meetings, LocalDate asOf) {
        var c = config.engagement();
        Meeting last = null;
        boolean executiveInWindow = false;
        LocalDate executiveFrom = asOf.minusDays(c.execWindowDays());
        for (Meeting meeting : meetings) {
            if (meeting.date().isAfter(asOf)) {
                continue;
            }
            if (last == null || meeting.date().isAfter(last.date())) {
                last = meeting;
            }
            executiveInWindow |= meeting.execAttended() && meeting.date().isAfter(executiveFrom);
        }
        if (last == null) {
            return MeasureResult.missing(Measure.ENGAGEMENT, "no meetings on record");
        }
        return engagement(segment, new MeetingFacts(ChronoUnit.DAYS.between(last.date(), asOf), last.kind(),
                last.date(), executiveInWindow));
    }

    /**
     * What engagement reads of the meetings held by one day, whatever the segment: how long ago the last one was (its
     * kind and date for the evidence), and whether an executive attended one within the window.
     */
    private record MeetingFacts(long daysSinceLast, MeetingKind lastKind, LocalDate lastDate,
            boolean executiveInWindow) {}

    /** Engagement for {@code segment}, which sets the cadence expected and whether an executive is. */
    private MeasureResult engagement(Segment segment, MeetingFacts facts) {
        var c = config.engagement();
        long since = facts.daysSinceLast();
        int cadence = c.cadenceDays().getOrDefault(segment.label(), 60);
        double overdueAt = cadence * c.overdueAfter();
        boolean overdue = since >= overdueAt;
        // Full marks on cadence, falling to overdue_score at overdue_after x cadence, then to 0 a cadence later.
        double score = since <= cadence ? 100
                : !overdue ? 100 - (100 - c.overdueScore()) * (since - cadence) / (overdueAt - cadence)
                : c.overdueScore() * Math.max(0, 1 - (since - overdueAt) / cadence);
        boolean execMissing = segment != Segment.SMB && !facts.executiveInWindow();
        if (execMissing) {
            score -= c.noExecPenalty();
        }
        return MeasureResult.scored(Measure.ENGAGEMENT, score, () -> String.format(Locale.ROOT,
                "last meeting %d days ago (%s on %s), expected every %d days", since, facts.lastKind().label(),
                facts.lastDate(), cadence)
                + (overdue ? ": overdue, more than " + times(c.overdueAfter()) + " the cadence" : "")
                + (execMissing ? "; no executive in a meeting for " + c.execWindowDays() + " days" : ""),
                other -> engagement(other, facts));
    }

    private static String times(double multiple) {
        return multiple == 2 ? "twice" : oneDecimal(multiple) + " times";
    }

    private MeasureResult relationship(Segment segment, List<Contact> contacts, LocalDate asOf) {
        var c = config.relationship();
        if (contacts.isEmpty()) {
            return MeasureResult.missing(Measure.RELATIONSHIP, "no contacts on record");
        }
        LocalDate recentFrom = asOf.minusDays(c.recentDepartureDays());
        List<Contact> championsLeft = leftBetween(contacts, recentFrom, asOf, Contact::champion);
        List<Contact> sponsorsLeft = leftBetween(contacts, recentFrom, asOf, Contact::execSponsor);
        Optional<Contact> champion = contacts.stream().filter(p -> p.champion() && p.activeOn(asOf)).findFirst();
        boolean sponsor = contacts.stream().anyMatch(p -> p.execSponsor() && p.activeOn(asOf));

        double score;
        // Names and dates only, never the rows: the words are written when read, maybe long after.
        Supplier<String> said;
        if (!championsLeft.isEmpty()) {
            Contact gone = championsLeft.get(championsLeft.size() - 1);
            String left = "champion " + gone.name() + " (" + gone.title() + ") left on " + gone.leftOn().orElseThrow();
            if (champion.isEmpty()) {
                score = c.championLeftScore();
                said = () -> left + ", no champion since";
            } else {
                score = (c.championLeftScore() + 100) / 2;
                String next = champion.get().name();
                said = () -> left + "; new champion " + next;
            }
        } else if (champion.isEmpty()) {
            score = c.noChampionScore();
            said = () -> "no champion named";
        } else {
            score = 100;
            String name = champion.get().name();
            said = () -> "champion " + name + " in place";
        }
        if (!sponsorsLeft.isEmpty()) {
            Contact gone = sponsorsLeft.get(sponsorsLeft.size() - 1);
            score -= c.sponsorLeftPenalty();
            String name = gone.name();
            LocalDate on = gone.leftOn().orElseThrow();
            Supplier<String> before = said;
            said = () -> before.get() + "; executive sponsor " + name + " left on " + on;
        }
        return relationship(segment, new ContactFacts(score, said, sponsorsLeft.isEmpty() && !sponsor));
    }

    /**
     * What relationship reads of the contacts on one day, whatever the segment: the score and words of the champions
     * and of a sponsor who left, and whether no sponsor is in place (which costs an enterprise points).
     */
    private record ContactFacts(double score, Supplier<String> evidence, boolean noSponsor) {}

    /** Relationship for {@code segment}: only an enterprise is expected to have an executive sponsor. */
    private MeasureResult relationship(Segment segment, ContactFacts facts) {
        boolean sponsorExpected = facts.noSponsor() && segment == Segment.ENTERPRISE;
        double score = sponsorExpected ? facts.score() - config.relationship().noSponsorPenalty() : facts.score();
        Supplier<String> evidence = sponsorExpected ? () -> facts.evidence().get() + "; no executive sponsor"
                : facts.evidence();
        return MeasureResult.scored(Measure.RELATIONSHIP, score, evidence, other -> relationship(other, facts));
    }

    private static List<Contact> leftBetween(List<Contact> contacts, LocalDate fromExclusive, LocalDate to,
            java.util.function.Predicate<Contact> role) {
        return contacts.stream()
                .filter(role)
                .filter(p -> p.leftOn().filter(d -> d.isAfter(fromExclusive) && !d.isAfter(to)).isPresent())
                .sorted(Comparator.comparing(p -> p.leftOn().orElseThrow()))
                .toList();
    }

    static String whole(double value) {
        return String.valueOf(Math.round(value));
    }

    /** Small counts keep a decimal (2.4 users a day is not "2"); larger ones are whole numbers. */
    private static String count(double value) {
        return value < 10 ? oneDecimal(Math.round(value * 10) / 10.0) : whole(value);
    }

    /** "1 user", "381 users", "1,175 users", "2.4 users". */
    private static String users(double perDay) {
        long rounded = Math.round(perDay);
        return String.format(Locale.ROOT, "%,d user%s", rounded, rounded == 1 ? "" : "s");
    }

    private static String oneDecimal(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
