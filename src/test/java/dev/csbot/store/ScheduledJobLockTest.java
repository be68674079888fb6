package dev.csbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.csbot.support.MutableClock;
import dev.csbot.support.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scheduled work runs on one instance at a time: each "instance" here is a lock of its own with its own connections
 * to one store (SQLite file or PostgreSQL schema), as two processes would have.
 */
@Tag("store")
class ScheduledJobLockTest {

    private static final Duration LEASE = Duration.ofHours(1);

    private final TestDatabase store = TestDatabase.fresh("joblock").migrate();

    private JdbiScheduledJobLock instance(String name, Clock clock) {
        return new JdbiScheduledJobLock(store.jdbi(), clock, name);
    }

    @Test
    void instancesFiringTheSameJobAtTheSameMomentRunItOnce() throws Exception {
        List<JdbiScheduledJobLock> instances = List.of(instance("a", Clock.systemUTC()), instance("b", Clock.systemUTC()),
                instance("c", Clock.systemUTC()), instance("d", Clock.systemUTC()));
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(instances.size());
        try {
            List<Future<Boolean>> ran = new ArrayList<>();
            for (JdbiScheduledJobLock lock : instances) {
                ran.add(threads.submit(() -> {
                    go.await();
                    return lock.runAlone("daily-scan", LEASE, runs::incrementAndGet);
                }));
            }
            go.countDown();
            int here = 0;
            for (Future<Boolean> result : ran) {
                here += result.get() ? 1 : 0;
            }
            assertThat(runs).hasValue(1);
            assertThat(here).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aJobThatFinishedQuicklyIsStillHeldItsMinimumSoTheSameScheduleElsewhereIsSkipped() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
        JdbiScheduledJobLock a = instance("a", clock);
        JdbiScheduledJobLock b = instance("b", clock);
        AtomicInteger runs = new AtomicInteger();

        assertThat(a.runAlone("daily-scan", LEASE, runs::incrementAndGet)).isTrue();
        clock.advance(ScheduledJobLock.MINIMUM_HOLD.minusSeconds(1));
        assertThat(b.runAlone("daily-scan", LEASE, runs::incrementAndGet)).as("a clock a little behind").isFalse();
        assertThat(b.runAlone("weekly-digest", LEASE, runs::incrementAndGet)).as("another job is free").isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(b.runAlone("daily-scan", LEASE, runs::incrementAndGet)).as("the next day's run").isTrue();

        assertThat(runs).hasValue(3);
        assertThat(holder("daily-scan")).isEqualTo("b");
    }

    @Test
    void aCrashedInstancesHoldLapsesAtTheEndOfItsLeaseAndNotBefore() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
        JdbiScheduledJobLock crashed = instance("crashed", clock);
        JdbiScheduledJobLock survivor = instance("survivor", clock);
        List<Boolean> survivorRan = new ArrayList<>();

        // The survivor tries while the other instance is still "inside" its job, which never ends (it crashed).
        crashed.runAlone("daily-scan", LEASE, () -> {
            clock.advance(LEASE.minusMinutes(1));
            survivorRan.add(survivor.runAlone("daily-scan", LEASE, () -> {}));
            clock.advance(Duration.ofMinutes(1));
            survivorRan.add(survivor.runAlone("daily-scan", LEASE, () -> {}));
        });

        assertThat(survivorRan).containsExactly(false, true);
        assertThat(holder("daily-scan")).as("the crashed run's late release leaves the survivor's hold")
                .isEqualTo("survivor");
    }

    @Test
    void aFailingJobFailsToItsCallerAndGivesTheLockBack() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
        JdbiScheduledJobLock a = instance("a", clock);

        assertThatThrownBy(() -> a.runAlone("weekly-digest", LEASE, () -> {
            throw new IllegalStateException("digest broke");
        })).hasMessage("digest broke");
        clock.advance(ScheduledJobLock.MINIMUM_HOLD);

        assertThat(instance("b", clock).runAlone("weekly-digest", LEASE, () -> {})).isTrue();
    }

    private String holder(String job) {
        Jdbi jdbi = store.jdbi();
        return jdbi.withHandle(h -> h.createQuery("SELECT locked_by FROM scheduled_locks WHERE job = :job")
                .bind("job", job).mapTo(String.class).one());
    }
}
