package dev.csbot.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code inbound_events} small: in the service, every hour, one instance deletes the deliveries received more
 * than {@link #KEEP} ago. Slack retries within minutes and Bot Framework sooner, so a day is far past any retry.
 */
@Component
@ConditionalOnWebApplication
class InboundEventsPruning {

    static final Duration KEEP = Duration.ofDays(1);
    static final String JOB = "prune-inbound-events";
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(InboundEventsPruning.class);

    private final JdbiInboundEvents events;
    private final ScheduledJobLock lock;
    private final Clock clock = Clock.systemUTC();

    InboundEventsPruning(JdbiInboundEvents events, ScheduledJobLock lock,
            @Value("${csbot.inbound.prune-cron:0 17 * * * *}") String cron) {
        // Checked here, before Spring's scheduler reads it, so that a bad value is named as the setting it is.
        if (!CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("csbot.inbound.prune-cron (CSBOT_INBOUND_PRUNE_CRON) is \"" + cron
                    + "\": use six fields (second minute hour day month weekday), e.g. \"0 17 * * * *\"");
        }
        this.events = events;
        this.lock = lock;
    }

    @Scheduled(cron = "${csbot.inbound.prune-cron:0 17 * * * *}")
    void prune() {
        lock.runAlone(JOB, LEASE, () -> {
            try {
                int pruned = events.pruneReceivedBefore(Instant.now(clock).minus(KEEP));
                log.info("Inbound deliveries older than {} h pruned: {}", KEEP.toHours(), pruned);
            } catch (RuntimeException e) {
                log.warn("Pruning inbound deliveries failed; the next hour tries again", e);
            }
        });
    }
}
