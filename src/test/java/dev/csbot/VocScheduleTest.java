package dev.csbot;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A bad campaign schedule stops start-up with the setting named and what to write instead. */
class VocScheduleTest {

    @Test
    void aBadCronOrZoneIsNamedWithAnExample() {
        assertThatThrownBy(() -> new VocSchedule(null, null, null, "daily", "", Duration.ofHours(1)))
                .hasMessageStartingWith("csbot.voc.cron (CSBOT_VOC_CRON) is \"daily\"")
                .hasMessageEndingWith("use six fields (second minute hour day month weekday), e.g. \"0 0 9 * * *\"");
        assertThatThrownBy(() -> new VocSchedule(null, null, null, "0 0 9 * * *", "Atlantis", Duration.ofHours(1)))
                .hasMessageStartingWith("csbot.voc.zone (CSBOT_VOC_ZONE) is \"Atlantis\"");
    }
}
