package dev.csbot.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The lock in the store ({@code scheduled_locks}), the same SQL on SQLite and PostgreSQL: a job is taken by the one
 * conditional UPDATE that finds its hold lapsed (on PostgreSQL a second instance's UPDATE waits for the first's row
 * lock and then finds the hold taken), and given back by moving the hold's end to its minimum. Each statement is its
 * own short transaction, never held while the job runs. Real time, whatever {@code csbot.today} pins: the hold is
 * about instances, not the business date.
 */
@Component
class JdbiScheduledJobLock implements ScheduledJobLock {

    private static final Logger log = LoggerFactory.getLogger(JdbiScheduledJobLock.class);
    private static final String NEVER = "1970-01-01T00:00:00.000Z";

    private final Jdbi jdbi;
    private final Clock clock;
    private final String instance;

    @Autowired
    JdbiScheduledJobLock(Jdbi jdbi) {
        this(jdbi, Clock.systemUTC(), InstanceId.ofThisProcess());
    }

    JdbiScheduledJobLock(Jdbi jdbi, Clock clock, String instance) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.instance = instance;
    }

    @Override
    public boolean runAlone(String job, Duration lease, Runnable work) {
        Instant started = Instant.now(clock);
        String at = StoreTime.text(started);
        boolean taken;
        try {
            taken = jdbi.withHandle(h -> {
                h.createUpdate("INSERT INTO scheduled_locks (job, locked_until, locked_at, locked_by)"
                        + " VALUES (:job, :never, :never, '') ON CONFLICT (job) DO NOTHING")
                        .bind("job", job).bind("never", NEVER).execute();
                return h.createUpdate("UPDATE scheduled_locks SET locked_until = :until, locked_at = :now,"
                                + " locked_by = :me WHERE job = :job AND locked_until <= :now")
                        .bind("until", StoreTime.text(started.plus(lease))).bind("now", at).bind("me", instance)
                        .bind("job", job).execute() == 1;
            });
        } catch (RuntimeException e) {
            log.warn("Scheduled job {}: could not take its lock in the store ({}); skipped, the next run tries again",
                    job, e.getMessage());
            return false;
        }
        if (!taken) {
            log.info("Scheduled job {}: held by another instance ({}); skipped here", job, holder(job));
            return false;
        }
        log.info("Scheduled job {}: started on {}", job, instance);
        try {
            work.run();
        } finally {
            release(job, started);
        }
        return true;
    }

    private String holder(String job) {
        return jdbi.withHandle(h -> h.createQuery("SELECT locked_by || ' until ' || locked_until FROM scheduled_locks"
                + " WHERE job = :job").bind("job", job).mapTo(String.class).findOne().orElse("unknown"));
    }

    /** Ends the hold now, or at the minimum hold when the work was quicker; only a hold this run took. */
    private void release(String job, Instant started) {
        Instant now = Instant.now(clock);
        Instant until = started.plus(MINIMUM_HOLD).isAfter(now) ? started.plus(MINIMUM_HOLD) : now;
        try {
            jdbi.useHandle(h -> h.createUpdate("UPDATE scheduled_locks SET locked_until = :until WHERE job = :job"
                            + " AND locked_by = :me AND locked_at = :started")
                    .bind("until", StoreTime.text(until)).bind("job", job).bind("me", instance)
                    .bind("started", StoreTime.text(started)).execute());
        } catch (RuntimeException e) {
            log.warn("Scheduled job {}: could not give its lock back ({}); it lapses at the end of its lease", job,
                    e.getMessage());
        }
    }
}
