package dev.csbot.alerts;

import static dev.csbot.support.SignalsBuilder.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.health.Playbook;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {

    private final AlertLifecycle lifecycle = new AlertLifecycle(AlertRulesLoader.defaults());
    private final AtomicInteger ids = new AtomicInteger();

    private static Finding usageDrop(Severity severity, double percent) {
        return new Finding("usage_drop", severity, Playbook.LOW_ADOPTION, "Usage down " + percent + "%", "numbers",
                percent);
    }

    private static StoredAlert told(Severity severity, double level, LocalDate on, AlertState state,
            Optional<LocalDate> snoozedUntil) {
        return new StoredAlert("a1", "acme", "usage_drop", state, severity, "Usage down", "numbers",
                Playbook.LOW_ADOPTION, level, "dana@example.com", Instant.parse("2026-11-01T08:00:00Z"), severity, level,
                on, snoozedUntil, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private AlertChange plan(Finding finding, StoredAlert existing) {
        List<AlertChange> changes = lifecycle.plan("acme", finding == null ? List.of() : List.of(finding),
                existing == null ? List.of() : List.of(existing), TODAY, () -> "new-" + ids.incrementAndGet());
        assertThat(changes).hasSize(1);
        return changes.get(0);
    }

    @Test
    void aNewMediumFindingIsRaisedAndPostedAndANewLowOneWaitsForTheDigest() {
        assertThat(plan(usageDrop(Severity.MEDIUM, 30), null)).satisfies(c -> {
            assertThat(c.kind()).isEqualTo(AlertChange.Kind.NEW);
            assertThat(c.tellOwner()).isTrue();
        });
        assertThat(plan(usageDrop(Severity.LOW, 30), null).tellOwner()).isFalse();
    }

    @Test
    void aPersistingSignalIsNotPostedAgain() {
        AlertChange change = plan(usageDrop(Severity.MEDIUM, 34),
                told(Severity.MEDIUM, 30, TODAY.minusDays(3), AlertState.OPEN, Optional.empty()));
        assertThat(change.kind()).isEqualTo(AlertChange.Kind.OPEN);
        assertThat(change.tellOwner()).isFalse();
    }

    @Test
    void itIsPostedAgainWhenItsSeverityRisesOrItsNumberWorsensByTheStep() {
        StoredAlert before = told(Severity.MEDIUM, 30, TODAY.minusDays(3), AlertState.ACKNOWLEDGED, Optional.empty());
        assertThat(plan(usageDrop(Severity.HIGH, 31), before)).satisfies(c -> {
            assertThat(c.kind()).isEqualTo(AlertChange.Kind.WORSE);
            assertThat(c.tellOwner()).isTrue();
        });
        assertThat(plan(usageDrop(Severity.MEDIUM, 40), before).kind()).isEqualTo(AlertChange.Kind.WORSE);
        assertThat(plan(usageDrop(Severity.MEDIUM, 39.9), before).kind()).isEqualTo(AlertChange.Kind.OPEN);
    }

    @Test
    void itIsPostedAgainAfterTheCooldown() {
        AlertChange change = plan(usageDrop(Severity.MEDIUM, 30),
                told(Severity.MEDIUM, 30, TODAY.minusDays(14), AlertState.OPEN, Optional.empty()));
        assertThat(change.kind()).isEqualTo(AlertChange.Kind.OPEN);
        assertThat(change.tellOwner()).isTrue();
    }

    @Test
    void aSnoozedAlertIsSilentUntilItsSnoozeEndsEvenWhenWorse() {
        StoredAlert snoozed = told(Severity.MEDIUM, 30, TODAY.minusDays(20), AlertState.SNOOZED,
                Optional.of(TODAY.plusDays(2)));
        assertThat(plan(usageDrop(Severity.HIGH, 50), snoozed).tellOwner()).isFalse();
        StoredAlert over = told(Severity.MEDIUM, 30, TODAY.minusDays(20), AlertState.SNOOZED,
                Optional.of(TODAY.minusDays(1)));
        assertThat(plan(usageDrop(Severity.HIGH, 50), over).tellOwner()).isTrue();
    }

    @Test
    void anAlertWhoseSignalClearedIsResolved() {
        AlertChange change = plan(null, told(Severity.MEDIUM, 30, TODAY.minusDays(3), AlertState.OPEN, Optional.empty()));
        assertThat(change.kind()).isEqualTo(AlertChange.Kind.RESOLVED);
        assertThat(change.alertId()).isEqualTo("a1");
    }
}
