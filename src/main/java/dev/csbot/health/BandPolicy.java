package dev.csbot.health;

import dev.csbot.account.Account;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Holds the band down where the weighted mean would hide a real problem: a key measure in its red zone
 * (several at once: red), an onboarding that stalled, a renewal close with too few seats active or
 * poor sentiment. All of it is the scorecard's {@code band_caps} and {@code renewal_risk}.
 */
final class BandPolicy {

    /** The band an evaluation ends with, why, and the renewal risk when there is one. */
    record Verdict(Band band, List<BandCap> caps, Optional<RenewalRisk> renewalRisk) {}

    private final Scorecard scorecard;
    private final MeasureCalculator calculator;

    BandPolicy(Scorecard scorecard, MeasureCalculator calculator) {
        this.scorecard = scorecard;
        this.calculator = calculator;
    }

    /** The band and why: every reason is written when read (ranking a book shows the reasons of a few accounts). */
    Verdict judge(Account account, List<MeasureResult> results, int weightedScore, UsageSeries usage, LocalDate asOf,
            boolean onboarding) {
        var caps = scorecard.bandCaps();
        List<BandCap> held = new ArrayList<>();
        List<MeasureResult> keyInRedZone = results.stream()
                .filter(r -> !r.isMissing() && scorecard.inRedZone(r.score().getAsDouble()))
                .filter(r -> caps.keyMeasures().getOrDefault(r.measure().key(), Band.GREEN) != Band.GREEN)
                .sorted(Comparator.comparingDouble(r -> r.score().getAsDouble()))
                .toList();
        for (MeasureResult key : keyInRedZone) {
            String label = key.measure().label();
            long score = Math.round(key.score().getAsDouble());
            held.add(new BandCap(caps.keyMeasures().get(key.measure().key()),
                    () -> label + " is in its red zone (" + score + "/100)"));
        }
        if (caps.redWhenKeyMeasuresInRedZone() > 0 && keyInRedZone.size() >= caps.redWhenKeyMeasuresInRedZone()) {
            List<String> labels = keyInRedZone.stream().map(r -> r.measure().label()).toList();
            held.add(new BandCap(Band.RED,
                    () -> labels.size() + " key measures are in their red zone (" + String.join(", ", labels) + ")"));
        }
        if (onboarding && caps.stalledOnboarding() != Band.GREEN && calculator.onboardingStalled(account, usage, asOf)) {
            var ttv = scorecard.measures().timeToValue();
            long day = java.time.temporal.ChronoUnit.DAYS.between(account.contractStart(), asOf);
            held.add(new BandCap(caps.stalledOnboarding(), () -> String.format(Locale.ROOT,
                    "onboarding stalled: first value not reached by day %d (target day %d, stalled from day %d)",
                    day, ttv.targetDays(), ttv.stalledAfterDays())));
        }

        var policy = scorecard.renewalRisk();
        long days = account.daysToRenewal(asOf);
        boolean watched = policy.withinDays() > 0 && days >= 0 && days <= policy.withinDays();
        List<Supplier<String>> reasons = new ArrayList<>();
        if (watched) {
            renewalReasons(account, results, usage, asOf, reasons);
            if (!reasons.isEmpty()) {
                RenewalRisk risk = new RenewalRisk(days, reasons);
                held.add(new BandCap(policy.band(), risk::sentence));
            }
        }
        Band band = held.stream().map(BandCap::band).reduce(scorecard.bandOf(weightedScore), BandPolicy::worse);
        Optional<RenewalRisk> risk = Optional.empty();
        if (watched && band != Band.GREEN) {
            risk = Optional.of(new RenewalRisk(days, reasons));
        }
        return new Verdict(band, held, risk);
    }

    /** Too few seats active, or poor recent sentiment: each a reason on its own, in a CSM's words. */
    private void renewalReasons(Account account, List<MeasureResult> results, UsageSeries usage, LocalDate asOf,
            List<Supplier<String>> reasons) {
        var policy = scorecard.renewalRisk();
        int windowDays = scorecard.measures().licenseUtilization().windowDays();
        UsageSeries.Window window = usage.window(asOf.minusDays(windowDays), asOf);
        int seats = account.seatsPurchased();
        if (seats > 0 && !window.isEmpty()) {
            double active = window.meanActiveUsers() / seats;
            if (active < policy.seatsActiveBelow()) {
                long percentActive = Math.round(active * 100);
                long below = Math.round(policy.seatsActiveBelow() * 100);
                reasons.add(() -> String.format(Locale.ROOT, "%d%% of %,d seats active (under %d%%)", percentActive,
                        seats, below));
            }
        }
        long sentimentBelow = Math.round(policy.sentimentBelow());
        results.stream()
                .filter(r -> r.measure() == Measure.SENTIMENT && !r.isMissing())
                .filter(r -> r.score().getAsDouble() < policy.sentimentBelow())
                .findFirst()
                .map(r -> Math.round(r.score().getAsDouble()))
                .ifPresent(score -> reasons.add(() -> "poor recent sentiment (" + score + "/100, under " + sentimentBelow
                        + ")"));
    }

    private static Band worse(Band a, Band b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
