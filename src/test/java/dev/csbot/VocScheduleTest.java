package dev.csbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.csbot.store.ScheduledJobLock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bad campaign schedule stops start-up with the setting named; each scheduled run takes the store's job lock. */
class VocScheduleTest {

    @Test
    void aBadCronOrZoneIsNamedWithAnExample() {
        assertThatThrownBy(() -> new VocSchedule(null, null, null, "daily", "", Duration.ofHours(1)))
                .hasMessageStartingWith("csbot.voc.cron (CSBOT_VOC_CRON) is \"daily\"")
                .hasMessageEndingWith("use six fields (second minute hour day month weekday), e.g. \"0 0 9 * * *\"");
        assertThatThrownBy(() -> new VocSchedule(null, null, null, "0 0 9 * * *", "Atlantis", Duration.ofHours(1)))
                .hasMessageStartingWith("csbot.voc.zone (CSBOT_VOC_ZONE) is \"Atlantis\"");
    }

    @Test
    void campaignsAndRemindersRunOnlyUnderTheirLockAndNotWhileAnotherInstanceHoldsIt() {
        List<String> asked = new ArrayList<>();
        // Another instance holds every job: this lock never runs the work it is given.
        ScheduledJobLock heldElsewhere = (job, lease, work) -> {
            asked.add(job + " " + lease);
            return false;
        };
        VocSchedule schedule = new VocSchedule(null, heldElsewhere, Clock.systemUTC(), "0 0 9 * * *", "UTC",
                Duration.ofHours(1));

        schedule.dailyAlone();
        schedule.remindersAlone();

        assertThat(asked).containsExactly("feedback-campaigns PT1H", "feedback-reminders PT10M");
    }
}
