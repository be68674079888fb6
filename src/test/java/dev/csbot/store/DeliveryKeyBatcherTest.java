package dev.csbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Group commit of delivery checks: one statement for the callers of a moment, each key handled once; keys recorded
 * without waiting, many to a statement.
 */
class DeliveryKeyBatcherTest {

    @Test
    void manyCallersAtOnceShareStatementsAndEachDeliveryIsFirstExactlyOnce() throws Exception {
        Set<DeliveryKeyBatcher.Key> stored = ConcurrentHashMap.newKeySet();
        List<Integer> batchSizes = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstBatchHeld = new CountDownLatch(1);
        DeliveryKeyBatcher batcher = new DeliveryKeyBatcher(keys -> {
            batchSizes.add(keys.size());
            if (batchSizes.size() == 1) {
                await(firstBatchHeld); // the others queue up meanwhile, as behind a slow commit
            }
            return insertNew(stored, keys);
        });
        // A thread per delivery: every caller is waiting while the first statement is held.
        ExecutorService callers = Executors.newFixedThreadPool(400);
        CountDownLatch asking = new CountDownLatch(400);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            // 400 deliveries of 100 distinct keys: every key delivered four times (Slack's retries, racing).
            for (int i = 0; i < 400; i++) {
                DeliveryKeyBatcher.Key key = new DeliveryKeyBatcher.Key("slack", "command:" + (i % 100));
                answers.add(callers.submit(() -> {
                    asking.countDown();
                    return batcher.firstDelivery(key);
                }));
            }
            asking.await();
            Thread.sleep(100);
            firstBatchHeld.countDown();
            int first = 0;
            for (Future<Boolean> answer : answers) {
                first += answer.get() ? 1 : 0;
            }

            assertThat(first).isEqualTo(100);
            assertThat(stored).hasSize(100);
            assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(400);
            assertThat(batchSizes.size()).as("statements for 400 checks").isLessThan(400);
            assertThat(batchSizes).as("some statement carried many checks").anyMatch(size -> size > 1);
            assertThat(batchSizes).allMatch(size -> size <= DeliveryKeyBatcher.MAX_BATCH);
        } finally {
            callers.shutdownNow();
            batcher.close();
        }
    }

    @Test
    void aStoreThatFailsFailsEveryCallerOfThatBatchAndTheNextBatchTriesAgain() {
        AtomicInteger calls = new AtomicInteger();
        DeliveryKeyBatcher batcher = new DeliveryKeyBatcher(keys -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database is locked");
            }
            return new HashSet<>(keys);
        });
        try {
            assertThatThrownBy(() -> batcher.firstDelivery(new DeliveryKeyBatcher.Key("slack", "event:E1")))
                    .hasMessage("database is locked");
            assertThat(batcher.firstDelivery(new DeliveryKeyBatcher.Key("slack", "event:E1"))).isTrue();
        } finally {
            batcher.close();
        }
    }

    @Test
    void recordedKeysAreWrittenWithoutTheCallerWaitingAndManyToAStatement() throws Exception {
        Set<DeliveryKeyBatcher.Key> stored = ConcurrentHashMap.newKeySet();
        List<Integer> batchSizes = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch storeHeld = new CountDownLatch(1);
        DeliveryKeyBatcher batcher = new DeliveryKeyBatcher(keys -> {
            await(storeHeld); // a store that does not answer until the test lets it
            batchSizes.add(keys.size());
            stored.addAll(keys);
            return new HashSet<>(keys);
        });
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<?> recording = caller.submit(() -> {
                for (int i = 0; i < 150; i++) {
                    batcher.record(new DeliveryKeyBatcher.Key("slack", "command:" + i));
                }
            });
            recording.get(5, java.util.concurrent.TimeUnit.SECONDS); // returns while the store does not answer
            assertThat(stored).isEmpty();

            storeHeld.countDown();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> stored.size() == 150);
            assertThat(batchSizes.size()).as("statements for 150 recorded keys").isLessThan(15);
        } finally {
            caller.shutdownNow();
            batcher.close();
        }
    }

    @Test
    void whileTheStoreDoesNotAnswerRecordedKeysWaitUpToTheBoundAndTheRestAreDropped() {
        CountDownLatch storeHeld = new CountDownLatch(1);
        Set<DeliveryKeyBatcher.Key> stored = ConcurrentHashMap.newKeySet();
        DeliveryKeyBatcher batcher = new DeliveryKeyBatcher(keys -> {
            await(storeHeld);
            stored.addAll(keys);
            return new HashSet<>(keys);
        });
        try {
            int recorded = DeliveryKeyBatcher.MOST_UNWRITTEN + DeliveryKeyBatcher.MAX_BATCH + 1_000;
            for (int i = 0; i < recorded; i++) {
                batcher.record(new DeliveryKeyBatcher.Key("slack", "command:" + i));
            }
            // The writer holds at most one batch while the store is held; the queue holds the bound.
            assertThat(batcher.droppedRecords()).isBetween(1_000L, (long) DeliveryKeyBatcher.MAX_BATCH + 1_000);

            storeHeld.countDown();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> stored.size() + batcher.droppedRecords() == recorded);
        } finally {
            batcher.close();
        }
    }

    @Test
    void aKeyRecordedEarlierIsNotAFirstDeliveryAndAFailedRecordIsNotThrown() {
        Set<DeliveryKeyBatcher.Key> stored = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        DeliveryKeyBatcher batcher = new DeliveryKeyBatcher(keys -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("connection refused");
            }
            return insertNew(stored, keys);
        });
        try {
            DeliveryKeyBatcher.Key lost = new DeliveryKeyBatcher.Key("slack", "command:lost");
            batcher.record(lost); // its statement fails: logged, nobody to throw to
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> calls.get() == 1);

            DeliveryKeyBatcher.Key read = new DeliveryKeyBatcher.Key("slack", "command:read");
            batcher.record(read);
            assertThat(batcher.firstDelivery(read)).as("the retry of a recorded read").isFalse();
            assertThat(batcher.firstDelivery(lost)).as("the retry of one whose record failed is handled").isTrue();
        } finally {
            batcher.close();
        }
    }

    /** What the table's primary key does: adds the keys, returns those that were not there. */
    private static Set<DeliveryKeyBatcher.Key> insertNew(Set<DeliveryKeyBatcher.Key> stored,
            List<DeliveryKeyBatcher.Key> keys) {
        Set<DeliveryKeyBatcher.Key> fresh = new HashSet<>();
        keys.forEach(k -> {
            if (stored.add(k)) {
                fresh.add(k);
            }
        });
        return fresh;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
