package dev.csbot.cli;

import dev.csbot.ingest.ImportOptions;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** Progress of an import on stderr: rows and rows/s of the current file every few seconds, and when it is done. */
final class ImportProgressPrinter implements ImportOptions.Progress {

    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(3);

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private String file;
    private long fileStarted;
    private long lastPrinted;

    ImportProgressPrinter(PrintWriter err, LongSupplier nanoTime) {
        this.err = err;
        this.nanoTime = nanoTime;
    }

    @Override
    public void rows(String fileName, long rows) {
        long now = started(fileName);
        if (now - lastPrinted >= INTERVAL_NANOS) {
            lastPrinted = now;
            print(fileName, rows, now, "so far");
        }
    }

    @Override
    public void fileDone(String fileName, long rows) {
        long now = started(fileName);
        print(fileName, rows, now, "read");
        file = null;
    }

    /** The clock now, starting the count of a file seen for the first time. */
    private long started(String fileName) {
        long now = nanoTime.getAsLong();
        if (!fileName.equals(file)) {
            file = fileName;
            fileStarted = now;
            lastPrinted = now;
        }
        return now;
    }

    private void print(String fileName, long rows, long now, String state) {
        double seconds = (now - fileStarted) / 1e9;
        err.printf(Locale.US, "csbot: %s: %,d rows %s in %.1f s%s%n", fileName, rows, state, seconds,
                seconds >= 0.001 ? String.format(Locale.US, " (%,.0f rows/s)", rows / seconds) : "");
        err.flush();
    }
}
