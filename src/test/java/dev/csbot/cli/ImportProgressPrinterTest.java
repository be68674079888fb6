package dev.csbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Progress lines: one every few seconds of a file's reading, with its rate, and one when the file is done. */
class ImportProgressPrinterTest {

    private long now;
    private final StringWriter err = new StringWriter();
    private final ImportProgressPrinter printer = new ImportProgressPrinter(new PrintWriter(err), () -> now);

    private void at(double seconds) {
        now = (long) (seconds * TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void aLongFileGetsALineEveryThreeSecondsWithRowsPerSecondAndOneWhenDone() {
        at(10);
        printer.rows("usage_daily.csv", 0);
        at(11);
        printer.rows("usage_daily.csv", 100_000);
        at(13);
        printer.rows("usage_daily.csv", 300_000);
        at(14);
        printer.rows("usage_daily.csv", 400_000);
        at(15.5);
        printer.rows("usage_daily.csv", 550_000);
        at(17);
        printer.fileDone("usage_daily.csv", 700_000);

        assertThat(err.toString().lines()).containsExactly(
                "csbot: usage_daily.csv: 300,000 rows so far in 3.0 s (100,000 rows/s)",
                "csbot: usage_daily.csv: 700,000 rows read in 7.0 s (100,000 rows/s)");
    }

    @Test
    void eachFileIsTimedFromItsOwnStart() {
        at(0);
        printer.rows("accounts.csv", 0);
        at(1);
        printer.fileDone("accounts.csv", 2_000);
        at(5);
        printer.rows("contacts.csv", 0);
        at(7);
        printer.fileDone("contacts.csv", 1_000);

        assertThat(err.toString().lines()).containsExactly(
                "csbot: accounts.csv: 2,000 rows read in 1.0 s (2,000 rows/s)",
                "csbot: contacts.csv: 1,000 rows read in 2.0 s (500 rows/s)");
    }
}
