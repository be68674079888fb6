package dev.csbot;

import dev.csbot.alerts.AlertJobs;
import dev.csbot.store.ScheduledJobLock;
import java.time.Duration;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The service's clockwork for alerts: the outbox worker on a fixed delay, the daily scan and the weekly digest
 * on their crons ({@link AlertJobs}: never at the same time, the digest after that day's scan), each on one instance
 * at a time ({@link ScheduledJobLock}; the outbox needs no lock, its rows are claimed). Started once the application
 * is ready (the store migrated), stopped with the context.
 */
final class AlertSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertSchedule.class);
    /** Far past the longest scan or digest (100,000 accounts scan in seconds); a crashed holder's lock lapses then. */
    static final Duration JOB_LEASE = Duration.ofHours(1);

    private final OutboxDeliveries deliveries;
    private final AlertJobs jobs;
    private final CronTrigger scan;
    private final CronTrigger digestCron;
    private final Duration poll;
    private final ZoneId zone;
    private final ScheduledJobLock lock;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    AlertSchedule(OutboxDeliveries deliveries, AlertJobs jobs, ScheduledJobLock lock, String scanCron, String scanZone,
            String digestCron, Duration poll) {
        this.deliveries = deliveries;
        this.jobs = jobs;
        this.lock = lock;
        this.zone = scanZone.isBlank() ? ZoneId.systemDefault() : zone(scanZone.trim());
        this.scan = cron("csbot.scan.cron (CSBOT_SCAN_CRON)", scanCron, zone, "0 0 8 * * *");
        this.digestCron = cron("csbot.digest.cron (CSBOT_DIGEST_CRON)", digestCron, zone, "0 0 8 * * MON");
        this.poll = poll;
    }

    private static ZoneId zone(String text) {
        return zone("csbot.scan.zone (CSBOT_SCAN_ZONE)", text);
    }

    /** A zone id from a setting, or a start-up error that names the setting and says what to write instead. */
    static ZoneId zone(String name, String text) {
        try {
            return ZoneId.of(text);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(name + " is \"" + text + "\": " + e.getMessage()
                    + "; use a zone id such as Europe/Berlin, or leave it unset for the system zone", e);
        }
    }

    /** A six-field cron from a setting, or a start-up error that names the setting and shows an example. */
    static CronTrigger cron(String name, String expression, ZoneId zone, String example) {
        try {
            return new CronTrigger(expression.trim(), zone);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is \"" + expression + "\": " + e.getMessage()
                    + "; use six fields (second minute hour day month weekday), e.g. \"" + example + "\"", e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        // The outbox worker keeps a thread of its own while a job runs (and another waits for it).
        scheduler.setPoolSize(3);
        scheduler.setThreadNamePrefix("alert-schedule-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        deliveries.startedInService();
        scheduler.scheduleWithFixedDelay(deliveries::runQuietly, poll);
        scheduler.schedule(() -> lock.runAlone("daily-scan", JOB_LEASE, jobs::dailyScan), scan);
        scheduler.schedule(() -> lock.runAlone("weekly-digest", JOB_LEASE, jobs::weeklyDigest), digestCron);
        log.info("Alerts: daily scan \"{}\", weekly digest \"{}\" ({}); outbox checked every {} ms",
                scan.getExpression(), digestCron.getExpression(), zone, poll.toMillis());
    }

    @Override
    public void close() {
        scheduler.shutdown();
    }
}
