package dev.csbot.voc;

import static dev.csbot.support.SignalsBuilder.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.AccountSignals;
import dev.csbot.account.BookQuery;
import dev.csbot.account.BookSignalsFromHistory;
import dev.csbot.account.LifecycleStage;
import dev.csbot.support.SignalsBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who is due a prompt today, from the shipped campaign settings: a pure function of the data and the date. */
class CampaignPlannerTest {

    private static final Instant NOON = TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
    private final PromptCatalog prompts = PromptLoader.shipped();

    private List<CampaignPlanner.Due> due(List<AccountSignals> accounts, List<PromptSend> history) {
        BookQuery wholeHistory = new BookQuery(TODAY, List.of(TODAY), BookSignalsFromHistory.DAWN, Set.of(), Set.of());
        return CampaignPlanner.due(TODAY, ZoneOffset.UTC, prompts.all(),
                accounts.stream().map(a -> BookSignalsFromHistory.of(a, wholeHistory)).toList(), history);
    }

    private static PromptSend sent(String promptId, String email, String origin, int daysAgo) {
        Instant at = NOON.minus(Duration.ofDays(daysAgo));
        return new PromptSend("s-" + promptId + daysAgo, "acme", promptId, new Recipient.ContactRecipient(email, ""),
                Optional.empty(), "h", origin, "campaign", at, at.plus(Duration.ofDays(14)), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    @Test
    void everyActiveContactIsDueNpsWhenNeverAskedOrLastAskedNinetyDaysAgo() {
        AccountSignals acme = SignalsBuilder.healthy("acme").build();

        List<CampaignPlanner.Due> neverAsked = due(List.of(acme), List.of());
        List<CampaignPlanner.Due> askedLately = due(List.of(acme), List.of(
                sent("nps", "priya.shah@acme.example", "schedule", 89), sent("nps", "tom.berg@acme.example", "schedule",
                        90)));

        assertThat(neverAsked).extracting(d -> d.prompt().id() + " " + d.contact().email())
                .containsExactly("nps priya.shah@acme.example", "nps tom.berg@acme.example");
        assertThat(askedLately).extracting(d -> d.contact().email()).containsExactly("tom.berg@acme.example");
        assertThat(askedLately.get(0).why()).isEqualTo("last asked nps on 2026-08-25, every 90 days");
    }

    @Test
    void anUrgentTicketClosedYesterdayAsksTheChampionForCsatBeforeAnyScheduleAndOnlyOnce() {
        AccountSignals acme = SignalsBuilder.healthy("acme").ticket(TODAY.minusDays(4), TODAY.minusDays(1), 1, "Outage")
                .ticket(TODAY.minusDays(4), TODAY.minusDays(1), 3, "Question").build();

        List<CampaignPlanner.Due> due = due(List.of(acme), List.of());

        assertThat(due).extracting(d -> d.prompt().id() + " " + d.contact().email() + " " + d.origin())
                .containsExactly("csat priya.shah@acme.example ticket:acme-t1", "nps tom.berg@acme.example schedule");
        assertThat(due.get(0).why()).isEqualTo("urgent ticket acme-t1 closed on 2026-11-22");
        assertThat(due(List.of(acme), List.of(sent("csat", "priya.shah@acme.example", "ticket:acme-t1", 1),
                sent("nps", "tom.berg@acme.example", "schedule", 1)))).isEmpty();
    }

    @Test
    void aTicketClosedLongerAgoThanTheTriggerWindowAsksNothing() {
        AccountSignals acme = SignalsBuilder.healthy("acme").noContacts().champion("Priya Shah", "VP")
                .ticket(TODAY.minusDays(9), TODAY.minusDays(2), 1, "Outage").build();

        assertThat(due(List.of(acme), List.of(sent("nps", "priya.shah@acme.example", "schedule", 10)))).isEmpty();
    }

    @Test
    void anOnboardingAccountAtDayThirtyGetsTheCheckInWithinAWeeksGrace() {
        AccountSignals onDay = SignalsBuilder.healthy("initech").stage(LifecycleStage.ONBOARDING)
                .contractStart(TODAY.minusDays(30)).build();
        AccountSignals late = SignalsBuilder.healthy("hooli").stage(LifecycleStage.ONBOARDING)
                .contractStart(TODAY.minusDays(37)).build();
        AccountSignals notYet = SignalsBuilder.healthy("vandelay").stage(LifecycleStage.ONBOARDING)
                .contractStart(TODAY.minusDays(29)).build();

        List<CampaignPlanner.Due> due = due(List.of(onDay, late, notYet), List.of()).stream()
                .filter(d -> d.prompt().id().equals("onboarding-checkin")).toList();

        assertThat(due).extracting(CampaignPlanner.Due::accountId).containsExactly("initech");
        assertThat(due.get(0).why()).isEqualTo("onboarding day 30 (2026-11-23)");
    }

    @Test
    void theThrottleCountsEveryKindOfPromptAndAContactIsAskedOnceADay() {
        AccountSignals acme = SignalsBuilder.healthy("acme").ticket(TODAY.minusDays(3), TODAY, 1, "Outage").build();

        // Priya got a product request 10 days ago: CSAT throttles at 14 days, NPS at 30.
        List<CampaignPlanner.Due> due = due(List.of(acme), List.of(sent("product-request", "priya.shah@acme.example",
                "command", 10)));

        assertThat(due).extracting(d -> d.prompt().id() + " " + d.contact().email())
                .containsExactly("nps tom.berg@acme.example");
    }

    @Test
    void aReminderIsDueOnceForAnOpenUnansweredSendWhoseTimeHasCome() {
        PromptSend due = new PromptSend("s1", "acme", "nps", new Recipient.ContactRecipient("a@acme.example", ""),
                Optional.empty(), "h", "command", "dana", NOON.minus(Duration.ofDays(3)), NOON.plus(Duration.ofDays(11)),
                Optional.of(NOON), Optional.empty(), Optional.empty());
        PromptSend notYet = withReminder(due, "s2", NOON.plusSeconds(1));
        PromptSend reminded = new PromptSend("s3", "acme", "nps", due.recipient(), Optional.empty(), "h", "command",
                "dana", due.createdAt(), due.expiresAt(), due.reminderDueAt(), Optional.of(NOON), Optional.empty());
        PromptSend answered = new PromptSend("s4", "acme", "nps", due.recipient(), Optional.empty(), "h", "command",
                "dana", due.createdAt(), due.expiresAt(), due.reminderDueAt(), Optional.empty(), Optional.of(NOON));
        PromptSend expired = new PromptSend("s5", "acme", "nps", due.recipient(), Optional.empty(), "h", "command",
                "dana", due.createdAt(), NOON, due.reminderDueAt(), Optional.empty(), Optional.empty());
        PromptSend noReminder = withReminder(due, "s6", null);

        assertThat(Reminders.due(NOON, List.of(due, notYet, reminded, answered, expired, noReminder)))
                .extracting(PromptSend::id).containsExactly("s1");
    }

    private static PromptSend withReminder(PromptSend s, String id, Instant at) {
        return new PromptSend(id, s.accountId(), s.promptId(), s.recipient(), s.platform(), s.tokenHash(), s.origin(),
                s.requestedBy(), s.createdAt(), s.expiresAt(), Optional.ofNullable(at), Optional.empty(),
                Optional.empty());
    }
}
