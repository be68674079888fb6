package dev.csbot.alerts;

import java.time.LocalDate;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert work a schedule starts, as jobs that never overlap: the daily scan of the book, and the weekly digest,
 * which first scans the book unless today's scan has already run here, so that it lists that morning's alerts
 * whatever time each is scheduled for (both default to 08:00). Every job goes through {@link #run}: the one place
 * a lock shared by several instances belongs.
 */
public final class AlertJobs {

    private static final Logger log = LoggerFactory.getLogger(AlertJobs.class);

    private final Function<LocalDate, ScanResult> scan;
    private final ToIntFunction<LocalDate> digest;
    private final Supplier<LocalDate> today;
    /** The day of the last whole-book scan that committed here. */
    private LocalDate scanned;

    public AlertJobs(AlertService alerts, WeeklyDigest digest) {
        this(day -> alerts.scan(day, false), digest::queue, alerts::today);
    }

    AlertJobs(Function<LocalDate, ScanResult> scan, ToIntFunction<LocalDate> digest, Supplier<LocalDate> today) {
        this.scan = scan;
        this.digest = digest;
        this.today = today;
    }

    public void dailyScan() {
        run("daily scan", () -> scanBook(today.get()));
    }

    public void weeklyDigest() {
        run("weekly digest", () -> {
            LocalDate day = today.get();
            if (!day.equals(scanned)) {
                try {
                    scanBook(day);
                } catch (RuntimeException e) {
                    // The digest still goes out, with the alerts the store has: a late digest helps nobody.
                    log.error("Alerts: the scan before the weekly digest failed; the digest lists the alerts as they"
                            + " stand", e);
                }
            }
            int queued = digest.applyAsInt(day);
            log.info("Alerts: weekly digest queued for {} CSMs", queued);
        });
    }

    private void scanBook(LocalDate day) {
        ScanResult result = scan.apply(day);
        scanned = day;
        log.info("Alerts: scan of {} accounts: {} new, {} worse, {} resolved", result.accounts(), result.count("new"),
                result.count("worse"), result.count("resolved"));
    }

    /** One job at a time in this process; a failed job is logged and the schedule's next run tries again. */
    private synchronized void run(String job, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("Alerts: the {} failed; the next one tries again", job, e);
        }
    }
}
