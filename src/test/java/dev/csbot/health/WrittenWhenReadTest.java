package dev.csbot.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Drivers, band caps and renewal risks write their words when read, not when a score is weighed: ranking a book
 * weighs thousands and shows a few. Settled, they hold the text; equal when they read the same.
 */
class WrittenWhenReadTest {

    private final AtomicInteger written = new AtomicInteger();

    private MeasureResult usageDrop(String evidence) {
        return MeasureResult.scored(Measure.USAGE_TREND, 30, () -> {
            written.incrementAndGet();
            return evidence;
        });
    }

    @Test
    void namingADriverWritesNoEvidenceAndReadingItWritesItFromItsMeasure() {
        Driver driver = Driver.of(usageDrop("active users down 38% over 14 days: 41 -> 25"), Band.RED, 12.5);

        assertThat(written).hasValue(0);
        assertThat(driver.measureScore()).isEqualTo(30);
        assertThat(driver.sentence()).isEqualTo("Usage trend: active users down 38% over 14 days: 41 -> 25");
        assertThat(written).hasValue(1);
    }

    @Test
    void aSettledDriverHoldsItsTextAndNoLongerAsksItsMeasure() {
        Driver settled = Driver.of(usageDrop("active users down 38%"), Band.RED, 12.5).settled();
        int afterSettling = written.get();

        assertThat(settled.evidence()).isEqualTo("active users down 38%");
        assertThat(settled.evidence()).isEqualTo("active users down 38%");
        assertThat(written).hasValue(afterSettling).hasValue(1);
    }

    @Test
    void driversThatReadTheSameAreEqualHoweverTheirEvidenceIsWritten() {
        Driver lazy = Driver.of(usageDrop("active users down 38%"), Band.RED, 12.5);
        Driver settled = Driver.of(usageDrop("active users down 38%"), Band.RED, 12.5).settled();
        Driver other = Driver.of(usageDrop("active users down 40%"), Band.RED, 12.5);

        assertThat(lazy).isEqualTo(settled).hasSameHashCodeAs(settled).hasToString(settled.toString());
        assertThat(lazy).isNotEqualTo(other);
        assertThat(lazy.toString()).contains("evidence=active users down 38%");
    }

    private Supplier<String> counted(String reason) {
        return () -> {
            written.incrementAndGet();
            return reason;
        };
    }

    @Test
    void aBandCapWritesItsReasonWhenReadAndHoldsItOnceSettled() {
        BandCap cap = new BandCap(Band.YELLOW, counted("Usage trend is in its red zone (22/100)"));
        assertThat(written).hasValue(0);

        BandCap settled = cap.settled();
        assertThat(settled.reason()).isEqualTo("Usage trend is in its red zone (22/100)");
        assertThat(written).hasValue(1);
        assertThat(settled).isEqualTo(cap).hasSameHashCodeAs(cap);
        assertThat(settled).isNotEqualTo(new BandCap(Band.RED, () -> "Usage trend is in its red zone (22/100)"));
    }

    @Test
    void aRenewalRiskKnowsItWasTriggeredWithoutWritingWhy() {
        RenewalRisk risk = new RenewalRisk(26, List.of(counted("32% of 1,175 seats active (under 50%)"),
                counted("poor recent sentiment (41/100, under 50)")));

        assertThat(risk.triggered()).isTrue();
        assertThat(new RenewalRisk(40, List.of()).triggered()).isFalse();
        assertThat(written).hasValue(0);

        RenewalRisk settled = risk.settled();
        int afterSettling = written.get();
        assertThat(settled.sentence()).isEqualTo("renews in 26 days with 32% of 1,175 seats active (under 50%) and poor"
                + " recent sentiment (41/100, under 50)");
        assertThat(written).hasValue(afterSettling).hasValue(2);
        assertThat(settled).isEqualTo(risk).hasToString(risk.toString());
        assertThat(new RenewalRisk(40, List.of()).sentence()).isEqualTo("renews in 40 days and is not green");
    }
}
