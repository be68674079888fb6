package dev.csbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The outbox's settings stop start-up when out of range, naming the setting, the range and the default. */
class OutboxSettingsTest {

    @Test
    void aLeaseOfNothingOrOfADayIsRefusedAndNamed() {
        assertThatThrownBy(() -> AlertsConfiguration.outboxSettings(6, Duration.ofSeconds(5), Duration.ZERO))
                .hasMessage("csbot.outbox.lease (CSBOT_OUTBOX_LEASE) is PT0S: set it between PT1S and PT1H (default 2m)");
        assertThatThrownBy(() -> AlertsConfiguration.outboxSettings(6, Duration.ofSeconds(5), Duration.ofDays(1)))
                .hasMessageStartingWith("csbot.outbox.lease (CSBOT_OUTBOX_LEASE) is PT24H");
    }

    @Test
    void attemptsAndBackoffHaveTheirRangesToo() {
        assertThatThrownBy(() -> AlertsConfiguration.outboxSettings(0, Duration.ofSeconds(5), Duration.ofMinutes(2)))
                .hasMessageStartingWith("csbot.outbox.max-attempts (CSBOT_OUTBOX_MAX_ATTEMPTS) is 0");
        assertThatThrownBy(() -> AlertsConfiguration.outboxSettings(6, Duration.ofMillis(-1), Duration.ofMinutes(2)))
                .hasMessageStartingWith("csbot.outbox.initial-backoff (CSBOT_OUTBOX_INITIAL_BACKOFF) is PT-0.001S");
        assertThat(AlertsConfiguration.outboxSettings(6, Duration.ofSeconds(5), Duration.ofMinutes(2)).lease())
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theQuietWaitBeforeAlertEvaluationIsCheckedAgainstItsRange() {
        assertThat(AlertsConfiguration.afterWriteQuiet(java.time.Duration.ZERO)).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlertsConfiguration.afterWriteQuiet(
                java.time.Duration.ofMinutes(5))).hasMessageContaining("CSBOT_ALERTS_AFTER_WRITE_QUIET")
                .hasMessageContaining("default 1s");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlertsConfiguration.afterWriteQuiet(
                java.time.Duration.ofSeconds(-1))).hasMessageContaining("CSBOT_ALERTS_AFTER_WRITE_QUIET");
    }
}
