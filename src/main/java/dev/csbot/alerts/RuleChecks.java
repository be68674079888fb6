package dev.csbot.alerts;

import dev.csbot.account.Contact;
import dev.csbot.account.FeedbackResponse;
import dev.csbot.account.LifecycleStage;
import dev.csbot.account.Ticket;
import dev.csbot.account.UsageDay;
import dev.csbot.health.Band;
import dev.csbot.health.Playbook;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The nine checks, one method each: signals in, a finding (with its base severity, before context) out.
 * Missing data never fires a rule: a check without the data it needs says nothing.
 */
final class RuleChecks {

    private final AlertRules.Rules rules;

    RuleChecks(AlertRules.Rules rules) {
        this.rules = rules;
    }

    Optional<Finding> usageDrop(AccountContext c) {
        AlertRules.UsageDrop r = rules.usageDrop();
        LocalDate recentFrom = c.asOf().minusDays(r.recentDays());
        RuleUsage.Mean recent = c.usage().mean(recentFrom, c.asOf());
        RuleUsage.Mean baseline = c.usage().mean(recentFrom.minusDays(r.baselineDays()), recentFrom);
        if (recent.days() * 2 < r.recentDays() || baseline.days() * 2 < r.baselineDays()
                || baseline.value() < r.minBaselineUsers()) {
            return Optional.empty();
        }
        double drop = 1 - recent.value() / baseline.value();
        if (drop < r.minDrop()) {
            return Optional.empty();
        }
        Severity severity = drop >= r.highDrop() ? Severity.HIGH : severity(r.severity());
        return Optional.of(finding("usage_drop", severity, r.playbook(),
                "Usage down " + percent(drop) + " against its own baseline",
                String.format(Locale.ROOT, "%s active users a day over the last %d days, against %s a day over the %d"
                        + " days before (a fall of %s; alerts from %s)", one(recent.value()), r.recentDays(),
                        one(baseline.value()), r.baselineDays(), percent(drop), percent(r.minDrop())),
                Math.round(drop * 1000) / 10.0));
    }

    Optional<Finding> noActivity(AccountContext c) {
        AlertRules.NoActivity r = rules.noActivity();
        Optional<LocalDate> first = c.usage().firstDay();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalDate> lastActive = c.usage().lastActiveDay();
        long idle = lastActive.map(d -> ChronoUnit.DAYS.between(d, c.asOf()))
                .orElse(ChronoUnit.DAYS.between(first.get(), c.asOf()) + 1);
        if (idle < r.days()) {
            return Optional.empty();
        }
        String evidence = lastActive.map(d -> "No active users for " + idle + " days; the last active day was " + d)
                .orElse("No active users on any of the " + idle + " days of usage data");
        return Optional.of(finding("no_activity", severity(r.severity()), r.playbook(),
                "No activity for " + idle + " days", evidence + " (alerts from " + r.days() + " days)", idle));
    }

    Optional<Finding> stakeholderLeft(AccountContext c) {
        AlertRules.StakeholderLeft r = rules.stakeholderLeft();
        List<String> gone = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        for (boolean champion : new boolean[] {true, false}) {
            String role = champion ? "champion" : "executive sponsor";
            List<Contact> holders = c.contacts().stream()
                    .filter(p -> champion ? p.champion() : p.execSponsor()).toList();
            if (holders.stream().anyMatch(p -> p.activeOn(c.asOf()))) {
                continue; // someone holds the role today: replaced, or never left
            }
            Optional<Contact> left = holders.stream()
                    .filter(p -> p.leftOn().filter(d -> !d.isAfter(c.asOf())
                            && d.isAfter(c.asOf().minusDays(r.lookbackDays()))).isPresent())
                    .max(Comparator.comparing(p -> p.leftOn().get()));
            left.ifPresent(p -> {
                roles.add(role);
                LocalDate on = p.leftOn().get();
                gone.add(p.name() + " (" + p.title() + "), the " + role + ", left on " + on + " ("
                        + ChronoUnit.DAYS.between(on, c.asOf()) + " days ago); no other " + role + " is listed");
            });
        }
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        String headline = roles.size() == 2 ? "Champion and executive sponsor left, no replacement"
                : capitalized(roles.get(0)) + " left, no replacement";
        return Optional.of(finding("stakeholder_left", severity(r.severity()), r.playbook(), headline,
                String.join("; ", gone), roles.size()));
    }

    Optional<Finding> supportSpike(AccountContext c) {
        AlertRules.SupportSpike r = rules.supportSpike();
        List<Ticket> urgent = c.tickets().stream().filter(t -> t.severity() == 1 && t.openOn(c.asOf()))
                .toList();
        LocalDate recentFrom = c.asOf().minusDays(r.recentDays());
        LocalDate baselineFrom = recentFrom.minusDays(r.baselineDays());
        long recent = c.tickets().stream().filter(t -> t.openedOn().isAfter(recentFrom)
                && !t.openedOn().isAfter(c.asOf())).count();
        long before = c.tickets().stream().filter(t -> t.openedOn().isAfter(baselineFrom)
                && !t.openedOn().isAfter(recentFrom)).count();
        double usual = before * (double) r.recentDays() / r.baselineDays();
        boolean spike = recent >= r.minTickets() && recent >= r.spikeRatio() * usual;
        if (urgent.isEmpty() && !spike) {
            return Optional.empty();
        }
        List<String> evidence = new ArrayList<>();
        if (!urgent.isEmpty()) {
            Ticket oldest = urgent.get(0);
            evidence.add(urgent.size() + " urgent ticket" + (urgent.size() == 1 ? "" : "s") + " open, the oldest \""
                    + oldest.subject() + "\" opened " + oldest.openedOn() + " ("
                    + ChronoUnit.DAYS.between(oldest.openedOn(), c.asOf()) + " days ago)");
        }
        evidence.add(String.format(Locale.ROOT, "%d ticket%s in the last %d days, against %s in a usual %d days"
                + " over the %d before", recent, recent == 1 ? "" : "s", r.recentDays(), one(usual), r.recentDays(),
                r.baselineDays()));
        String headline = !urgent.isEmpty() ? (spike ? "Urgent ticket open and a ticket spike" : "Urgent ticket open")
                : "Support spike: " + recent + " tickets in " + r.recentDays() + " days";
        Severity severity = !urgent.isEmpty() ? severity(r.urgentOpenSeverity()) : severity(r.severity());
        return Optional.of(finding("support_spike", severity, r.playbook(), headline, String.join("; ", evidence),
                recent + 2.0 * urgent.size()));
    }

    Optional<Finding> detractorFeedback(AccountContext c) {
        AlertRules.DetractorFeedback r = rules.detractorFeedback();
        List<FeedbackResponse> detractors = detractors(c);
        if (detractors.isEmpty()) {
            return Optional.empty();
        }
        String answers = detractors.stream().map(f -> f.kind().name() + " " + f.score() + " on " + f.date())
                .collect(Collectors.joining(", "));
        String headline = detractors.size() == 1
                ? "Detractor feedback: " + detractors.get(0).kind().name() + " " + detractors.get(0).score()
                : detractors.size() + " detractor answers in " + r.lookbackDays() + " days";
        return Optional.of(finding("detractor_feedback", severity(r.severity()), r.playbook(), headline,
                answers + " (detractor: NPS " + r.npsAtMost() + " or less, CSAT " + r.csatAtMost() + " or less, CES "
                        + r.cesAtMost() + " or less on 1-7; " + c.promotersSince(c.asOf().minusDays(r.promoterDays()))
                        + " promoter answers in " + r.promoterDays() + " days)",
                detractors.size()));
    }

    /** Detractor answers within the rule's lookback, oldest first (also used by the context conditions). */
    List<FeedbackResponse> detractors(AccountContext c) {
        AlertRules.DetractorFeedback r = rules.detractorFeedback();
        return c.feedbackSince(c.asOf().minusDays(r.lookbackDays())).stream().filter(f -> switch (f.kind()) {
            case NPS -> f.score() <= r.npsAtMost();
            case CSAT -> f.score() <= r.csatAtMost();
            case CES -> f.score() <= r.cesAtMost();
        }).toList();
    }

    Optional<Finding> renewalAtRisk(AccountContext c) {
        AlertRules.RenewalAtRisk r = rules.renewalAtRisk();
        long days = c.daysToRenewal();
        if (c.health().band() == Band.GREEN || days < 0) {
            return Optional.empty();
        }
        Optional<AlertRules.Window> window = r.windows().stream().filter(w -> days <= w.days())
                .min(Comparator.comparingInt(AlertRules.Window::days));
        if (window.isEmpty()) {
            return Optional.empty();
        }
        int widest = r.windows().stream().mapToInt(AlertRules.Window::days).max().orElse(0);
        return Optional.of(finding("renewal_at_risk", severity(window.get().severity()), r.playbook(),
                "Renewal in " + days + " days while " + c.health().band().label(),
                "Renews on " + c.account().renewalDate() + " (" + days + " days, inside the "
                        + window.get().days() + "-day window); health " + c.health().score() + " ("
                        + c.health().band().label() + ")" + trend(c),
                widest - window.get().days()));
    }

    Optional<Finding> licenseUtilization(AccountContext c) {
        AlertRules.LicenseUtilization r = rules.licenseUtilization();
        int seats = c.account().seatsPurchased();
        if (seats <= 0 || c.account().lifecycleStage() == LifecycleStage.ONBOARDING) {
            return Optional.empty();
        }
        RuleUsage.Mean active = c.usage().mean(c.asOf().minusDays(r.windowDays()), c.asOf());
        if (active.days() * 2 < r.windowDays()) {
            return Optional.empty();
        }
        double utilization = active.value() / seats;
        if (utilization >= r.under()) {
            return Optional.empty();
        }
        return Optional.of(finding("license_utilization", severity(r.severity()), r.playbook(),
                "License utilization at " + percentUnder(utilization, r.under()),
                one(active.value()) + " of " + seats + " seats active a day over the last " + r.windowDays()
                        + " days (" + percentUnder(utilization, r.under()) + "; alerts under " + percent(r.under()) + ")",
                Math.round((r.under() - utilization) * 1000) / 10.0));
    }

    Optional<Finding> healthBandDrop(AccountContext c) {
        AlertRules.HealthBandDrop r = rules.healthBandDrop();
        if (c.health().previousScore().isEmpty()) {
            return Optional.empty();
        }
        int previous = c.health().previousScore().getAsInt();
        Band before = c.bandOf().apply(previous);
        Band now = c.health().band();
        int fell = before.ordinal() - now.ordinal();
        if (fell <= 0) {
            return Optional.empty();
        }
        return Optional.of(finding("health_band_drop", fell >= 2 ? severity(r.twoBandSeverity()) : severity(r.severity()),
                r.playbook(), "Health fell from " + before.label() + " to " + now.label(),
                "Health " + c.health().score() + " (" + now.label() + ") today, " + previous + " (" + before.label()
                        + ") " + c.health().trendDays() + " days ago",
                fell));
    }

    Optional<Finding> onboardingStalled(AccountContext c) {
        AlertRules.OnboardingStalled r = rules.onboardingStalled();
        var account = c.account();
        if (account.lifecycleStage() != LifecycleStage.ONBOARDING || account.seatsPurchased() <= 0) {
            return Optional.empty();
        }
        long daysIn = ChronoUnit.DAYS.between(account.contractStart(), c.asOf());
        if (daysIn <= r.targetDays()) {
            return Optional.empty();
        }
        double needed = r.firstValueUtilization() * account.seatsPurchased();
        int best = 0;
        for (UsageDay day : c.usage().everyDay()) {
            if (!day.date().isBefore(account.contractStart())) {
                if (day.activeUsers() >= needed) {
                    return Optional.empty(); // first value reached
                }
                best = Math.max(best, day.activeUsers());
            }
        }
        Severity severity = daysIn > r.overdueDays() ? severity(r.overdueSeverity()) : severity(r.severity());
        return Optional.of(finding("onboarding_stalled", severity, r.playbook(),
                "Onboarding stalled: day " + daysIn + ", first value not reached",
                String.format(Locale.ROOT, "First value is %d of %d seats active on one day (%s); the best day so far"
                        + " had %d; target day %d of onboarding, today is day %d", (int) Math.ceil(needed),
                        account.seatsPurchased(), percent(r.firstValueUtilization()), best, r.targetDays(), daysIn),
                daysIn - r.targetDays()));
    }

    private static String trend(AccountContext c) {
        return c.health().change().isPresent() ? String.format(Locale.ROOT, ", %+d over %d days",
                c.health().change().getAsInt(), c.health().trendDays()) : "";
    }

    private static Finding finding(String rule, Severity severity, String playbook, String headline, String evidence,
            double level) {
        return new Finding(rule, severity, Playbook.fromId(playbook).orElseThrow(), headline, evidence, level);
    }

    static Severity severity(String label) {
        return Severity.fromLabel(label).orElseThrow(() -> new IllegalArgumentException("not a severity: " + label));
    }

    static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    /** A share just under a limit never reads as the limit itself ("30%; alerts under 30%"): then one decimal, down. */
    static String percentUnder(double fraction, double limit) {
        if (Math.round(fraction * 100) < Math.round(limit * 100)) {
            return percent(fraction);
        }
        return String.format(Locale.ROOT, "%.1f%%", Math.floor(fraction * 1000) / 10);
    }

    private static String one(double value) {
        return value >= 10 ? String.valueOf(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
