package dev.csbot.health;

import dev.csbot.account.AccountSignals;
import dev.csbot.account.FeedbackResponse;
import dev.csbot.account.LifecycleStage;
import dev.csbot.account.Meeting;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Turns an account's signals into a {@link HealthScore} by the {@link Scorecard}. Pure: no I/O, no clock. */
public final class HealthScorer {

    /** Renewals closer than this with a score below green call for the renewal playbook first. */
    static final int RENEWAL_WATCH_DAYS = 90;

    private final Scorecard scorecard;
    private final MeasureCalculator calculator;

    public HealthScorer(Scorecard scorecard) {
        this.scorecard = scorecard;
        this.calculator = new MeasureCalculator(scorecard);
    }

    public Scorecard scorecard() {
        return scorecard;
    }

    /** The full score with its weekly history (for one account's answer). */
    public HealthScore score(AccountSignals signals, LocalDate asOf) {
        return score(signals, new UsageSeries(signals.usage()), asOf, true);
    }

    /** The score without the weekly history: cheaper, for ranking a whole book of business. */
    public HealthScore scoreForRanking(AccountSignals signals, LocalDate asOf) {
        return score(signals, new UsageSeries(signals.usage()), asOf, false);
    }

    /** The ranking score with usage given apart from the signals (summarised by the store for the whole book). */
    HealthScore scoreForRanking(AccountSignals signals, UsageSeries usage, LocalDate asOf) {
        return score(signals, usage, asOf, false);
    }

    private HealthScore score(AccountSignals signals, UsageSeries usage, LocalDate asOf, boolean withWeekly) {
        boolean onboarding = signals.account().lifecycleStage() == LifecycleStage.ONBOARDING;
        Evaluation now = evaluate(signals, usage, asOf, onboarding, true);

        LocalDate earlier = asOf.minusDays(scorecard.trendDays());
        OptionalInt previous = signals.account().contractStart().isAfter(earlier)
                ? OptionalInt.empty()
                : OptionalInt.of(evaluate(signals, usage, earlier, onboarding, false).score());

        List<Integer> weekly = new ArrayList<>();
        if (withWeekly) {
            for (int week = Scorecard.TREND_WEEKS - 1; week >= 1; week--) {
                LocalDate day = asOf.minusWeeks(week);
                if (!signals.account().contractStart().isAfter(day)) {
                    weekly.add(evaluate(signals, usage, day, onboarding, false).score());
                }
            }
            weekly.add(now.score());
        }

        return new HealthScore(signals.account(), asOf, now.score(), scorecard.bandOf(now.score()), previous,
                scorecard.trendDays(), now.measures(), now.drivers(), playbookFor(signals, now, asOf),
                usage.lastDayOnOrBefore(asOf), staleSources(signals, usage, asOf), weekly, onboarding, now.coverage());
    }

    private record Evaluation(int score, List<MeasureResult> measures, List<Driver> drivers, double coverage) {}

    /** Scores every measure as of {@code asOf}; drivers (and so their evidence text) only when asked for. */
    private Evaluation evaluate(AccountSignals signals, UsageSeries usage, LocalDate asOf, boolean onboarding,
            boolean withDrivers) {
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
            MeasureResult result = calculator.evaluate(measure, signals, usage, asOf);
            results.add(result);
            weightAll += weight;
            if (!result.isMissing()) {
                weightWithData += weight;
                weightedSum += weight * result.score().getAsDouble();
            }
        }
        int score = weightWithData == 0 ? 0 : (int) Math.round(weightedSum / weightWithData);
        List<Driver> drivers = new ArrayList<>();
        for (MeasureResult result : withDrivers ? results : List.<MeasureResult>of()) {
            if (result.isMissing()) {
                continue;
            }
            double share = weights.get(result.measure().key()) / weightWithData;
            double lost = share * (100 - result.score().getAsDouble());
            if (lost >= scorecard.driverMinPoints()) {
                drivers.add(new Driver(result.measure(), lost, result.evidence()));
            }
        }
        drivers.sort(Comparator.comparingDouble(Driver::pointsLost).reversed());
        List<Driver> top = drivers.subList(0, Math.min(drivers.size(), scorecard.maxDrivers()));
        return new Evaluation(score, results, List.copyOf(top), weightAll == 0 ? 0 : weightWithData / weightAll);
    }

    private Optional<Playbook> playbookFor(AccountSignals signals, Evaluation now, LocalDate asOf) {
        Band band = scorecard.bandOf(now.score());
        long toRenewal = ChronoUnit.DAYS.between(asOf, signals.account().renewalDate());
        if (band != Band.GREEN && toRenewal >= 0 && toRenewal <= RENEWAL_WATCH_DAYS) {
            return Optional.of(Playbook.RENEWAL_AT_RISK);
        }
        if (band != Band.GREEN && !now.drivers().isEmpty()) {
            return Optional.of(now.drivers().get(0).playbook());
        }
        if (band == Band.GREEN && expansionReady(now)) {
            return Optional.of(Playbook.EXPANSION_READY);
        }
        // A green account can still have one weak spot worth a playbook.
        return now.drivers().stream().filter(d -> d.pointsLost() >= 8).findFirst().map(Driver::playbook);
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

    private List<String> staleSources(AccountSignals signals, UsageSeries usage, LocalDate asOf) {
        var limits = scorecard.staleness();
        List<String> stale = new ArrayList<>();
        Optional<LocalDate> lastUsage = usage.lastDayOnOrBefore(asOf);
        if (lastUsage.isEmpty()) {
            stale.add("no usage data");
        } else if (ChronoUnit.DAYS.between(lastUsage.get(), asOf) > limits.usageDays()) {
            stale.add("usage data is stale: last row " + lastUsage.get() + " ("
                    + ChronoUnit.DAYS.between(lastUsage.get(), asOf) + " days ago)");
        }
        Optional<LocalDate> lastFeedback = signals.feedback().stream().map(FeedbackResponse::date)
                .filter(d -> !d.isAfter(asOf)).max(Comparator.naturalOrder());
        staleIfOld(stale, "feedback", lastFeedback, asOf, limits.feedbackDays());
        Optional<LocalDate> lastMeeting = signals.meetings().stream().map(Meeting::date)
                .filter(d -> !d.isAfter(asOf)).max(Comparator.naturalOrder());
        staleIfOld(stale, "meetings", lastMeeting, asOf, limits.meetingsDays());
        if (signals.contacts().stream().noneMatch(c -> c.activeOn(asOf))) {
            stale.add("no current contacts on record");
        }
        return stale;
    }

    private static void staleIfOld(List<String> stale, String source, Optional<LocalDate> last, LocalDate asOf,
            int limitDays) {
        if (last.isEmpty()) {
            stale.add("no " + source + " on record");
        } else if (ChronoUnit.DAYS.between(last.get(), asOf) > limitDays) {
            stale.add("no " + source + " for " + ChronoUnit.DAYS.between(last.get(), asOf) + " days (last "
                    + last.get() + ")");
        }
    }
}
