package dev.csbot;

import dev.csbot.store.ScheduledJobLock;
import dev.csbot.voc.CampaignDay;
import dev.csbot.voc.VocService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The service's clockwork for Voice of the Customer: the daily campaign run (prompts due by schedule or trigger,
 * throttled) on its cron, set up as the alert scan is, and the reminders due on a fixed delay. What they queue
 * the alerts' outbox worker delivers. Each runs on one instance at a time ({@link ScheduledJobLock}): two instances
 * planning the same day would each queue the same prompts.
 */
final class VocSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VocSchedule.class);

    private final VocService voc;
    private final Clock clock;
    private final CronTrigger cron;
    private final ZoneId zone;
    private final Duration reminders;
    /** Far past the longest campaign run or reminder batch; a crashed holder's lock lapses then. */
    static final Duration CAMPAIGN_LEASE = Duration.ofHours(1);
    static final Duration REMINDERS_LEASE = Duration.ofMinutes(10);

    private final ScheduledJobLock lock;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    VocSchedule(VocService voc, ScheduledJobLock lock, Clock clock, String cron, String zone, Duration reminders) {
        this.voc = voc;
        this.lock = lock;
        this.reminders = reminders;
        this.clock = clock;
        this.zone = zone.isBlank() ? ZoneId.systemDefault()
                : AlertSchedule.zone("csbot.voc.zone (CSBOT_VOC_ZONE)", zone.trim());
        this.cron = AlertSchedule.cron("csbot.voc.cron (CSBOT_VOC_CRON)", cron, this.zone, "0 0 9 * * *");
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("voc-schedule-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        scheduler.schedule(this::dailyAlone, cron);
        scheduler.scheduleWithFixedDelay(this::remindersAlone, reminders);
        log.info("Feedback campaigns: daily run \"{}\" ({}); reminders checked every {} min", cron.getExpression(),
                zone, reminders.toMinutes());
    }

    /** The daily run, unless another instance on the store has it. */
    void dailyAlone() {
        lock.runAlone("feedback-campaigns", CAMPAIGN_LEASE, this::daily);
    }

    /** The reminders due, unless another instance on the store is sending them. */
    void remindersAlone() {
        lock.runAlone("feedback-reminders", REMINDERS_LEASE, this::reminders);
    }

    void daily() {
        try {
            CampaignDay day = voc.runCampaigns(Instant.now(clock));
            log.info("Feedback campaigns {}: {} prompts queued, {} held back by the throttle ({} newly told to their"
                    + " CSM)", day.day(), day.queued(), day.heldBack(), day.csmTold());
        } catch (RuntimeException e) {
            log.error("Feedback campaigns: the daily run failed; the next one tries again", e);
        }
    }

    void reminders() {
        try {
            int queued = voc.sendReminders(Instant.now(clock));
            if (queued > 0) {
                log.info("Feedback prompts: {} reminders queued", queued);
            }
        } catch (RuntimeException e) {
            log.error("Feedback prompts: sending the reminders due failed; the next check tries again", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdown();
    }
}
