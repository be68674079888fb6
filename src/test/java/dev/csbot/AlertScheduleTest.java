package dev.csbot;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A bad schedule stops start-up with the setting named and what to write instead. */
class AlertScheduleTest {

    @Test
    void aBadCronOrZoneIsNamedWithAnExample() {
        assertThatThrownBy(() -> new AlertSchedule(null, null, null, "every morning", "", "0 0 8 * * MON",
                Duration.ofSeconds(2))).hasMessageStartingWith("csbot.scan.cron (CSBOT_SCAN_CRON) is \"every morning\"")
                .hasMessageEndingWith("use six fields (second minute hour day month weekday), e.g. \"0 0 8 * * *\"");
        assertThatThrownBy(() -> new AlertSchedule(null, null, null, "0 0 8 * * *", "Mars/Olympus", "0 0 8 * * MON",
                Duration.ofSeconds(2))).hasMessageStartingWith("csbot.scan.zone (CSBOT_SCAN_ZONE) is \"Mars/Olympus\"");
        assertThatThrownBy(() -> new AlertSchedule(null, null, null, "0 0 8 * * *", "", "mondays",
                Duration.ofSeconds(2))).hasMessageStartingWith("csbot.digest.cron (CSBOT_DIGEST_CRON) is \"mondays\"");
    }
}
