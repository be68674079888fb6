package dev.csbot.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.AccountSignals;
import dev.csbot.account.BookQuery;
import dev.csbot.account.BookSignals;
import dev.csbot.account.BookSignalsFromHistory;
import dev.csbot.account.BookTable;
import dev.csbot.account.FeedbackKind;
import dev.csbot.account.LifecycleStage;
import dev.csbot.account.MeetingKind;
import dev.csbot.account.Segment;
import dev.csbot.support.SignalsBuilder;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class HealthScoreProperties {

    private static final LocalDate TODAY = SignalsBuilder.TODAY;
    private final HealthScorer scorer = new HealthScorer(ScorecardLoader.defaults());

    @Property(tries = 300)
    void everyScoreIsBetweenZeroAndHundredAndMatchesItsBand(
            @ForAll @IntRange(min = 0, max = 150) int before,
            @ForAll @IntRange(min = 0, max = 150) int after,
            @ForAll @IntRange(min = 0, max = 9) int features,
            @ForAll @IntRange(min = 0, max = 10) int nps,
            @ForAll @IntRange(min = 0, max = 4) int urgentTickets) {
        SignalsBuilder account = SignalsBuilder.healthy("p")
                .usage(TODAY.minusDays(27), TODAY.minusDays(14), d -> before, features)
                .usage(TODAY.minusDays(13), TODAY, d -> after, features)
                .feedback(FeedbackKind.NPS, nps, TODAY.minusDays(1), null);
        for (int i = 0; i < urgentTickets; i++) {
            account.ticket(TODAY.minusDays(i + 1), null, 1, "Outage " + i);
        }

        HealthScore health = scorer.score(account.build(), TODAY);

        assertThat(health.score()).isBetween(0, 100);
        assertThat(health.band()).isEqualTo(scorer.scorecard().bandOf(health.score()));
        health.measures().forEach(m -> m.score().ifPresent(s -> assertThat(s).isBetween(0.0, 100.0)));
        assertThat(health.drivers()).isSortedAccordingTo((a, b) -> Double.compare(b.pointsLost(), a.pointsLost()));
    }

    @Property(tries = 200)
    void moreActiveUsersNeverLowerTheScore(
            @ForAll @IntRange(min = 0, max = 100) int users,
            @ForAll @IntRange(min = 1, max = 50) int extra) {
        SignalsBuilder fewer = SignalsBuilder.healthy("p").usage(TODAY.minusDays(60), TODAY, d -> users, 5);
        SignalsBuilder more = SignalsBuilder.healthy("p").usage(TODAY.minusDays(60), TODAY, d -> users + extra, 5);

        assertThat(scorer.score(more.build(), TODAY).score())
                .isGreaterThanOrEqualTo(scorer.score(fewer.build(), TODAY).score());
    }

    @Property(tries = 200)
    void anOpenUrgentTicketNeverRaisesTheScore(@ForAll @IntRange(min = 0, max = 120) int users) {
        SignalsBuilder calm = SignalsBuilder.healthy("p").usage(TODAY.minusDays(60), TODAY, d -> users, 5);
        SignalsBuilder burning = SignalsBuilder.healthy("p").usage(TODAY.minusDays(60), TODAY, d -> users, 5)
                .ticket(TODAY.minusDays(2), null, 1, "Outage");

        assertThat(scorer.score(burning.build(), TODAY).score())
                .isLessThanOrEqualTo(scorer.score(calm.build(), TODAY).score());
    }

    @Property(tries = 300)
    void aRenewalRiskIsNeverGreenAndACapNeverRaisesTheScore(
            @ForAll @IntRange(min = 0, max = 100) int users,
            @ForAll @IntRange(min = 0, max = 10) int nps,
            @ForAll @IntRange(min = 0, max = 200) int daysToRenewal) {
        SignalsBuilder account = SignalsBuilder.healthy("p").seats(100).renewal(TODAY.plusDays(daysToRenewal))
                .usage(TODAY.minusDays(365), TODAY, d -> users, 6)
                .feedback(FeedbackKind.NPS, nps, TODAY.minusDays(3), null);

        HealthScore health = scorer.score(account.build(), TODAY);

        assertThat(health.score()).isLessThanOrEqualTo(health.weightedScore());
        if (daysToRenewal <= 90 && users < 50) {
            assertThat(health.band()).isNotEqualTo(Band.GREEN);
            assertThat(health.renewalRisk()).isPresent();
            assertThat(health.playbook()).contains(Playbook.RENEWAL_AT_RISK);
        }
        if (health.renewalRisk().isPresent()) {
            assertThat(health.band()).isNotEqualTo(Band.GREEN);
        }
    }

    @Property(tries = 400)
    void weighingAgainAfterSeatsContractStartRenewalOrSegmentMovedGivesTheScoreAFullReadGives(
            @ForAll Segment segmentBefore,
            @ForAll Segment segmentAfter,
            @ForAll @IntRange(min = 0, max = 200) int meetingDaysAgo,
            @ForAll @IntRange(min = 0, max = 200) int executiveDaysAgo,
            @ForAll @IntRange(min = 0, max = 3) int contacts,
            @ForAll @IntRange(min = 0, max = 200) int seatsBefore,
            @ForAll @IntRange(min = 0, max = 200) int seatsAfter,
            @ForAll @IntRange(min = 0, max = 400) int startedDaysAgoBefore,
            @ForAll @IntRange(min = 0, max = 400) int startedDaysAgoAfter,
            @ForAll @IntRange(min = -10, max = 300) int renewalInDaysBefore,
            @ForAll @IntRange(min = -10, max = 300) int renewalInDaysAfter,
            @ForAll @IntRange(min = 0, max = 400) int usageDaysAgo,
            @ForAll @IntRange(min = 0, max = 120) int users,
            @ForAll @IntRange(min = 0, max = 10) int nps,
            @ForAll boolean onboarding) {
        SignalsBuilder account = SignalsBuilder.healthy("p").noUsage().noMeetings().noContacts()
                .stage(onboarding ? LifecycleStage.ONBOARDING : LifecycleStage.ADOPTION)
                .usage(TODAY.minusDays(usageDaysAgo), TODAY, d -> users + d % 7, 5)
                .feedback(FeedbackKind.NPS, nps, TODAY.minusDays(45), null)
                .ticket(TODAY.minusDays(3), null, 1, "Outage")
                // The segment sets the cadence expected and whether an executive and a sponsor are.
                .meeting(TODAY.minusDays(meetingDaysAgo), MeetingKind.CHECK_IN, false)
                .meeting(TODAY.minusDays(executiveDaysAgo), MeetingKind.QBR, true);
        switch (contacts) {
            case 0 -> { }
            case 1 -> account.champion("Priya Shah", "VP Operations");
            case 2 -> account.champion("Priya Shah", "VP Operations").sponsor("Tom Berg", "COO");
            default -> account.championLeft("Priya Shah", "VP Operations", TODAY.minusDays(executiveDaysAgo))
                    .sponsorLeft("Tom Berg", "COO", TODAY.minusDays(meetingDaysAgo));
        }
        BookQuery query = BookReadPlan.forRanking(scorer.scorecard(), TODAY);
        HealthScore before = scorer.scoreForRanking(BookSignalsFromHistory.of(account.seats(seatsBefore)
                .contractStart(TODAY.minusDays(startedDaysAgoBefore)).renewal(TODAY.plusDays(renewalInDaysBefore))
                .segment(segmentBefore).build(), query), query);
        AccountSignals synced = account.seats(seatsAfter).contractStart(TODAY.minusDays(startedDaysAgoAfter))
                .renewal(TODAY.plusDays(renewalInDaysAfter)).segment(segmentAfter).build();
        BookSignals read = BookSignalsFromHistory.of(synced, query);

        Optional<HealthScore> again = scorer.rescoredForAccountFields(before, synced.account(), read.usage(), query);

        HealthScore fresh = scorer.scoreForRanking(read, query);
        if (before.previousScore().isPresent() || fresh.previousScore().isEmpty()) {
            assertThat(again).as("only an earlier day's score that newly appears needs a full read").isPresent();
        }
        again.ifPresent(score -> assertThat(HealthScoreText.of(score)).isEqualTo(HealthScoreText.of(fresh)));
    }

    @Property(tries = 400)
    void weighingAgainAfterWritesOfSomeTablesGivesTheScoreAFullReadGives(
            @ForAll @IntRange(min = 1, max = 15) int tablesWritten,
            @ForAll @IntRange(min = 0, max = 400) int usageDaysAgo,
            @ForAll @IntRange(min = 0, max = 120) int users,
            @ForAll @IntRange(min = -10, max = 200) int renewalInDays,
            @ForAll @IntRange(min = 0, max = 400) int startedDaysAgo,
            @ForAll boolean onboarding,
            @ForAll @IntRange(min = 0, max = 10) int npsBefore,
            @ForAll @IntRange(min = 0, max = 10) int npsAfter,
            @ForAll @IntRange(min = 0, max = 300) int feedbackDaysAgo,
            @ForAll @IntRange(min = 0, max = 4) int ticketsBefore,
            @ForAll @IntRange(min = 0, max = 4) int ticketsAfter,
            @ForAll @IntRange(min = 0, max = 200) int meetingDaysAgoBefore,
            @ForAll @IntRange(min = 0, max = 200) int meetingDaysAgoAfter,
            @ForAll boolean championLeftAfter,
            @ForAll boolean sponsorBefore,
            @ForAll boolean accountsWritten,
            @ForAll @IntRange(min = 0, max = 200) int seatsAfter,
            @ForAll @IntRange(min = -10, max = 200) int renewalInDaysAfter,
            @ForAll Segment segmentAfter,
            @ForAll LifecycleStage stageAfter,
            @ForAll boolean ticketsCounted) {
        SignalsBuilder account = SignalsBuilder.healthy("p").noUsage().noFeedback().noMeetings()
                .stage(onboarding ? LifecycleStage.ONBOARDING : LifecycleStage.ADOPTION)
                .contractStart(TODAY.minusDays(startedDaysAgo)).renewal(TODAY.plusDays(renewalInDays))
                .usage(TODAY.minusDays(usageDaysAgo), TODAY, d -> users + d % 7, 5)
                .feedback(FeedbackKind.NPS, npsBefore, TODAY.minusDays(45), null)
                .meeting(TODAY.minusDays(meetingDaysAgoBefore), MeetingKind.CHECK_IN, false);
        for (int i = 0; i < ticketsBefore; i++) {
            account.ticket(TODAY.minusDays(i * 20L + 1), null, 1 + i % 3, "Before " + i);
        }
        if (!sponsorBefore) {
            // An enterprise without an executive sponsor loses points a smaller account does not.
            account.noContacts().champion("Priya Shah", "VP Operations");
        }
        BookQuery query = BookReadPlan.forRanking(scorer.scorecard(), TODAY);
        HealthScore before = scorer.scoreForRanking(BookSignalsFromHistory.of(account.build(), query), query);
        Set<BookTable> written = EnumSet.noneOf(BookTable.class);
        for (BookTable table : BookTable.values()) {
            if ((tablesWritten & (1 << table.ordinal())) != 0) {
                written.add(table);
            }
        }
        if (written.contains(BookTable.FEEDBACK)) {
            account.feedback(FeedbackKind.NPS, npsAfter, TODAY.minusDays(feedbackDaysAgo), null);
        }
        if (written.contains(BookTable.TICKETS)) {
            account.noTickets();
            for (int i = 0; i < ticketsAfter; i++) {
                account.ticket(TODAY.minusDays(i * 30L + 2), i % 2 == 0 ? null : TODAY.minusDays(1), 1 + i % 2,
                        "After " + i);
                account.ticket(TODAY.minusDays(i * 3L + 1), TODAY.minusDays(i), 3, "Recent " + i);
            }
        }
        if (written.contains(BookTable.MEETINGS)) {
            account.noMeetings().meeting(TODAY.minusDays(meetingDaysAgoAfter), MeetingKind.QBR, true);
        }
        if (written.contains(BookTable.CONTACTS) && championLeftAfter) {
            account.championLeft("Priya Shah", "VP Operations", TODAY.minusDays(10));
        } else if (written.contains(BookTable.CONTACTS)) {
            account.noContacts();
        }
        if (accountsWritten) {
            account.seats(seatsAfter).renewal(TODAY.plusDays(renewalInDaysAfter)).segment(segmentAfter)
                    .stage(stageAfter);
        }
        BookSignals fullRead = BookSignalsFromHistory.of(account.build(), query);

        BookQuery read = ticketsCounted
                ? query.reading(written).countingTickets(MeasureCalculator.ticketWindows(scorer.scorecard().measures()))
                : query.reading(written);
        Optional<HealthScore> again = scorer.rescoredForTables(before, BookSignalsFromHistory.of(account.build(), read),
                written, query);

        boolean onboardingMoved = accountsWritten && (stageAfter == LifecycleStage.ONBOARDING) != onboarding;
        if (onboardingMoved) {
            assertThat(again).as("other weights: a full read").isEmpty();
            return;
        }
        assertThat(again).as("no full read needed").isPresent();
        assertThat(HealthScoreText.of(again.get()))
                .isEqualTo(HealthScoreText.of(scorer.scoreForRanking(fullRead, query)));
    }
}
