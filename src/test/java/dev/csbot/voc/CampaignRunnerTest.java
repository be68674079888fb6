package dev.csbot.voc;

import static dev.csbot.support.SignalsBuilder.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.LifecycleStage;
import dev.csbot.support.InMemoryPortfolio;
import dev.csbot.support.InMemoryVoc;
import dev.csbot.support.MutableClock;
import dev.csbot.support.SignalsBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The daily campaign run and the reminders, as the service's schedule drives them, over the store in memory: what
 * is queued (and where to), what the throttle holds back and whom it tells, and the one reminder.
 */
class CampaignRunnerTest {

    private static final Instant NOON = TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC);

    private final MutableClock clock = new MutableClock(NOON);
    private final InMemoryPortfolio portfolio = new InMemoryPortfolio()
            .add(SignalsBuilder.healthy("acme").name("Acme").csm("dana.cho@csbot.example")
                    .ticket(TODAY.minusDays(4), TODAY.minusDays(1), 1, "Outage"))
            .add(SignalsBuilder.healthy("initech").name("Initech").stage(LifecycleStage.ONBOARDING)
                    .contractStart(TODAY.minusDays(30)));
    private final InMemoryVoc store = new InMemoryVoc(portfolio);
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final VocService voc = new VocService(PromptLoader.shipped(), ThemeLoader.defaults(), portfolio, store,
            store, store, clock, "teams", wakeUps::incrementAndGet);

    private List<String> queued() {
        return store.sends.stream().map(q -> q.send().promptId() + " " + q.send().recipient().key() + " "
                + q.send().origin() + " " + Destination.of(q.send()).platform()).toList();
    }

    @Test
    void aRunQueuesTriggersBeforeSchedulesOnePromptPerContactAndTellsTheCsmWhatWasHeldBack() {
        CampaignDay day = voc.runCampaigns(NOON);

        assertThat(queued()).containsExactlyInAnyOrder(
                "csat contact:priya.shah@acme.example ticket:acme-t1 teams",
                "nps contact:tom.berg@acme.example schedule teams",
                "onboarding-checkin contact:priya.shah@initech.example milestone:30 teams",
                "nps contact:tom.berg@initech.example schedule teams");
        assertThat(store.sends).allSatisfy(q -> assertThat(q.campaignKey()).isPresent());
        assertThat(store.sends).allSatisfy(q -> assertThat(q.send().requestedBy()).isEqualTo("campaign"));
        // Priya was due NPS too, but one prompt per contact a day: held back, and her CSM told once.
        assertThat(day.queued()).isEqualTo(4);
        assertThat(store.holds).extracting(h -> h.accountName() + " " + h.promptId() + " " + h.reason())
                .containsExactlyInAnyOrder("Acme nps is asked for csat today; one prompt per contact a day",
                        "Initech nps is asked for onboarding-checkin today; one prompt per contact a day");
        assertThat(store.holds).allSatisfy(h -> assertThat(h.csm().kind()).isEqualTo(Destination.Kind.PERSON));
        assertThat(day.csmTold()).isEqualTo(2);
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void theNextDayTheThrottleHoldsBackWhatWasDueAndTheCsmHearsOfEachHoldOnce() {
        voc.runCampaigns(NOON);
        clock.advance(Duration.ofDays(1));
        int before = store.sends.size();

        CampaignDay next = voc.runCampaigns(clock.instant());
        CampaignDay again = voc.runCampaigns(clock.instant().plusSeconds(60));

        assertThat(store.sends).hasSize(before);
        assertThat(next.heldBack()).isPositive();
        assertThat(store.holds).anySatisfy(h -> assertThat(h.promptId() + ": " + h.reason()).isEqualTo("nps: got the"
                + " csat prompt on " + TODAY + "; at most one prompt per 30 days, so not before " + TODAY.plusDays(30)));
        assertThat(again.heldBack()).isEqualTo(next.heldBack());
        assertThat(again.csmTold()).as("told once").isZero();
    }

    @Test
    void theOneReminderIsQueuedOnceTheDelayHasPassedAndNeverAgain() {
        voc.runCampaigns(NOON);
        PromptSend csat = store.sends.stream().map(PromptSends.QueuedSend::send)
                .filter(s -> s.promptId().equals("csat")).findFirst().orElseThrow();

        assertThat(voc.sendReminders(NOON.plus(Duration.ofDays(1)))).as("csat reminds after 2 days").isZero();
        int csatDay = voc.sendReminders(NOON.plus(Duration.ofDays(2)));
        assertThat(store.reminded).containsOnlyKeys(csat.id());
        int again = voc.sendReminders(NOON.plus(Duration.ofDays(2)).plusSeconds(3600));
        int npsDay = voc.sendReminders(NOON.plus(Duration.ofDays(3)));
        int later = voc.sendReminders(NOON.plus(Duration.ofDays(6)));

        assertThat(csatDay).isEqualTo(1);
        assertThat(again).as("never more than one").isZero();
        long withReminder = store.sends.stream().filter(q -> q.send().reminderDueAt().isPresent()).count();
        assertThat(csatDay + npsDay).isEqualTo((int) withReminder);
        assertThat(later).isZero();
        assertThat(voc.sendReminders(NOON.plus(Duration.ofDays(30)))).as("closed prompts are not reminded").isZero();
    }
}
