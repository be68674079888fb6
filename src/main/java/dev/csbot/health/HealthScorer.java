package dev.csbot.health;

import dev.csbot.account.Account;
import dev.csbot.account.AccountSignals;
import dev.csbot.account.BookQuery;
import dev.csbot.account.BookSignals;
import dev.csbot.account.BookTable;
import dev.csbot.account.FeedbackResponse;
import dev.csbot.account.LifecycleStage;
import dev.csbot.account.Meeting;
import dev.csbot.account.Segment;
import dev.csbot.account.TicketCounts;
import dev.csbot.account.UsageSummary;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/** Turns an account's signals into a {@link HealthScore} by the {@link Scorecard}. Pure: no I/O, no clock. */
public final class HealthScorer {

    /** A green account's weak spot is worth a playbook when it costs at least this many points. */
    static final double GREEN_WEAK_SPOT_POINTS = 8;

    /** The measures that read usage: after writes of usage alone, the only ones that can have moved. */
    static final Set<Measure> READ_USAGE = EnumSet.of(Measure.LICENSE_UTILIZATION, Measure.USAGE_TREND,
            Measure.ADOPTION_BREADTH, Measure.TIME_TO_VALUE);

    private static final String NO_USAGE = "no usage data";
    private static final String STALE_USAGE = "usage data is stale: ";
    private static final String NO_FEEDBACK = "no feedback";
    private static final String NO_MEETINGS = "no meetings";
    private static final String NO_CURRENT_CONTACTS = "no current contacts on record";

    /** The sources of staleness besides usage, in the order a score names them. */
    private static final List<BookTable> STALE_SOURCES = List.of(BookTable.FEEDBACK, BookTable.MEETINGS,
            BookTable.CONTACTS);

    /** The measure each table of the book feeds: after writes of some of them, the only ones that can have moved. */
    static final Map<BookTable, Measure> FED_BY = Map.of(BookTable.CONTACTS, Measure.RELATIONSHIP,
            BookTable.TICKETS, Measure.SUPPORT_BURDEN, BookTable.FEEDBACK, Measure.SENTIMENT,
            BookTable.MEETINGS, Measure.ENGAGEMENT);

    private final Scorecard scorecard;
    private final MeasureCalculator calculator;
    private final BandPolicy policy;

    public HealthScorer(Scorecard scorecard) {
        this.scorecard = scorecard;
        this.calculator = new MeasureCalculator(scorecard);
        this.policy = new BandPolicy(scorecard, calculator);
    }

    public Scorecard scorecard() {
        return scorecard;
    }

    /**
     * Whether scoring reads the same of both records of an account: the fields the measures and the band policy weigh
     * (segment, seats, contract start, renewal date, and whether it is onboarding, which switches the weights). ARR,
     * name, CSM, channels and a move between the stages after onboarding are not scored, so a score of {@code before}
     * is {@code after}'s with the account swapped ({@link HealthScore#withAccount}).
     */
    public boolean readsTheSame(Account before, Account after) {
        return before.segment() == after.segment() && readsTheSameButSegment(before, after);
    }

    /**
     * {@link #readsTheSame} but for the segment, which only engagement (executives expected in the meetings of larger
     * accounts, a cadence by segment) and relationship (a sponsor expected of an enterprise) read.
     */
    private static boolean readsTheSameButSegment(Account before, Account after) {
        return before.id().equals(after.id()) && before.seatsPurchased() == after.seatsPurchased()
                && before.contractStart().equals(after.contractStart())
                && before.renewalDate().equals(after.renewalDate())
                && isOnboarding(before) == isOnboarding(after);
    }

    private static boolean isOnboarding(Account account) {
        return account.lifecycleStage() == LifecycleStage.ONBOARDING;
    }

    /** The full score with its weekly history (for one account's answer). */
    public HealthScore score(AccountSignals signals, LocalDate asOf) {
        return score(signals, new UsageSeries(signals.usage()), asOf, true);
    }

    /** The score without the weekly history: cheaper, for ranking a whole book of business. */
    public HealthScore scoreForRanking(AccountSignals signals, LocalDate asOf) {
        return score(signals, new UsageSeries(signals.usage()), asOf, false);
    }

    /** What ranking reads of the book as of {@code asOf} (a reader may ask for more in the same read). */
    public BookQuery rankingQuery(LocalDate asOf) {
        return BookReadPlan.forRanking(scorecard, asOf);
    }

    /**
     * The ranking score of one account of a book read that asked for at least {@link #rankingQuery}: the same as
     * {@link #scoreForRanking(AccountSignals, LocalDate)} from the account's full signals.
     */
    public HealthScore scoreForRanking(BookSignals book, BookQuery query) {
        AccountSignals signals = new AccountSignals(book.account(), book.contacts(), book.usage().daily(),
                book.tickets(), book.feedback(), book.meetings(), List.of());
        return score(signals, rankingUsage(book.account(), book.usage(), query), query.asOf(), false);
    }

    /** The usage ranking scores an account from: every day for a stage {@code query} reads so, else its totals. */
    private static UsageSeries rankingUsage(Account account, UsageSummary usage, BookQuery query) {
        return query.dailyUsageStages().contains(account.lifecycleStage()) ? new UsageSeries(usage.daily())
                : new SummarisedUsage(usage, query.asOf());
    }

    private HealthScore score(AccountSignals signals, UsageSeries usage, LocalDate asOf, boolean withWeekly) {
        boolean onboarding = isOnboarding(signals.account());
        Evaluation now = evaluate(signals, usage, asOf, onboarding, true, measure -> null);

        LocalDate earlier = asOf.minusDays(scorecard.trendDays());
        Optional<Evaluation> then = comparable(signals, usage, earlier)
                ? Optional.of(evaluate(signals, usage, earlier, onboarding, false, measure -> null))
                : Optional.empty();

        List<Integer> weekly = new ArrayList<>();
        if (withWeekly) {
            for (int week = Scorecard.TREND_WEEKS - 1; week >= 1; week--) {
                LocalDate day = asOf.minusWeeks(week);
                if (comparable(signals, usage, day)) {
                    weekly.add(evaluate(signals, usage, day, onboarding, false, measure -> null).score());
                }
            }
            weekly.add(now.score());
        }

        List<String> stale = new ArrayList<>();
        usageStaleness(usage, asOf).ifPresent(stale::add);
        stale.addAll(otherStaleness(signals, asOf));
        return scoreOf(signals.account(), asOf, now, then, usage, stale, weekly, onboarding);
    }

    /** A score whose earlier day's is {@code then}'s, when there is one. */
    private HealthScore scoreOf(Account account, LocalDate asOf, Evaluation now, Optional<Evaluation> then,
            UsageSeries usage, List<String> stale, List<Integer> weekly, boolean onboarding) {
        return scoreOf(account, asOf, now, then.map(e -> OptionalInt.of(e.score())).orElse(OptionalInt.empty()),
                then.map(e -> MeasureScores.of(e.measures())).orElse(MeasureScores.NONE), usage, stale, weekly,
                onboarding);
    }

    private HealthScore scoreOf(Account account, LocalDate asOf, Evaluation now, OptionalInt previous,
            MeasureScores previousMeasures, UsageSeries usage, List<String> stale, List<Integer> weekly,
            boolean onboarding) {
        return new HealthScore(account, asOf, now.score(), now.verdict().band(), previous,
                scorecard.trendDays(), now.measures(), now.drivers(), playbookFor(now),
                usage.lastDayOnOrBefore(asOf), stale, weekly, onboarding, now.coverage(),
                now.weightedScore(), now.verdict().caps(), now.verdict().renewalRisk(), previousMeasures);
    }

    /**
     * {@code before}'s ranking score again after writes of usage alone, none dated on or before the trend's earlier
     * day: the usage measures from {@code book} (read as {@link BookReadPlan#forUsageRescore} plans), every other
     * measure, the earlier day's score and what is stale besides usage kept from {@code before}, as none of them
     * reads usage after that day. The same score as {@link #scoreForRanking(BookSignals, BookQuery)} gives from a
     * full read; empty when it cannot be told without one (the earlier day had no score and now may have).
     */
    public Optional<HealthScore> rescoredForUsage(HealthScore before, BookSignals book, BookQuery query) {
        Account account = book.account();
        LocalDate asOf = query.asOf();
        if (!before.asOf().equals(asOf) || !before.account().equals(account) || !before.weekly().isEmpty()) {
            return Optional.empty();
        }
        boolean onboarding = isOnboarding(account);
        Optional<Map<Measure, MeasureResult>> known = keptBeside(before, onboarding, READ_USAGE);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Map<Measure, MeasureResult> kept = known.get();
        AccountSignals signals = new AccountSignals(account, List.of(), book.usage().daily(), List.of(), List.of(),
                List.of(), List.of());
        UsageSeries usage = rankingUsage(account, book.usage(), query);
        // The first usage day may have moved (usage written for the first time), and with it whether the earlier
        // day can be scored: no score then is told; one that would appear needs the full read.
        boolean comparable = comparable(signals, usage, asOf.minusDays(scorecard.trendDays()));
        if (comparable && before.previousScore().isEmpty()) {
            return Optional.empty();
        }
        Evaluation now = evaluate(signals, usage, asOf, onboarding, true,
                measure -> READ_USAGE.contains(measure) ? null : kept.get(measure));
        List<String> stale = new ArrayList<>();
        usageStaleness(usage, asOf).ifPresent(stale::add);
        before.staleSources().stream().filter(source -> !isUsageStaleness(source)).forEach(stale::add);
        // before's record, which is this one: the same instance stays shared with the book's directory.
        return Optional.of(scoreOf(before.account(), asOf, now,
                comparable ? before.previousScore() : OptionalInt.empty(),
                comparable ? before.previousMeasures() : MeasureScores.NONE, usage, stale, List.of(), onboarding));
    }

    /**
     * {@code before}'s ranking score again for {@code account}'s record as it stands now, after writes of accounts
     * alone that moved its seats, contract start, renewal date, segment or stage after onboarding, but not into or out
     * of onboarding, with its usage totals as a ranking's read gives them ({@code usage}: the windows
     * {@link BookReadPlan#keptWindows} names, the first and last day on record, and every day for a stage
     * {@code query} reads so). Weighed again, today and on the trend's earlier day: the measures that read usage,
     * which are those that read seats, contract start and renewal date, when one of those moved; the two that read the
     * segment (engagement, relationship) from what they read of their rows ({@link MeasureResult#forSegment}) when it
     * moved; and the band policy. Every other measure and what is stale are kept from {@code before}, as they read
     * none of those fields. The same score as a full read gives; empty when it cannot be told without one (the
     * account moved into or out of onboarding, which switches the weights, or the earlier day now has a score and had
     * none).
     */
    public Optional<HealthScore> rescoredForAccountFields(HealthScore before, Account account, UsageSummary usage,
            BookQuery query) {
        LocalDate asOf = query.asOf();
        Account was = before.account();
        if (!before.asOf().equals(asOf) || !was.id().equals(account.id()) || !before.weekly().isEmpty()
                || isOnboarding(was) != isOnboarding(account)) {
            return Optional.empty();
        }
        boolean onboarding = isOnboarding(account);
        // The segment alone moved (the book tiered again): no measure that reads usage reads it.
        Set<Measure> again = readsTheSameButSegment(was, account) ? Set.of() : READ_USAGE;
        Optional<Map<Measure, MeasureResult>> known = keptBeside(before, onboarding, again);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Map<Measure, MeasureResult> kept = known.get();
        Segment segment = account.segment();
        Function<MeasureResult, MeasureResult> forAccount = was.segment() == segment ? Function.identity()
                : result -> result.forSegment(segment);
        AccountSignals signals = new AccountSignals(account, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
        UsageSeries series = rankingUsage(account, usage, query);
        LocalDate earlier = asOf.minusDays(scorecard.trendDays());
        // A new contract start may make the earlier day comparable, or no longer: a score that appears needs its
        // other measures, which were never weighed.
        boolean comparable = comparable(signals, series, earlier);
        MeasureScores then = before.previousMeasures();
        boolean thenKept = kept.keySet().stream().allMatch(measure -> again.contains(measure) || then.weighed(measure));
        if (comparable && !thenKept) {
            return Optional.empty();
        }
        Evaluation now = evaluate(signals, series, asOf, onboarding, true,
                measure -> again.contains(measure) ? null : forAccount.apply(kept.get(measure)));
        Optional<Evaluation> previous = comparable
                ? Optional.of(evaluate(signals, series, earlier, onboarding, false,
                        measure -> again.contains(measure) ? null : forAccount.apply(then.resultOf(measure))))
                : Optional.empty();
        return Optional.of(scoreOf(account, asOf, now, previous, series, before.staleSources(), List.of(), onboarding));
    }

    /**
     * {@code before}'s ranking score again after writes of {@code read}'s tables (contacts, tickets, feedback, meetings)
     * and maybe of accounts, but no usage, from {@code book}: those tables as a ranking reads them (tickets listed, or
     * counted as of today and the trend's earlier day, as {@link BookReadPlan#forTablesRescore} plans), and the usage
     * a ranking's read gives (kept totals, every day for a stage {@code query} reads so). The measures those tables
     * feed ({@link #FED_BY}) are weighed again today and on the trend's earlier day, and so is the band policy (a
     * renewal's reasons read sentiment); every other measure, and what is stale of the other sources, are kept from
     * {@code before}, which read the same rows of them. When accounts were written too and {@code book}'s record moves
     * a scored field, the measures that read it are weighed again first ({@link #rescoredForAccountFields}). The same
     * score as a full read gives; empty when it cannot be told without one (the account moved into or out of
     * onboarding, the earlier day newly has a score, or a measure to keep was not weighed).
     */
    public Optional<HealthScore> rescoredForTables(HealthScore before, BookSignals book, Set<BookTable> read,
            BookQuery query) {
        Account account = book.account();
        LocalDate asOf = query.asOf();
        if (!before.asOf().equals(asOf) || !before.weekly().isEmpty()) {
            return Optional.empty();
        }
        if (!readsTheSame(before.account(), account)) {
            // Accounts written too (a CRM sync, an import of accounts and tickets): the fields moved first.
            return rescoredForAccountFields(before, account, book.usage(), query)
                    .flatMap(moved -> rescoredForTables(moved, book, read, query));
        }
        boolean onboarding = isOnboarding(account);
        Set<Measure> again = EnumSet.noneOf(Measure.class);
        read.forEach(table -> again.add(FED_BY.get(table)));
        Optional<Map<Measure, MeasureResult>> known = keptBeside(before, onboarding, again);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Map<Measure, MeasureResult> kept = known.get();
        AccountSignals signals = new AccountSignals(account, book.contacts(), book.usage().daily(), book.tickets(),
                book.feedback(), book.meetings(), List.of());
        UsageSeries usage = rankingUsage(account, book.usage(), query);
        LocalDate earlier = asOf.minusDays(scorecard.trendDays());
        // Neither the account's scored fields nor its usage moved: whether the earlier day has a score did not either.
        boolean comparable = comparable(signals, usage, earlier);
        MeasureScores then = before.previousMeasures();
        boolean thenKept = kept.keySet().stream().allMatch(measure -> again.contains(measure) || then.weighed(measure));
        if (comparable && !thenKept || comparable != before.previousScore().isPresent()) {
            return Optional.empty();
        }
        Evaluation now = evaluate(signals, usage, asOf, onboarding, true,
                measure -> again.contains(measure) ? counted(measure, book, asOf) : kept.get(measure));
        Optional<Evaluation> previous = comparable
                ? Optional.of(evaluate(signals, usage, earlier, onboarding, false,
                        measure -> again.contains(measure) ? counted(measure, book, earlier) : then.resultOf(measure)))
                : Optional.empty();
        List<String> stale = new ArrayList<>();
        before.staleSources().stream().filter(HealthScorer::isUsageStaleness).forEach(stale::add);
        for (BookTable source : STALE_SOURCES) {
            if (read.contains(source)) {
                staleness(source, signals, asOf).ifPresent(stale::add);
            } else {
                before.staleSources().stream().filter(entry -> sourceOf(entry).equals(Optional.of(source)))
                        .forEach(stale::add);
            }
        }
        // before's record when it is this one: the same instance stays shared with the book's directory.
        return Optional.of(scoreOf(before.account().equals(account) ? before.account() : account, asOf, now, previous,
                usage, stale, List.of(), onboarding));
    }

    /**
     * Support burden as of {@code day} from {@code book}'s ticket counts, when the read counted them; null otherwise
     * (the measure is weighed from the lists).
     */
    private MeasureResult counted(Measure measure, BookSignals book, LocalDate day) {
        if (measure != Measure.SUPPORT_BURDEN || book.ticketCounts().isEmpty()) {
            return null;
        }
        TicketCounts counts = book.ticketCounts().get(day);
        if (counts == null) {
            throw new IllegalArgumentException("the book read counted tickets, but not as of " + day);
        }
        return calculator.supportBurden(counts);
    }

    /**
     * {@code before}'s results by measure, to keep all but those {@code reweighed}; empty when a measure the scorecard
     * weighs and that is not weighed again is not among them (a score of another scorecard).
     */
    private Optional<Map<Measure, MeasureResult>> keptBeside(HealthScore before, boolean onboarding,
            Set<Measure> reweighed) {
        Map<String, Double> weights = onboarding ? scorecard.onboardingWeights() : scorecard.weights();
        Map<Measure, MeasureResult> kept = new EnumMap<>(Measure.class);
        before.measures().forEach(result -> kept.put(result.measure(), result));
        for (Measure measure : Measure.values()) {
            boolean toKeep = weights.getOrDefault(measure.key(), 0.0) > 0 && !reweighed.contains(measure);
            if (toKeep && !kept.containsKey(measure)) {
                return Optional.empty();
            }
        }
        return Optional.of(kept);
    }

    /**
     * Whether an earlier day's score can stand beside today's: the account existed, and the usage on
     * record reaches back over that day's windows. Usage that starts 60 days ago gives no score for 12
     * weeks ago, rather than one computed from part of its data.
     */
    private boolean comparable(AccountSignals signals, UsageSeries usage, LocalDate day) {
        LocalDate start = signals.account().contractStart();
        if (start.isAfter(day)) {
            return false;
        }
        Optional<LocalDate> first = usage.firstDay();
        if (first.isEmpty()) {
            return true;
        }
        LocalDate needed = day.minusDays(scorecard.usageWindowDays() - 1L);
        LocalDate from = start.isAfter(needed) ? start : needed;
        return !first.get().isAfter(from.plusDays(scorecard.staleness().usageDays()));
    }

    private record Evaluation(int score, int weightedScore, BandPolicy.Verdict verdict, List<MeasureResult> measures,
            List<Driver> drivers, double coverage) {}

    /**
     * Scores every measure as of {@code asOf}, but those {@code known} already has a result for; drivers (and so
     * their evidence text) only when asked for.
     */
    private Evaluation evaluate(AccountSignals signals, UsageSeries usage, LocalDate asOf, boolean onboarding,
            boolean withDrivers, Function<Measure, MeasureResult> known) {
        Map<String, Double> weights = onboarding ? scorecard.onboardingWeights() : scorecard.weights();
        List<MeasureResult> results = new ArrayList<>();
        double weightWithData = 0;
        double weightAll = 0;
        double weightedSum = 0;
        for (Measure measure : Measure.values()) {
            double weight = weights.getOrDefault(measure.key(), 0.0);
            if (weight <= 0) {
                continue;
            }
            MeasureResult given = known.apply(measure);
            MeasureResult result = given != null ? given : calculator.evaluate(measure, signals, usage, asOf);
            results.add(result);
            weightAll += weight;
            if (!result.isMissing()) {
                weightWithData += weight;
                weightedSum += weight * result.score().getAsDouble();
            }
        }
        int weighted = weightWithData == 0 ? 0 : (int) Math.round(weightedSum / weightWithData);
        BandPolicy.Verdict verdict = policy.judge(signals.account(), results, weighted, usage, asOf, onboarding);
        int score = Math.min(weighted, scorecard.topOf(verdict.band()));
        List<Driver> drivers = withDrivers ? drivers(results, weights, weightWithData) : List.of();
        return new Evaluation(score, weighted, verdict, results, drivers,
                weightAll == 0 ? 0 : weightWithData / weightAll);
    }

    /**
     * Every measure in its red zone, then the largest other losses up to {@code max_drivers}, worst first:
     * a cap on how many are named must never hide a real problem.
     */
    private List<Driver> drivers(List<MeasureResult> results, Map<String, Double> weights, double weightWithData) {
        List<Driver> candidates = new ArrayList<>();
        for (MeasureResult result : results) {
            if (result.isMissing()) {
                continue;
            }
            double score = result.score().getAsDouble();
            double lost = weights.get(result.measure().key()) / weightWithData * (100 - score);
            Band zone = scorecard.inRedZone(score) ? Band.RED
                    : score < scorecard.bands().greenFrom() ? Band.YELLOW : Band.GREEN;
            if (zone == Band.RED || lost >= scorecard.driverMinPoints()) {
                candidates.add(Driver.of(result, zone, lost));
            }
        }
        candidates.sort(Comparator.comparingDouble(Driver::pointsLost).reversed());
        long inRedZone = candidates.stream().filter(Driver::inRedZone).count();
        long otherSlots = Math.max(0, scorecard.maxDrivers() - inRedZone);
        List<Driver> named = new ArrayList<>();
        for (Driver driver : candidates) {
            if (driver.inRedZone() || otherSlots-- > 0) {
                named.add(driver);
            }
        }
        return List.copyOf(named);
    }

    /**
     * A renewal at risk first; otherwise the playbook of the costliest driver that is a real problem (its
     * measure below green), never one of a good signal; expansion for a green account with value proven.
     */
    private Optional<Playbook> playbookFor(Evaluation now) {
        if (now.verdict().renewalRisk().isPresent()) {
            return Optional.of(Playbook.RENEWAL_AT_RISK);
        }
        Band band = now.verdict().band();
        List<Driver> problems = now.drivers().stream().filter(Driver::isProblem).toList();
        if (band != Band.GREEN) {
            return problems.stream().findFirst().map(Driver::playbook);
        }
        if (expansionReady(now)) {
            return Optional.of(Playbook.EXPANSION_READY);
        }
        // A green account can still have one weak spot worth a playbook.
        return problems.stream().filter(d -> d.pointsLost() >= GREEN_WEAK_SPOT_POINTS).findFirst()
                .map(Driver::playbook);
    }

    /** Value proven: fully utilized, broadly adopted, and no sour sentiment. */
    private static boolean expansionReady(Evaluation now) {
        return scoreOf(now, Measure.LICENSE_UTILIZATION) >= 100
                && scoreOf(now, Measure.ADOPTION_BREADTH) >= 80
                && (scoreOf(now, Measure.SENTIMENT) < 0 || scoreOf(now, Measure.SENTIMENT) >= 60);
    }

    private static double scoreOf(Evaluation now, Measure measure) {
        return now.measures().stream()
                .filter(m -> m.measure() == measure && !m.isMissing())
                .mapToDouble(m -> m.score().getAsDouble())
                .findFirst()
                .orElse(-1);
    }

    /** What is stale about the usage on record, if anything (always the first of the stale sources). */
    private Optional<String> usageStaleness(UsageSeries usage, LocalDate asOf) {
        Optional<LocalDate> lastUsage = usage.lastDayOnOrBefore(asOf);
        if (lastUsage.isEmpty()) {
            return Optional.of(NO_USAGE);
        }
        long daysAgo = ChronoUnit.DAYS.between(lastUsage.get(), asOf);
        return daysAgo > scorecard.staleness().usageDays()
                ? Optional.of(STALE_USAGE + "last row " + lastUsage.get() + " (" + daysAgo + " days ago)")
                : Optional.empty();
    }

    private static boolean isUsageStaleness(String source) {
        return source.equals(NO_USAGE) || source.startsWith(STALE_USAGE);
    }

    /** What is stale besides usage: feedback, meetings, contacts, in that order. */
    private List<String> otherStaleness(AccountSignals signals, LocalDate asOf) {
        List<String> stale = new ArrayList<>();
        for (BookTable source : STALE_SOURCES) {
            staleness(source, signals, asOf).ifPresent(stale::add);
        }
        return stale;
    }

    /** What is stale of one source besides usage, if anything: at most one entry each. */
    private Optional<String> staleness(BookTable source, AccountSignals signals, LocalDate asOf) {
        var limits = scorecard.staleness();
        return switch (source) {
            case FEEDBACK -> staleIfOld(NO_FEEDBACK, signals.feedback().stream().map(FeedbackResponse::date)
                    .filter(d -> !d.isAfter(asOf)).max(Comparator.naturalOrder()), asOf, limits.feedbackDays());
            case MEETINGS -> staleIfOld(NO_MEETINGS, signals.meetings().stream().map(Meeting::date)
                    .filter(d -> !d.isAfter(asOf)).max(Comparator.naturalOrder()), asOf, limits.meetingsDays());
            case CONTACTS -> signals.contacts().stream().noneMatch(c -> c.activeOn(asOf))
                    ? Optional.of(NO_CURRENT_CONTACTS) : Optional.empty();
            case TICKETS -> Optional.empty();
        };
    }

    /** Which source besides usage {@code entry} of a score's stale sources is of (as {@link #staleness} wrote it). */
    private static Optional<BookTable> sourceOf(String entry) {
        if (entry.startsWith(NO_FEEDBACK)) {
            return Optional.of(BookTable.FEEDBACK);
        }
        if (entry.startsWith(NO_MEETINGS)) {
            return Optional.of(BookTable.MEETINGS);
        }
        return entry.equals(NO_CURRENT_CONTACTS) ? Optional.of(BookTable.CONTACTS) : Optional.empty();
    }

    private static Optional<String> staleIfOld(String none, Optional<LocalDate> last, LocalDate asOf, int limitDays) {
        if (last.isEmpty()) {
            return Optional.of(none + " on record");
        }
        long days = ChronoUnit.DAYS.between(last.get(), asOf);
        return days > limitDays ? Optional.of(none + " for " + days + " days (last " + last.get() + ")")
                : Optional.empty();
    }
}
