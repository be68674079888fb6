package dev.csbot.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A driver writes its evidence when it is read, not when it is named (ranking a book names thousands). */
class DriverTest {

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
}
