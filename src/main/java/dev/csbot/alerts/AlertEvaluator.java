package dev.csbot.alerts;

import dev.csbot.account.AccountSignals;
import dev.csbot.health.Band;
import dev.csbot.health.HealthScore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /** The days of the usage-drop baseline as of a day: after {@code fromExclusive}, up to {@code toInclusive}. */
    public record Window(LocalDate fromExclusive, LocalDate toInclusive) {}

    public Window usageBaselineWindow(LocalDate asOf) {
        AlertRules.UsageDrop r = rules.rules().usageDrop();
        LocalDate recentFrom = asOf.minusDays(r.recentDays());
        return new Window(recentFrom.minusDays(r.baselineDays()), recentFrom);
    }

    /** The findings for one account, in rule order. */
    public List<Finding> evaluate(AccountSignals signals, HealthScore health, LocalDate asOf) {
        return evaluate(signals, health, asOf, Optional.empty());
    }

    /**
     * The same, with the account's usage baseline (the {@code baseline_days} before the recent window) computed
     * by the store, for signals that hold only the recent weeks of usage.
     */
    public List<Finding> evaluate(AccountSignals signals, HealthScore health, LocalDate asOf,
            Optional<UsageBaselines.Baseline> usageBaseline) {
        AccountContext context = new AccountContext(signals, health, asOf, bandOf, usageBaseline);
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
                && when.segment().stream().noneMatch(s -> s.equalsIgnoreCase(c.signals().account().segment().label()))) {
            return false;
        }
        if (when.renewalWithinDays() != null
                && (c.daysToRenewal() < 0 || c.daysToRenewal() > when.renewalWithinDays())) {
            return false;
        }
        if (when.arrAtLeast() != null && c.signals().account().arr() < when.arrAtLeast()) {
            return false;
        }
        if (when.promotersAtLeast() != null && c.promotersSince(c.asOf().minusDays(
                rules.rules().detractorFeedback().promoterDays())) < when.promotersAtLeast()) {
            return false;
        }
        return when.detractorsAtMost() == null || detractors <= when.detractorsAtMost();
    }
}
