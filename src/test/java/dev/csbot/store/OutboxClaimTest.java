package dev.csbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.alerts.DeliveryTarget;
import dev.csbot.alerts.OutboxEntry;
import dev.csbot.alerts.OutboxRow;
import dev.csbot.chat.Platform;
import dev.csbot.support.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each delivery is claimed by one worker at a time, however many instances claim at once (on PostgreSQL with
 * {@code FOR UPDATE SKIP LOCKED}, on SQLite with the conditional update), and a crashed worker's rows are taken
 * over once its lease has run out, marked in doubt so the next worker looks for the post first.
 */
@Tag("store")
class OutboxClaimTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final TestDatabase store = TestDatabase.fresh("claims").migrate();

    private JdbiOutbox outbox() {
        return new JdbiOutbox(store.jdbi(), Clock.systemUTC());
    }

    private static List<OutboxEntry> entries(int count) {
        return IntStream.range(0, count).mapToObj(i -> OutboxEntry.post("alert-notice", "n" + i,
                DeliveryTarget.conversation(Platform.SLACK, "C" + (i % 7)), "acme")).toList();
    }

    private void enqueue(int count) {
        store.jdbi().useTransaction(h -> JdbiOutbox.insert(h, entries(count), T0));
    }

    @Test
    void aCrashedWorkersClaimIsTakenOverOnceItsLeaseHasRunOutAndNotBefore() {
        enqueue(1);
        JdbiOutbox crashed = outbox();
        JdbiOutbox survivor = outbox();

        List<OutboxRow> first = crashed.claim("crashed", T0, T0.plus(LEASE), 10);
        assertThat(first).singleElement().satisfies(row -> {
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.inDoubt()).isFalse();
        });
        // The crashed worker never records an outcome.
        assertThat(survivor.claim("survivor", T0.plus(LEASE).minusMillis(1), T0.plus(LEASE.multipliedBy(2)), 10))
                .as("while the lease runs").isEmpty();

        List<OutboxRow> takenOver = survivor.claim("survivor", T0.plus(LEASE).plusMillis(1),
                T0.plus(LEASE.multipliedBy(2)), 10);

        assertThat(takenOver).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo(first.get(0).id());
            assertThat(row.attempts()).isEqualTo(2);
            assertThat(row.inDoubt()).as("it may have been posted before the crash: look first").isTrue();
        });
        String holder = store.jdbi().withHandle(h -> h.createQuery("SELECT claimed_by FROM outbox")
                .mapTo(String.class).one());
        assertThat(holder).isEqualTo("survivor");
    }

    @Test
    void workersClaimingAtTheSameTimeNeverGetTheSameRow() throws Exception {
        int rows = 240;
        enqueue(rows);
        int workers = 4;
        Map<String, String> claimedBy = new ConcurrentHashMap<>();
        List<String> duplicates = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Integer>> claims = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                String worker = "worker-" + w;
                JdbiOutbox own = outbox(); // connections of its own, as another instance has
                claims.add(threads.submit(() -> {
                    go.await();
                    int total = 0;
                    for (List<OutboxRow> batch = own.claim(worker, T0, T0.plus(LEASE), 7); !batch.isEmpty();
                            batch = own.claim(worker, T0, T0.plus(LEASE), 7)) {
                        for (OutboxRow row : batch) {
                            if (claimedBy.putIfAbsent(row.id(), worker) != null) {
                                duplicates.add(row.id());
                            }
                        }
                        total += batch.size();
                    }
                    return total;
                }));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> claim : claims) {
                total += claim.get();
            }
            assertThat(duplicates).isEmpty();
            assertThat(total).isEqualTo(rows);
            assertThat(claimedBy).hasSize(rows);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void rowsAreClaimedInTheOrderTheyFellDueAtMostTheBatch() {
        enqueue(5);
        store.jdbi().useHandle(h -> h.execute("UPDATE outbox SET next_attempt_at = ? WHERE item_id = 'n3'",
                StoreTime.text(T0.minusSeconds(60))));
        store.jdbi().useHandle(h -> h.execute("UPDATE outbox SET next_attempt_at = ? WHERE item_id = 'n4'",
                StoreTime.text(T0.plusSeconds(60))));

        List<OutboxRow> claimed = outbox().claim("w", T0, T0.plus(LEASE), 3);

        assertThat(claimed).hasSize(3).first().extracting(row -> row.entry().itemId()).isEqualTo("n3");
        assertThat(claimed).extracting(row -> row.entry().itemId()).doesNotContain("n4");
        assertThat(outbox().claim("w", T0, T0.plus(LEASE), 10)).extracting(row -> row.entry().itemId())
                .as("not yet due").doesNotContain("n4").hasSize(1);
    }
}
