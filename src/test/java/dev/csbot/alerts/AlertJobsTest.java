package dev.csbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The scheduled alert jobs: never at the same time, and the weekly digest always after that day's scan. */
class AlertJobsTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");

    private final List<String> done = new CopyOnWriteArrayList<>();
    private final AtomicReference<LocalDate> today = new AtomicReference<>(MONDAY);
    private final CountDownLatch scanMayFinish = new CountDownLatch(1);
    private volatile boolean slowScan;
    private volatile boolean failingScan;

    private final AlertJobs jobs = new AlertJobs(day -> {
        done.add("scan started " + day);
        if (slowScan) {
            try {
                scanMayFinish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failingScan) {
            throw new IllegalStateException("the store is busy");
        }
        done.add("scan committed " + day);
        return new ScanResult(day, false, 10, List.of(), 0);
    }, day -> {
        done.add("digest queued " + day);
        return 3;
    }, today::get);

    @Test
    void aDigestBeforeTheDaysScanScansTheBookFirst() {
        jobs.weeklyDigest();

        assertThat(done).containsExactly("scan started " + MONDAY, "scan committed " + MONDAY, "digest queued " + MONDAY);
    }

    @Test
    void aDigestAfterTheDaysScanDoesNotScanAgain() {
        jobs.dailyScan();
        jobs.weeklyDigest();

        assertThat(done).containsExactly("scan started " + MONDAY, "scan committed " + MONDAY, "digest queued " + MONDAY);
    }

    @Test
    void aDigestDueWhileTheScanRunsWaitsForItsCommit() throws Exception {
        slowScan = true;
        Thread scan = new Thread(jobs::dailyScan);
        scan.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> done.contains("scan started " + MONDAY));
        Thread digest = new Thread(jobs::weeklyDigest);
        digest.start();
        // The digest is due now, but may not run before the scan commits.
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5))
                .until(() -> !done.contains("digest queued " + MONDAY));

        scanMayFinish.countDown();
        scan.join(5_000);
        digest.join(5_000);

        assertThat(done).containsExactly("scan started " + MONDAY, "scan committed " + MONDAY, "digest queued " + MONDAY);
    }

    @Test
    void yesterdaysScanIsNotTodays() {
        jobs.dailyScan();
        today.set(MONDAY.plusDays(7));

        jobs.weeklyDigest();

        assertThat(done).containsExactly("scan started " + MONDAY, "scan committed " + MONDAY,
                "scan started " + MONDAY.plusDays(7), "scan committed " + MONDAY.plusDays(7),
                "digest queued " + MONDAY.plusDays(7));
    }

    @Test
    void aScanThatFailsStillLetsTheDigestGoOutAndTheNextDigestScansAgain() {
        failingScan = true;
        jobs.weeklyDigest();
        failingScan = false;
        jobs.weeklyDigest();

        assertThat(done).containsExactly("scan started " + MONDAY, "digest queued " + MONDAY,
                "scan started " + MONDAY, "scan committed " + MONDAY, "digest queued " + MONDAY);
    }
}
