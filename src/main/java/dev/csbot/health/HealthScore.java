package dev.csbot.health;

import dev.csbot.account.Account;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An account's health as of one day.
 *
 * @param score 0-100: the weighted mean of the measures that have data, lowered to the top of the band a
 *     cap holds it to
 * @param previousScore the score {@code trendDays} earlier, when there was as much data then to compare with
 * @param drivers every measure in its red zone and the largest other negative contributions, worst first
 * @param playbook what to run now, when anything needs running
 * @param dataThrough the last day any usage data exists for (the "as of" of the inputs)
 * @param staleSources plain-words warnings for sources that have gone quiet
 * @param weekly the score at each of the last weeks, oldest first (for a sparkline)
 * @param coverage the share of the scorecard's weight that had data (1.0 = every measure)
 * @param weightedScore the weighted mean before any cap
 * @param caps why the band is held down, if it is (the lowest one decides)
 * @param renewalRisk set when the renewal is close and the account is not green
 * @param previousMeasures each measure's score on the trend's earlier day, which {@code previousScore} was weighed
 *     from ({@link MeasureScores#NONE} when there is no previous score)
 */
public record HealthScore(
        Account account,
        LocalDate asOf,
        int score,
        Band band,
        OptionalInt previousScore,
        int trendDays,
        List<MeasureResult> measures,
        List<Driver> drivers,
        Optional<Playbook> playbook,
        Optional<LocalDate> dataThrough,
        List<String> staleSources,
        List<Integer> weekly,
        boolean onboarding,
        double coverage,
        int weightedScore,
        List<BandCap> caps,
        Optional<RenewalRisk> renewalRisk,
        MeasureScores previousMeasures) {

    public HealthScore {
        java.util.Objects.requireNonNull(previousMeasures, "previousMeasures");
        measures = List.copyOf(measures);
        drivers = List.copyOf(drivers);
        staleSources = List.copyOf(staleSources);
        weekly = List.copyOf(weekly);
        caps = List.copyOf(caps);
    }

    /** Whether a cap lowered the score below its weighted mean. */
    public boolean capped() {
        return score < weightedScore;
    }

    /**
     * The same score with the evidence of every measure and driver, and the reason of every cap and renewal risk,
     * written out, so that keeping it holds text rather than whatever the words would have been built from.
     */
    public HealthScore settled() {
        List<MeasureResult> written = measures.stream().map(MeasureResult::settled).toList();
        List<Driver> writtenDrivers = drivers.stream().map(Driver::settled).toList();
        return new HealthScore(account, asOf, score, band, previousScore, trendDays, written, writtenDrivers, playbook,
                dataThrough, staleSources, weekly, onboarding, coverage, weightedScore,
                caps.stream().map(BandCap::settled).toList(), renewalRisk.map(RenewalRisk::settled), previousMeasures);
    }

    /**
     * The same score for {@code account} as it stands now, which scoring reads the same of
     * ({@link HealthScorer#readsTheSame}): a new ARR, name, CSM, channel or stage after onboarding changes no part of
     * the score.
     */
    HealthScore withAccount(Account account) {
        return new HealthScore(account, asOf, score, band, previousScore, trendDays, measures, drivers, playbook,
                dataThrough, staleSources, weekly, onboarding, coverage, weightedScore, caps, renewalRisk,
                previousMeasures);
    }

    /** Change against {@code trendDays} earlier, or empty when there is nothing to compare with. */
    public OptionalInt change() {
        return previousScore.isPresent() ? OptionalInt.of(score - previousScore.getAsInt()) : OptionalInt.empty();
    }

    public Optional<MeasureResult> measure(Measure measure) {
        return measures.stream().filter(m -> m.measure() == measure).findFirst();
    }

    /** Score of a measure, or -1 when it is missing; for rules that only care about present data. */
    public double scoreOf(Measure measure) {
        return measure(measure).filter(m -> !m.isMissing()).map(m -> m.score().getAsDouble()).orElse(-1.0);
    }

    /** Points at risk for ranking a book of business: ARR weighted by how far from perfect health. */
    public double arrAtRisk() {
        return account.arr() * (100 - score) / 100.0;
    }
}
