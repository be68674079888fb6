package dev.csbot.alerts;

import java.util.List;

/**
 * The alert rules as CS Ops write them (YAML, {@code alerts/default-rules.yaml} in the jar, overridable key
 * by key). Every rule has the same frame (on or off, severity, playbook, how much worse its number must get
 * to be posted again, context that changes its severity) and a few thresholds of its own.
 *
 * @param cooldownDays a still-firing alert is posted again after this many days since its last message
 * @param rules the rules, by their stable ids
 */
public record AlertRules(int cooldownDays, Rules rules) {

    public record Rules(UsageDrop usageDrop, NoActivity noActivity, StakeholderLeft stakeholderLeft,
            SupportSpike supportSpike, DetractorFeedback detractorFeedback, RenewalAtRisk renewalAtRisk,
            LicenseUtilization licenseUtilization, HealthBandDrop healthBandDrop, OnboardingStalled onboardingStalled) {

        /** Every rule with its id, in the order messages list them. */
        public List<Named> all() {
            return List.of(new Named("usage_drop", usageDrop.common()), new Named("no_activity", noActivity.common()),
                    new Named("stakeholder_left", stakeholderLeft.common()),
                    new Named("support_spike", supportSpike.common()),
                    new Named("detractor_feedback", detractorFeedback.common()),
                    new Named("renewal_at_risk", renewalAtRisk.common()),
                    new Named("license_utilization", licenseUtilization.common()),
                    new Named("health_band_drop", healthBandDrop.common()),
                    new Named("onboarding_stalled", onboardingStalled.common()));
        }
    }

    public record Named(String id, Common common) {}

    /** The frame every rule shares. */
    public record Common(boolean enabled, String severity, String playbook, double worseStep, List<ContextRule> context) {
        public Common {
            context = context == null ? List.of() : List.copyOf(context);
        }
    }

    /**
     * Context that sets the severity, first match wins: for example a detractor at a red account renewing
     * within 45 days is {@code high}, a lone detractor at a green account among promoters is {@code low}.
     */
    public record ContextRule(When when, String severity) {}

    /** Every condition given must hold; a condition left out holds always. */
    public record When(List<String> band, Integer renewalWithinDays, Integer promotersAtLeast,
            Integer detractorsAtMost, List<String> segment, Long arrAtLeast) {}

    /** Recent active users against the account's own baseline just before. */
    public record UsageDrop(boolean enabled, String severity, String playbook, double worseStep, List<ContextRule> context,
            int recentDays, int baselineDays, double minDrop, double highDrop, double minBaselineUsers) {
        Common common() {
            return new Common(enabled, severity, playbook, worseStep, context);
        }
    }

    public record NoActivity(boolean enabled, String severity, String playbook, double worseStep,
            List<ContextRule> context, int days) {
        Common common() {
            return new Common(enabled, severity, playbook, worseStep, context);
        }
    }

    /** A champion or executive sponsor left within {@code lookbackDays} and nobody holds that role now. */
    public record StakeholderLeft(boolean enabled, String severity, String playbook, double worseStep,
            List<ContextRule> context, int lookbackDays) {
        Common common() {
            return new Common(enabled, severity, playbook, worseStep, context);
        }
    }

    /** An urgent ticket open, or recent volume at a multiple of the account's own monthly baseline. */
    public record SupportSpike(boolean enabled, String severity, String playbook, double worseStep,
            List<ContextRule> context, String urgentOpenSeverity, int recentDays, int baselineDays, double spikeRatio,
            int minTickets) {
        Common common() {
            return new Common(enabled, severity, playbook, worseStep, context);
        }
    }

    /** Survey answers at or under these scores within {@code lookbackDays} (CES: 7 = very easy, so low = effort). */
    public record DetractorFeedback(boolean enabled, String severity, String playbook, double worseStep,
            List<ContextRule> context, int lookbackDays, int npsAtMost, int csatAtMost, int cesAtMost,
            int promoterDays) {
        Common common() {
            return new Common(enabled, severity, playbook, worseStep, context);
        }
    }

    /** A renewal inside one of the windows while the account is not green; the tightest window sets severity. */
    public record RenewalAtRisk(boolean enabled, String severity, String playbook, double worseStep,
            List<ContextRule> context, List<Window> windows) {
        public RenewalAtRisk {
            windows = windows == null ? List.of() : List.copyOf(windows);
        }

        Common common() {
            return new Common(enabled, severity, playbook, worseStep, context);
        }
    }

    public record Window(int days, String severity) {}

    public record LicenseUtilization(boolean enabled, String severity, String playbook, double worseStep,
            List<ContextRule> context, int windowDays, double under) {
        Common common() {
            return new Common(enabled, severity, playbook, worseStep, context);
        }
    }

    /** The band fell against {@code trend_days} earlier; falling two bands (green to red) is {@code high}. */
    public record HealthBandDrop(boolean enabled, String severity, String playbook, double worseStep,
            List<ContextRule> context, String twoBandSeverity) {
        Common common() {
            return new Common(enabled, severity, playbook, worseStep, context);
        }
    }

    /** First value (this share of seats active on a day) not reached by the target day of onboarding. */
    public record OnboardingStalled(boolean enabled, String severity, String playbook, double worseStep,
            List<ContextRule> context, double firstValueUtilization, int targetDays, int overdueDays,
            String overdueSeverity) {
        Common common() {
            return new Common(enabled, severity, playbook, worseStep, context);
        }
    }
}
