package dev.csbot.alerts;

import dev.csbot.account.AccountSignals;
import dev.csbot.account.BookQuery;
import dev.csbot.account.BookSignals;
import dev.csbot.account.LifecycleStage;
import dev.csbot.account.UsageWindow;
import dev.csbot.health.Band;
import dev.csbot.health.HealthScore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Which rules fire for an account on a day, and how severe each is in its context. Pure: signals, the health
 * score and a date in, findings out, so a scan "as of" any day is exact and tests need no store.
 */
public final class AlertEvaluator {

    private final AlertRules rules;
    private final RuleChecks checks;
    private final IntFunction<Band> bandOf;
    private final List<Check> enabled;

    private record Check(AlertRules.Common common, Function<AccountContext, Optional<Finding>> check) {}

    /** @param bandOf the scorecard's bands, for the band a score fell from */
    public AlertEvaluator(AlertRules rules, IntFunction<Band> bandOf) {
        this.rules = rules;
        this.checks = new RuleChecks(rules.rules());
        this.bandOf = bandOf;
        AlertRules.Rules r = rules.rules();
        List<Check> all = List.of(new Check(r.usageDrop().common(), checks::usageDrop),
                new Check(r.noActivity().common(), checks::noActivity),
                new Check(r.stakeholderLeft().common(), checks::stakeholderLeft),
                new Check(r.supportSpike().common(), checks::supportSpike),
                new Check(r.detractorFeedback().common(), checks::detractorFeedback),
                new Check(r.renewalAtRisk().common(), checks::renewalAtRisk),
                new Check(r.licenseUtilization().common(), checks::licenseUtilization),
                new Check(r.healthBandDrop().common(), checks::healthBandDrop),
                new Check(r.onboardingStalled().common(), checks::onboardingStalled));
        this.enabled = all.stream().filter(c -> c.common().enabled()).toList();
    }

    public AlertRules rules() {
        return rules;
    }

    /** The findings for one account from its history (reaching back as far as the rules look), in rule order. */
    public List<Finding> evaluate(AccountSignals signals, HealthScore health, LocalDate asOf) {
        return evaluate(AccountContext.of(signals, health, asOf, bandOf));
    }

    /** The findings for one account of a book read that {@link #bookQuery} planned; the same as from its history. */
    public List<Finding> evaluate(BookSignals book, BookQuery query, HealthScore health) {
        return evaluate(AccountContext.of(book, query, health, bandOf));
    }

    /**
     * What the rules read of the book as of {@code asOf}: the usage windows they average, each account's last
     * active day, tickets and feedback as far back as they look, contacts and ticket subjects for the evidence,
     * and every usage day of onboarding accounts (first value). Scoring's needs are added by the caller.
     */
    public BookQuery bookQuery(LocalDate asOf) {
        AlertRules.Rules r = rules.rules();
        LocalDate recentFrom = asOf.minusDays(r.usageDrop().recentDays());
        Set<UsageWindow> windows = Set.of(new UsageWindow(recentFrom, asOf),
                new UsageWindow(recentFrom.minusDays(r.usageDrop().baselineDays()), recentFrom),
                new UsageWindow(asOf.minusDays(r.licenseUtilization().windowDays()), asOf));
        int history = Math.max(r.supportSpike().recentDays() + r.supportSpike().baselineDays(),
                Math.max(r.detractorFeedback().lookbackDays(), r.detractorFeedback().promoterDays()));
        Set<LifecycleStage> daily = r.onboardingStalled().common().enabled() ? Set.of(LifecycleStage.ONBOARDING)
                : Set.of();
        // A day more than the longest lookback: "on or after" and "after" boundaries both stay inside the read.
        return new BookQuery(asOf, List.of(asOf), asOf.minusDays(history + 1L), windows, daily).withLastActiveDay();
    }

    private List<Finding> evaluate(AccountContext context) {
        List<Finding> findings = new ArrayList<>();
        int detractors = -1;
        for (Check check : enabled) {
            Optional<Finding> found = check.check().apply(context);
            if (found.isEmpty()) {
                continue;
            }
            if (detractors < 0) {
                detractors = checks.detractors(context).size();
            }
            findings.add(inContext(found.get(), check.common(), context, detractors));
        }
        return findings;
    }

    /** The first context rule whose conditions all hold sets the severity. */
    private Finding inContext(Finding finding, AlertRules.Common common, AccountContext c, int detractors) {
        for (AlertRules.ContextRule rule : common.context()) {
            if (holds(rule.when(), c, detractors)) {
                Severity severity = RuleChecks.severity(rule.severity());
                return new Finding(finding.ruleId(), severity, finding.playbook(), finding.headline(),
                        finding.evidence(), finding.level());
            }
        }
        return finding;
    }

    private boolean holds(AlertRules.When when, AccountContext c, int detractors) {
        if (when.band() != null && when.band().stream().noneMatch(b -> b.equalsIgnoreCase(c.health().band().label()))) {
            return false;
        }
        if (when.segment() != null
                && when.segment().stream().noneMatch(s -> s.equalsIgnoreCase(c.account().segment().label()))) {
            return false;
        }
        if (when.renewalWithinDays() != null
                && (c.daysToRenewal() < 0 || c.daysToRenewal() > when.renewalWithinDays())) {
            return false;
        }
        if (when.arrAtLeast() != null && c.account().arr() < when.arrAtLeast()) {
            return false;
        }
        if (when.promotersAtLeast() != null && c.promotersSince(c.asOf().minusDays(
                rules.rules().detractorFeedback().promoterDays())) < when.promotersAtLeast()) {
            return false;
        }
        return when.detractorsAtMost() == null || detractors <= when.detractorsAtMost();
    }
}
