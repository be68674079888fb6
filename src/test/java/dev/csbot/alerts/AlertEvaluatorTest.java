package dev.csbot.alerts;

import static dev.csbot.support.SignalsBuilder.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.AccountSignals;
import dev.csbot.account.FeedbackKind;
import dev.csbot.account.LifecycleStage;
import dev.csbot.account.Segment;
import dev.csbot.health.HealthScore;
import dev.csbot.health.HealthScorer;
import dev.csbot.health.Playbook;
import dev.csbot.health.Scorecard;
import dev.csbot.health.ScorecardLoader;
import dev.csbot.support.SignalsBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AlertEvaluatorTest {

    private static final Scorecard SCORECARD = ScorecardLoader.defaults();
    private static final HealthScorer SCORER = new HealthScorer(SCORECARD);
    private final AlertEvaluator evaluator = new AlertEvaluator(AlertRulesLoader.defaults(), SCORECARD::bandOf);

    private List<Finding> evaluate(SignalsBuilder builder) {
        AccountSignals signals = builder.build();
        HealthScore health = SCORER.scoreForRanking(signals, TODAY);
        return evaluator.evaluate(signals, health, TODAY);
    }

    private static Map<String, Severity> byRule(List<Finding> findings) {
        return findings.stream().collect(Collectors.toMap(Finding::ruleId, Finding::severity));
    }

    /** Acme's story: usage sliding for four weeks, the champion gone, renewal in 50 days. */
    private static SignalsBuilder slidingAccount() {
        return SignalsBuilder.healthy("acme")
                .usage(TODAY.minusDays(27), TODAY, day -> 85 - day * 45 / 27, 5)
                .championLeft("Jane Doe", "VP Operations", TODAY.minusDays(25))
                .renewal(TODAY.plusDays(50));
    }

    @Test
    void aHealthyAccountRaisesNothing() {
        assertThat(evaluate(SignalsBuilder.healthy("globex"))).isEmpty();
    }

    @Test
    void aSlidingAccountWhoseChampionLeftBeforeTheRenewalRaisesUsageStakeholderAndRenewal() {
        List<Finding> findings = evaluate(slidingAccount());
        assertThat(byRule(findings)).containsKeys("usage_drop", "stakeholder_left", "renewal_at_risk");
        Finding usage = findings.stream().filter(f -> f.ruleId().equals("usage_drop")).findFirst().orElseThrow();
        assertThat(usage.headline()).startsWith("Usage down ");
        assertThat(usage.evidence()).contains("active users a day over the last 14 days", "over the 90 days before");
        assertThat(usage.playbook()).isEqualTo(Playbook.LOW_ADOPTION);
        Finding left = findings.stream().filter(f -> f.ruleId().equals("stakeholder_left")).findFirst().orElseThrow();
        assertThat(left.evidence()).contains("Jane Doe (VP Operations), the champion, left on "
                + TODAY.minusDays(25) + " (25 days ago); no other champion is listed");
        assertThat(left.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void aSeasonalDipThatRecoveredRaisesNothing() {
        SignalsBuilder dipped = SignalsBuilder.healthy("seasonal").usage(TODAY.minusDays(60), TODAY.minusDays(30),
                day -> 40, 7);
        assertThat(evaluate(dipped)).isEmpty();
    }

    @Test
    void aDropOfFortyPercentOrMoreIsHigh() {
        SignalsBuilder fallen = SignalsBuilder.healthy("fallen").usage(TODAY.minusDays(13), TODAY, day -> 40, 7);
        assertThat(byRule(evaluate(fallen))).containsEntry("usage_drop", Severity.HIGH);
    }

    @Test
    void aOneOffUrgentTicketAlreadyClosedRaisesNothingButAnOpenOneIsHigh() {
        assertThat(evaluate(SignalsBuilder.healthy("oneoff")
                .ticket(TODAY.minusDays(18), TODAY.minusDays(16), 1, "Login outage"))).isEmpty();
        List<Finding> open = evaluate(SignalsBuilder.healthy("open").ticket(TODAY.minusDays(6), null, 1, "Sync failing"));
        assertThat(byRule(open)).containsEntry("support_spike", Severity.HIGH);
        assertThat(open.get(0).evidence()).contains("1 urgent ticket open, the oldest \"Sync failing\" opened "
                + TODAY.minusDays(6) + " (6 days ago)");
    }

    @Test
    void ticketVolumeWellAboveTheAccountsOwnBaselineIsASpike() {
        SignalsBuilder busy = SignalsBuilder.healthy("busy");
        for (int i = 0; i < 6; i++) {
            busy.ticket(TODAY.minusDays(40 + i * 30L), TODAY.minusDays(38 + i * 30L), 3, "question");
        }
        for (int i = 0; i < 6; i++) {
            busy.ticket(TODAY.minusDays(2 + i * 4L), TODAY.minusDays(1 + i * 4L), 3, "bug");
        }
        List<Finding> findings = evaluate(busy);
        assertThat(byRule(findings)).containsEntry("support_spike", Severity.MEDIUM);
        assertThat(findings.get(0).evidence()).contains("6 tickets in the last 30 days, against 1.0 in a usual 30 days");
    }

    @Test
    void aDetractorAtARedAccountRenewingIn45DaysIsHigh() {
        SignalsBuilder red = SignalsBuilder.healthy("red").usage(TODAY.minusDays(120), TODAY, day -> 15, 1)
                .noMeetings().noFeedback().championLeft("Jane Doe", "VP Operations", TODAY.minusDays(20))
                .ticket(TODAY.minusDays(4), null, 1, "Outage")
                .feedback(FeedbackKind.NPS, 3, TODAY.minusDays(5), "Evaluating options")
                .renewal(TODAY.plusDays(45));
        List<Finding> findings = evaluate(red);
        assertThat(SCORER.scoreForRanking(red.build(), TODAY).band().label()).isEqualTo("red");
        assertThat(byRule(findings)).containsEntry("detractor_feedback", Severity.HIGH);
    }

    @Test
    void aLoneDetractorAtAGreenAccountAmongPromotersIsLow() {
        SignalsBuilder green = SignalsBuilder.healthy("green")
                .feedback(FeedbackKind.NPS, 10, TODAY.minusDays(60), null)
                .feedback(FeedbackKind.NPS, 9, TODAY.minusDays(30), null)
                .feedback(FeedbackKind.NPS, 5, TODAY.minusDays(3), "Exports are slow");
        assertThat(byRule(evaluate(green))).containsExactly(Map.entry("detractor_feedback", Severity.LOW));
    }

    @Test
    void highEffortIsALowCesScoreOnItsOneToSevenScale() {
        assertThat(byRule(evaluate(SignalsBuilder.healthy("effort")
                .feedback(FeedbackKind.CES, 2, TODAY.minusDays(3), null)))).containsKey("detractor_feedback");
        assertThat(evaluate(SignalsBuilder.healthy("easy").feedback(FeedbackKind.CES, 7, TODAY.minusDays(3), null)))
                .isEmpty();
    }

    @Test
    void aChampionWhoLeftAndWasReplacedRaisesNothing() {
        SignalsBuilder replaced = SignalsBuilder.healthy("replaced")
                .championLeft("Jane Doe", "VP Operations", TODAY.minusDays(30))
                .champion("Omar Haddad", "Head of Support");
        assertThat(evaluate(replaced)).isEmpty();
    }

    @Test
    void anExecutiveSponsorWhoLeftWithoutReplacementIsNamed() {
        SignalsBuilder noSponsor = SignalsBuilder.bare("nosponsor").usage(TODAY.minusDays(365), TODAY, d -> 85, 7)
                .champion("Priya Shah", "VP Operations")
                .feedback(FeedbackKind.NPS, 9, TODAY.minusDays(40), null);
        noSponsor.build();
        List<Finding> findings = evaluate(noSponsor.sponsorLeft("Tom Berg", "COO", TODAY.minusDays(10)));
        assertThat(findings).extracting(Finding::headline).contains("Executive sponsor left, no replacement");
    }

    @Test
    void noActivityForAWeekIsHighAndMissingUsageDataNeverFires() {
        SignalsBuilder idle = SignalsBuilder.healthy("idle").usage(TODAY.minusDays(9), TODAY, d -> 0, 0);
        List<Finding> findings = evaluate(idle);
        assertThat(byRule(findings)).containsEntry("no_activity", Severity.HIGH);
        assertThat(findings.stream().filter(f -> f.ruleId().equals("no_activity")).findFirst().orElseThrow().evidence())
                .contains("No active users for 10 days; the last active day was " + TODAY.minusDays(10));
        assertThat(byRule(evaluate(SignalsBuilder.healthy("nodata").noUsage()))).doesNotContainKey("no_activity");
    }

    @Test
    void lowLicenseUtilizationIsLowUntilTheRenewalIsNear() {
        SignalsBuilder shelfware = SignalsBuilder.healthy("shelf").seats(400);
        assertThat(byRule(evaluate(shelfware))).containsEntry("license_utilization", Severity.LOW);
        assertThat(byRule(evaluate(shelfware.renewal(TODAY.plusDays(80))))).containsEntry("license_utilization",
                Severity.MEDIUM);
    }

    @Test
    void fallingFromGreenToRedIsHigh() {
        SignalsBuilder crash = SignalsBuilder.healthy("crash").usage(TODAY.minusDays(20), TODAY, d -> 5, 1)
                .championLeft("Jane Doe", "VP Operations", TODAY.minusDays(10))
                .feedback(FeedbackKind.NPS, 1, TODAY.minusDays(2), null)
                .ticket(TODAY.minusDays(3), null, 1, "Outage");
        List<Finding> findings = evaluate(crash);
        assertThat(findings).extracting(Finding::ruleId).contains("health_band_drop");
        Finding drop = findings.stream().filter(f -> f.ruleId().equals("health_band_drop")).findFirst().orElseThrow();
        assertThat(drop.headline()).isEqualTo("Health fell from green to red");
        assertThat(drop.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void onboardingWithoutFirstValueByItsTargetDayHasStalled() {
        SignalsBuilder stalled = SignalsBuilder.bare("initech").segment(Segment.SMB).seats(40)
                .stage(LifecycleStage.ONBOARDING).contractStart(TODAY.minusDays(48))
                .renewal(TODAY.plusDays(317)).usage(TODAY.minusDays(48), TODAY, d -> 7, 2);
        List<Finding> findings = evaluate(stalled);
        Finding finding = findings.stream().filter(f -> f.ruleId().equals("onboarding_stalled")).findFirst()
                .orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(finding.evidence()).contains("12 of 40 seats", "best day so far had 7", "today is day 48");
        assertThat(evaluate(stalled.usage(TODAY.minusDays(5), TODAY, d -> 20, 3))).extracting(Finding::ruleId)
                .doesNotContain("onboarding_stalled");
    }

    @Test
    void aRenewalInsideTheTightestWindowTakesItsSeverityAndAGreenAccountIsNotAtRisk() {
        SignalsBuilder yellow = SignalsBuilder.healthy("yellow").noMeetings().noFeedback()
                .feedback(FeedbackKind.NPS, 4, TODAY.minusDays(100), null)
                .usage(TODAY.minusDays(365), TODAY, d -> 45, 2).renewal(TODAY.plusDays(80));
        assertThat(SCORER.scoreForRanking(yellow.build(), TODAY).band().label()).isEqualTo("yellow");
        assertThat(byRule(evaluate(yellow))).containsEntry("renewal_at_risk", Severity.MEDIUM);
        assertThat(byRule(evaluate(yellow.renewal(TODAY.plusDays(25))))).containsEntry("renewal_at_risk", Severity.HIGH);
        assertThat(evaluate(SignalsBuilder.healthy("green").renewal(TODAY.plusDays(25)))).isEmpty();
    }
}
