package dev.csbot.health;

import static dev.csbot.support.SignalsBuilder.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.FeedbackKind;
import dev.csbot.account.LifecycleStage;
import dev.csbot.account.MeetingKind;
import dev.csbot.account.Segment;
import dev.csbot.support.SignalsBuilder;
import org.junit.jupiter.api.Test;

class HealthScorerTest {

    private final HealthScorer scorer = new HealthScorer(ScorecardLoader.defaults());

    private HealthScore score(SignalsBuilder account) {
        return scorer.score(account.build(), TODAY);
    }

    private static double measure(HealthScore health, Measure measure) {
        return health.measure(measure).orElseThrow().score().orElseThrow();
    }

    /** Usage at {@code before} users a day until four weeks ago, then sliding to {@code after}. */
    private static SignalsBuilder sliding(SignalsBuilder account, int before, int after) {
        return account.usage(TODAY.minusDays(27), TODAY, day -> before - (before - after) * day / 27, 4);
    }

    @Test
    void aWellRunAccountIsGreenWithNoDriversAndIsExpansionReady() {
        HealthScore health = score(SignalsBuilder.healthy("globex"));

        assertThat(health.score()).isGreaterThanOrEqualTo(90);
        assertThat(health.band()).isEqualTo(Band.GREEN);
        assertThat(health.drivers()).isEmpty();
        assertThat(health.playbook()).contains(Playbook.EXPANSION_READY);
        assertThat(health.staleSources()).isEmpty();
    }

    @Test
    void acmeIsRedWhenChampionLeftUsageFellAndRenewalIsNear() {
        SignalsBuilder acme = sliding(SignalsBuilder.healthy("acme"), 80, 40)
                .championLeft("Jane Doe", "VP Operations", TODAY.minusDays(25))
                .feedback(FeedbackKind.NPS, 3, TODAY.minusDays(10), "Too slow since the update")
                .ticket(TODAY.minusDays(6), null, 1, "Sync failing for all users")
                .renewal(TODAY.plusDays(60));

        HealthScore health = score(acme);

        // Two key measures in their red zone (the champion gone, usage sliding) make it red.
        assertThat(health.band()).isEqualTo(Band.RED);
        assertThat(health.score()).isLessThan(50);
        assertThat(health.caps()).extracting(BandCap::reason)
                .contains("2 key measures are in their red zone (Relationship, Usage trend)");
        assertThat(health.drivers()).extracting(Driver::measure)
                .contains(Measure.RELATIONSHIP, Measure.USAGE_TREND);
        assertThat(health.drivers()).anySatisfy(d -> assertThat(d.evidence())
                .contains("champion Jane Doe (VP Operations) left on " + TODAY.minusDays(25)));
        assertThat(health.playbook()).contains(Playbook.RENEWAL_AT_RISK);
        assertThat(health.change().orElseThrow()).isNegative();
    }

    @Test
    void usageTrendEvidenceNamesTheDropAndBothWindows() {
        SignalsBuilder account = SignalsBuilder.healthy("acme")
                .usage(TODAY.minusDays(27), TODAY.minusDays(14), day -> 41, 5)
                .usage(TODAY.minusDays(13), TODAY, day -> 25, 5);

        MeasureResult trend = score(account).measure(Measure.USAGE_TREND).orElseThrow();

        assertThat(trend.evidence()).isEqualTo("active users down 39% over 14 days: 41 -> 25");
        assertThat(trend.score().getAsDouble()).isCloseTo(85 * (1 - 0.39 / 0.5), org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void licenseUtilizationIsActiveUsersOverSeatsWithFullMarksAtEightyPercent() {
        SignalsBuilder account = SignalsBuilder.healthy("a").seats(100).usage(TODAY.minusDays(60), TODAY, d -> 40, 6);

        HealthScore health = score(account);

        assertThat(measure(health, Measure.LICENSE_UTILIZATION)).isEqualTo(50.0);
        assertThat(health.measure(Measure.LICENSE_UTILIZATION).orElseThrow().evidence())
                .startsWith("40% of 100 seats active");
    }

    @Test
    void adoptionBreadthCountsKeyFeaturesOnTheBestRecentDay() {
        SignalsBuilder account = SignalsBuilder.healthy("a").usage(TODAY.minusDays(60), TODAY, d -> 85, 3);

        assertThat(measure(score(account), Measure.ADOPTION_BREADTH)).isEqualTo(50.0);
    }

    @Test
    void openUrgentAndHighTicketsCostSupportPoints() {
        SignalsBuilder account = SignalsBuilder.healthy("a")
                .ticket(TODAY.minusDays(3), null, 1, "Outage")
                .ticket(TODAY.minusDays(2), null, 2, "Export broken")
                .ticket(TODAY.minusDays(100), TODAY.minusDays(90), 1, "Old outage, closed");

        HealthScore health = score(account);

        assertThat(measure(health, Measure.SUPPORT_BURDEN)).isEqualTo(100 - 35 - 20.0);
        assertThat(health.measure(Measure.SUPPORT_BURDEN).orElseThrow().evidence())
                .startsWith("1 urgent ticket and 1 high ticket open");
    }

    @Test
    void aTicketSpikeAgainstTheAccountsOwnBaselineCostsPoints() {
        SignalsBuilder account = SignalsBuilder.healthy("a");
        for (int i = 0; i < 6; i++) {
            account.ticket(TODAY.minusDays(40 + i * 30), TODAY.minusDays(35 + i * 30), 3, "How do I export");
        }
        for (int i = 0; i < 5; i++) {
            account.ticket(TODAY.minusDays(1 + i * 5), TODAY.minusDays(i * 5), 3, "Question " + i);
        }

        assertThat(measure(score(account), Measure.SUPPORT_BURDEN)).isEqualTo(70.0);
    }

    @Test
    void aRecentDetractorOutweighsAnOldPromoter() {
        SignalsBuilder account = SignalsBuilder.healthy("a").noFeedback()
                .feedback(FeedbackKind.NPS, 10, TODAY.minusDays(300), null)
                .feedback(FeedbackKind.NPS, 2, TODAY.minusDays(5), "Not happy");

        HealthScore health = score(account);

        assertThat(measure(health, Measure.SENTIMENT)).isLessThan(40);
        assertThat(health.measure(Measure.SENTIMENT).orElseThrow().evidence()).contains("latest NPS 2").contains("detractor");
    }

    @Test
    void csatAndCesAreNormalisedToTheSameScale() {
        SignalsBuilder csat = SignalsBuilder.healthy("a").noFeedback().feedback(FeedbackKind.CSAT, 5, TODAY, null);
        SignalsBuilder ces = SignalsBuilder.healthy("b").noFeedback().feedback(FeedbackKind.CES, 1, TODAY, null);

        assertThat(measure(score(csat), Measure.SENTIMENT)).isEqualTo(100.0);
        assertThat(measure(score(ces), Measure.SENTIMENT)).isEqualTo(0.0);
    }

    @Test
    void engagementFallsWhenMeetingsLapseAndNoExecutiveIsInvolved() {
        SignalsBuilder account = SignalsBuilder.healthy("a").noMeetings()
                .meeting(TODAY.minusDays(75), MeetingKind.CHECK_IN, false);

        HealthScore health = score(account);

        // Overdue from 60 days (twice the 30-day cadence) at 40, falling to 0 at 90: 75 days is 20,
        // and no executive in 180 days costs 25 more.
        assertThat(measure(health, Measure.ENGAGEMENT)).isEqualTo(0.0);
        assertThat(health.measure(Measure.ENGAGEMENT).orElseThrow().evidence())
                .contains("last meeting 75 days ago").contains("overdue, more than twice the cadence")
                .contains("no executive");
    }

    @Test
    void smbAccountsAreNotPenalisedForMissingExecutives() {
        SignalsBuilder account = SignalsBuilder.healthy("a").segment(Segment.SMB).noMeetings()
                .meeting(TODAY.minusDays(60), MeetingKind.CHECK_IN, false);

        assertThat(measure(score(account), Measure.ENGAGEMENT)).isEqualTo(100.0);
    }

    @Test
    void aNewChampionSoftensTheLossOfTheOldOne() {
        SignalsBuilder lost = SignalsBuilder.healthy("a").championLeft("Jane Doe", "VP", TODAY.minusDays(20));
        SignalsBuilder replaced = SignalsBuilder.healthy("b").championLeft("Jane Doe", "VP", TODAY.minusDays(20))
                .champion("Raj Patel", "Director");

        assertThat(measure(score(lost), Measure.RELATIONSHIP)).isEqualTo(20.0);
        assertThat(measure(score(replaced), Measure.RELATIONSHIP)).isEqualTo(60.0);
    }

    @Test
    void missingDataIsReportedAsMissingAndNeverScoredAsZero() {
        SignalsBuilder withFeedback = SignalsBuilder.healthy("a");
        SignalsBuilder without = SignalsBuilder.healthy("b").noFeedback();

        HealthScore health = score(without);

        MeasureResult sentiment = health.measure(Measure.SENTIMENT).orElseThrow();
        assertThat(sentiment.isMissing()).isTrue();
        assertThat(sentiment.evidence()).isEqualTo("no survey responses in the last 365 days");
        // A missing measure drops out of the weighted mean; it does not drag the score down.
        assertThat(health.score()).isGreaterThanOrEqualTo(score(withFeedback).score() - 1);
        assertThat(health.drivers()).extracting(Driver::measure).doesNotContain(Measure.SENTIMENT);
        assertThat(health.staleSources()).contains("no feedback on record");
    }

    @Test
    void staleUsageIsFlaggedWithTheDateOfTheLastRow() {
        SignalsBuilder account = SignalsBuilder.healthy("a").noUsage()
                .usage(TODAY.minusDays(100), TODAY.minusDays(20), d -> 85, 7);

        HealthScore health = score(account);

        assertThat(health.staleSources()).contains("usage data is stale: last row " + TODAY.minusDays(20)
                + " (20 days ago)");
        assertThat(health.dataThrough()).contains(TODAY.minusDays(20));
        assertThat(health.measure(Measure.LICENSE_UTILIZATION).orElseThrow().isMissing()).isTrue();
    }

    @Test
    void onboardingAccountsAreJudgedOnTimeToValueNotAbsoluteUsage() {
        SignalsBuilder fastStart = SignalsBuilder.healthy("a").stage(LifecycleStage.ONBOARDING).noUsage()
                .contractStart(TODAY.minusDays(40))
                .usage(TODAY.minusDays(40), TODAY, day -> Math.min(35, day * 2), 2);

        HealthScore health = score(fastStart);

        assertThat(health.onboarding()).isTrue();
        assertThat(health.measure(Measure.LICENSE_UTILIZATION)).isEmpty();
        assertThat(measure(health, Measure.TIME_TO_VALUE)).isEqualTo(100.0);
        assertThat(health.measure(Measure.TIME_TO_VALUE).orElseThrow().evidence())
                .isEqualTo("first value (30% of seats active) reached on day 15, target 30");
    }

    @Test
    void onboardingThatHasNotReachedFirstValueAfterTheTargetIsADriver() {
        SignalsBuilder stalled = SignalsBuilder.healthy("initech").stage(LifecycleStage.ONBOARDING).noUsage()
                .contractStart(TODAY.minusDays(50))
                .usage(TODAY.minusDays(50), TODAY, day -> 12, 2);

        HealthScore health = score(stalled);

        assertThat(health.drivers()).first().extracting(Driver::measure).isEqualTo(Measure.TIME_TO_VALUE);
        assertThat(health.drivers().get(0).evidence())
                .startsWith("first value not reached after 50 days (target 30, stalled since day 45)");
        assertThat(health.playbook()).contains(Playbook.ONBOARDING_STALLED);
    }

    @Test
    void theTrendComparesWithTheScoreThirtyDaysEarlier() {
        SignalsBuilder account = sliding(SignalsBuilder.healthy("a"), 85, 30);

        HealthScore health = score(account);
        HealthScore monthAgo = scorer.score(account.build(), TODAY.minusDays(30));

        assertThat(health.previousScore()).hasValue(monthAgo.score());
        assertThat(health.weekly()).hasSize(Scorecard.TREND_WEEKS).last().isEqualTo(health.score());
    }

    @Test
    void anAccountWithNoSignalsSaysHowLittleItRestsOn() {
        HealthScore health = score(SignalsBuilder.bare("empty"));

        assertThat(health.coverage()).isLessThan(0.5);
        assertThat(health.staleSources()).contains("no usage data", "no feedback on record", "no meetings on record");
    }

    // --- renewal risk and band caps ----------------------------------------------------------------

    /** A healthy account but for its seats: {@code active} of 100 seats active every day. */
    private static SignalsBuilder fewSeatsActive(String id, int active) {
        return SignalsBuilder.healthy(id).seats(100).usage(TODAY.minusDays(365), TODAY, day -> active, 7);
    }

    @Test
    void aRenewalWithinNinetyDaysAndUnderHalfTheSeatsActiveIsNeverGreenAndIsARenewalRisk() {
        HealthScore health = score(fewSeatsActive("redwood", 40).renewal(TODAY.plusDays(26)));

        assertThat(health.weightedScore()).isGreaterThanOrEqualTo(75); // green on the weighted mean alone
        assertThat(health.band()).isEqualTo(Band.YELLOW);
        assertThat(health.score()).isEqualTo(74);
        assertThat(health.renewalRisk()).hasValueSatisfying(risk -> assertThat(risk.sentence())
                .isEqualTo("renews in 26 days with 40% of 100 seats active (under 50%)"));
        assertThat(health.playbook()).contains(Playbook.RENEWAL_AT_RISK);
    }

    @Test
    void theSameAccountRenewingLaterIsGreenAndNoRenewalRisk() {
        HealthScore health = score(fewSeatsActive("redwood", 40).renewal(TODAY.plusDays(200)));

        assertThat(health.band()).isEqualTo(Band.GREEN);
        assertThat(health.renewalRisk()).isEmpty();
        assertThat(health.caps()).isEmpty();
    }

    @Test
    void aRenewalWithPoorRecentSentimentIsARenewalRiskWhateverItsUsage() {
        SignalsBuilder account = SignalsBuilder.healthy("silverline").renewal(TODAY.plusDays(18)).noFeedback()
                .feedback(FeedbackKind.NPS, 2, TODAY.minusDays(12), "Not renewing like this")
                .feedback(FeedbackKind.CSAT, 2, TODAY.minusDays(30), null);

        HealthScore health = score(account);

        assertThat(health.band()).isNotEqualTo(Band.GREEN);
        assertThat(health.renewalRisk()).hasValueSatisfying(risk -> assertThat(risk.reasons())
                .singleElement().asString().startsWith("poor recent sentiment ("));
        assertThat(health.playbook()).contains(Playbook.RENEWAL_AT_RISK);
    }

    @Test
    void aRenewalThatIsNotGreenForAnotherReasonIsARenewalRiskWithoutTriggers() {
        SignalsBuilder account = SignalsBuilder.healthy("a").renewal(TODAY.plusDays(40))
                .ticket(TODAY.minusDays(3), null, 1, "Outage").ticket(TODAY.minusDays(2), null, 1, "Outage again");

        HealthScore health = score(account);

        assertThat(health.band()).isEqualTo(Band.YELLOW);
        assertThat(health.renewalRisk()).hasValueSatisfying(risk -> {
            assertThat(risk.triggered()).isFalse();
            assertThat(risk.sentence()).isEqualTo("renews in 40 days and is not green");
        });
    }

    @Test
    void theRenewalPolicyIsTheScorecardsToChange() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("scorecard", ".yaml");
        java.nio.file.Files.writeString(file, "renewal_risk:\n  within_days: 20\n");
        HealthScorer custom = new HealthScorer(ScorecardLoader.withOverrides(file));

        HealthScore in26 = custom.score(fewSeatsActive("a", 40).renewal(TODAY.plusDays(26)).build(), TODAY);
        HealthScore in18 = custom.score(fewSeatsActive("b", 40).renewal(TODAY.plusDays(18)).build(), TODAY);

        assertThat(in26.band()).isEqualTo(Band.GREEN);
        assertThat(in18.renewalRisk()).isPresent();
        java.nio.file.Files.delete(file);
    }

    @Test
    void aKeyMeasureInItsRedZoneHoldsAnOtherwiseGreenAccountAtYellow() {
        HealthScore health = score(SignalsBuilder.healthy("a").championLeft("Jane Doe", "VP", TODAY.minusDays(20)));

        assertThat(health.weightedScore()).isGreaterThanOrEqualTo(75);
        assertThat(health.band()).isEqualTo(Band.YELLOW);
        assertThat(health.caps()).extracting(BandCap::reason).containsExactly("Relationship is in its red zone (20/100)");
        assertThat(health.playbook()).contains(Playbook.CHAMPION_CHANGE);
    }

    @Test
    void onboardingHalfAgainPastItsTargetWithoutFirstValueIsRed() {
        // Initech: 5 of 40 seats active, target day 30, so stalled from day 45.
        HealthScore day48 = score(onboarding("initech", 48));
        HealthScore day45 = score(onboarding("initech", 45));
        HealthScore day44 = score(onboarding("initech", 44));

        assertThat(day48.band()).isEqualTo(Band.RED);
        assertThat(day48.caps()).extracting(BandCap::reason).contains(
                "onboarding stalled: first value not reached by day 48 (target day 30, stalled from day 45)");
        assertThat(day48.playbook()).contains(Playbook.ONBOARDING_STALLED);
        assertThat(day45.band()).isEqualTo(Band.RED);
        assertThat(day44.caps()).extracting(BandCap::band).doesNotContain(Band.RED);
    }

    private static SignalsBuilder onboarding(String id, int daysIn) {
        return SignalsBuilder.healthy(id).stage(LifecycleStage.ONBOARDING).segment(Segment.SMB).seats(40).noUsage()
                .contractStart(TODAY.minusDays(daysIn)).usage(TODAY.minusDays(daysIn), TODAY, day -> 5, 2);
    }

    // --- playbooks and drivers ---------------------------------------------------------------------

    @Test
    void aPromoterNeverCallsForTheRenewalPlaybookAndTheDetractorsBehindTheScoreAreNamed() {
        SignalsBuilder account = SignalsBuilder.healthy("a").noFeedback()
                .feedback(FeedbackKind.NPS, 2, TODAY.minusDays(60), "Unhappy")
                .feedback(FeedbackKind.NPS, 3, TODAY.minusDays(45), "Still unhappy")
                .feedback(FeedbackKind.NPS, 9, TODAY.minusDays(5), "Better now");

        HealthScore health = score(account);

        Driver sentiment = health.drivers().stream().filter(d -> d.measure() == Measure.SENTIMENT).findFirst()
                .orElseThrow();
        assertThat(sentiment.evidence()).startsWith("2 detractors (last NPS 3 on " + TODAY.minusDays(45)
                + "), latest NPS 9 on " + TODAY.minusDays(5));
        assertThat(health.playbook().orElse(null)).isNotEqualTo(Playbook.RENEWAL_AT_RISK);
        assertThat(sentiment.playbook()).isEqualTo(Playbook.DETRACTOR_FOLLOW_UP);
    }

    @Test
    void theCostliestDriverThatIsAGoodSignalNeverPicksThePlaybook() {
        // Ramping on day 20 of 30 is on track (75, green zone) yet, at onboarding weights, costs the most
        // points; the champion who left is the real problem.
        SignalsBuilder account = SignalsBuilder.healthy("a").stage(LifecycleStage.ONBOARDING).seats(100).noUsage()
                .contractStart(TODAY.minusDays(20)).usage(TODAY.minusDays(20), TODAY, day -> 20, 6)
                .championLeft("Jane Doe", "VP", TODAY.minusDays(5));

        HealthScore health = score(account);

        assertThat(health.drivers().get(0).measure()).isEqualTo(Measure.TIME_TO_VALUE);
        assertThat(health.drivers().get(0).isProblem()).isFalse();
        assertThat(health.band()).isNotEqualTo(Band.GREEN);
        assertThat(health.playbook()).contains(Playbook.CHAMPION_CHANGE);
    }

    @Test
    void everyMeasureInItsRedZoneIsADriverWhateverTheLimit() {
        SignalsBuilder account = sliding(SignalsBuilder.healthy("a").seats(100), 80, 20)
                .championLeft("Jane Doe", "VP", TODAY.minusDays(20))
                .noFeedback().feedback(FeedbackKind.NPS, 1, TODAY.minusDays(5), null)
                .ticket(TODAY.minusDays(3), null, 1, "Outage").ticket(TODAY.minusDays(2), null, 1, "Outage again")
                .noMeetings().meeting(TODAY.minusDays(70), MeetingKind.CHECK_IN, false);

        HealthScore health = score(account);

        assertThat(health.drivers()).filteredOn(Driver::inRedZone).extracting(Driver::measure).contains(
                Measure.USAGE_TREND, Measure.RELATIONSHIP, Measure.SENTIMENT, Measure.SUPPORT_BURDEN,
                Measure.ENGAGEMENT);
        assertThat(health.drivers()).hasSizeGreaterThan(scorer.scorecard().maxDrivers());
    }

    @Test
    void noMeetingForTwiceTheCadenceCostsEnoughToBeSeen() {
        SignalsBuilder account = SignalsBuilder.healthy("a").noMeetings().meeting(TODAY.minusDays(61), MeetingKind.QBR,
                true);

        Driver engagement = score(account).drivers().stream().filter(d -> d.measure() == Measure.ENGAGEMENT)
                .findFirst().orElseThrow();

        assertThat(engagement.inRedZone()).isTrue();
        assertThat(engagement.pointsLost()).isGreaterThanOrEqualTo(5);
        assertThat(engagement.evidence()).contains("last meeting 61 days ago").contains("overdue");
    }

    // --- small numbers and partial data --------------------------------------------------------------

    @Test
    void aHandfulOfUsersIsSaidAsCountsNotAPercentageAndIsNoCollapse() {
        SignalsBuilder tiny = SignalsBuilder.healthy("a").seats(5).segment(Segment.SMB)
                .usage(TODAY.minusDays(27), TODAY.minusDays(14), day -> day % 5 < 2 ? 3 : 2, 5)
                .usage(TODAY.minusDays(13), TODAY, day -> day % 5 < 3 ? 1 : 2, 5);

        MeasureResult trend = score(tiny).measure(Measure.USAGE_TREND).orElseThrow();

        assertThat(trend.evidence()).matches("active users down from 2\\.\\d to 1\\.\\d a day over 14 days"
                + " \\(too few for a percentage\\)");
        assertThat(trend.score().getAsDouble()).isGreaterThan(60);
    }

    @Test
    void oneUserIsOneUser() {
        SignalsBuilder single = SignalsBuilder.healthy("a").seats(3).segment(Segment.SMB)
                .usage(TODAY.minusDays(365), TODAY, day -> 1, 5);

        assertThat(score(single).measure(Measure.LICENSE_UTILIZATION).orElseThrow().evidence())
                .isEqualTo("33% of 3 seats active (1 user a day over 14 days)");
    }

    @Test
    void anEarlierScoreFromPartOfItsUsageIsNotComparedNorDrawn() {
        SignalsBuilder recent = SignalsBuilder.healthy("a").noUsage().usage(TODAY.minusDays(40), TODAY, day -> 85, 7);

        HealthScore health = score(recent);

        // 30 days ago needed usage from 57 days ago; the weekly points need it from their own windows too.
        assertThat(health.previousScore()).isEmpty();
        assertThat(health.weekly()).hasSizeLessThan(Scorecard.TREND_WEEKS).last().isEqualTo(health.score());
    }
    /** Every part of a score as text but its account record (a measure's evidence is written when asked for). */
    private static String withoutAccount(HealthScore h) {
        return String.join(" | ", h.asOf().toString(), String.valueOf(h.score()), h.band().toString(),
                h.previousScore().toString(), h.measures().stream().map(m -> m.measure() + " " + m.score() + " "
                        + m.evidence()).toList().toString(), h.drivers().toString(), h.playbook().toString(),
                h.dataThrough().toString(), h.staleSources().toString(), h.weekly().toString(),
                String.valueOf(h.onboarding()), String.valueOf(h.coverage()), String.valueOf(h.weightedScore()),
                h.caps().toString(), h.renewalRisk().toString());
    }

    @Test
    void fieldsScoringDoesNotReadChangeNoPartOfAScoreAndTheOthersAreTold() {
        for (SignalsBuilder builder : java.util.List.of(SignalsBuilder.healthy("acme"),
                SignalsBuilder.healthy("globex").renewal(TODAY.plusDays(20)).seats(400),
                SignalsBuilder.healthy("wonka").stage(LifecycleStage.ONBOARDING).contractStart(TODAY.minusDays(50))
                        .usage(TODAY.minusDays(50), TODAY, day -> day, 2))) {
            dev.csbot.account.AccountSignals signals = builder.build();
            dev.csbot.account.Account a = signals.account();
            // A stage after onboarding for another: the same weights, the same reads.
            LifecycleStage unscoredStage = a.lifecycleStage() == LifecycleStage.ONBOARDING ? LifecycleStage.ONBOARDING
                    : a.lifecycleStage() == LifecycleStage.RENEWAL ? LifecycleStage.EXPANSION : LifecycleStage.RENEWAL;
            dev.csbot.account.Account unscored = new dev.csbot.account.Account(a.id(), a.name() + " Group", a.segment(),
                    a.arr() * 3 + 1, a.seatsPurchased(), a.contractStart(), a.renewalDate(), "someone.else@example.com",
                    unscoredStage, java.util.Optional.of("C0NEW"), java.util.Optional.of("19:new@thread.tacv2"));
            assertThat(scorer.readsTheSame(a, unscored)).isTrue();
            HealthScore before = scorer.score(signals, TODAY);
            HealthScore after = scorer.score(new dev.csbot.account.AccountSignals(unscored, signals.contacts(),
                    signals.usage(), signals.tickets(), signals.feedback(), signals.meetings(), signals.objectives()), TODAY);
            assertThat(withoutAccount(after)).as(a.id()).isEqualTo(withoutAccount(before.withAccount(unscored)));
            assertThat(after.arrAtRisk()).isEqualTo(before.withAccount(unscored).arrAtRisk());

            for (dev.csbot.account.Account scored : java.util.List.of(
                    new dev.csbot.account.Account(a.id(), a.name(), Segment.ENTERPRISE == a.segment() ? Segment.SMB
                            : Segment.ENTERPRISE, a.arr(), a.seatsPurchased(), a.contractStart(), a.renewalDate(),
                            a.csmEmail(), a.lifecycleStage(), a.slackChannel(), a.teamsChannel()),
                    new dev.csbot.account.Account(a.id(), a.name(), a.segment(), a.arr(), a.seatsPurchased() + 1,
                            a.contractStart(), a.renewalDate(), a.csmEmail(), a.lifecycleStage(), a.slackChannel(),
                            a.teamsChannel()),
                    new dev.csbot.account.Account(a.id(), a.name(), a.segment(), a.arr(), a.seatsPurchased(),
                            a.contractStart().minusDays(1), a.renewalDate(), a.csmEmail(), a.lifecycleStage(),
                            a.slackChannel(), a.teamsChannel()),
                    new dev.csbot.account.Account(a.id(), a.name(), a.segment(), a.arr(), a.seatsPurchased(),
                            a.contractStart(), a.renewalDate().plusDays(1), a.csmEmail(), a.lifecycleStage(),
                            a.slackChannel(), a.teamsChannel()),
                    new dev.csbot.account.Account(a.id(), a.name(), a.segment(), a.arr(), a.seatsPurchased(),
                            a.contractStart(), a.renewalDate(), a.csmEmail(), a.lifecycleStage() == LifecycleStage.ONBOARDING
                                    ? LifecycleStage.ADOPTION : LifecycleStage.ONBOARDING, a.slackChannel(),
                            a.teamsChannel()))) {
                assertThat(scorer.readsTheSame(a, scored)).as(scored.toString()).isFalse();
            }
        }
    }
}
