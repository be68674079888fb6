package dev.csbot.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for "first delivery" checks: every caller waiting at the same moment is answered by one statement
 * (one round trip and one commit) instead of one each. Under load that is what the hot path of a chat door costs on
 * PostgreSQL, where every Slack command is recorded in the store; with one caller at a time a batch is that one
 * key, as before. One thread writes the batches, in the order keys arrived.
 *
 * <p>A key can also be {@linkplain #record recorded} without waiting (a read-only command's first attempt, for the
 * other instances to see). Nobody waits for those, so a batch of them only lingers up to {@link #LINGER_NANOS} to
 * gather more: many keys a statement, and no round trip on the request's path. A waiting caller ends the linger.
 */
final class DeliveryKeyBatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryKeyBatcher.class);

    /** A delivery's key, as {@code inbound_events} stores it. */
    record Key(String source, String eventId) {}

    /** Keys per statement at most: a few kilobytes of SQL parameters. */
    static final int MAX_BATCH = 200;
    /** How long a caller waits for its batch before the check counts as failed (the caller decides what then). */
    static final long WAIT_SECONDS = 10;
    /**
     * How long a batch of recorded keys waits for more. Short beside Slack's retry, which comes after its 3 s
     * timeout: by then the key is in the store.
     */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** Recorded keys that may wait for a store that does not answer: about ten seconds of a heavy load. */
    static final int MOST_UNWRITTEN = 50_000;

    /** A key to insert; {@code first} is null when nobody waits for the answer ({@link #record}). */
    private record Pending(Key key, CompletableFuture<Boolean> first) {
        boolean awaited() {
            return first != null;
        }
    }

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Function<List<Key>, Set<Key>> insertReturningNew;
    private final Thread writer;
    private final AtomicLong droppedRecords = new AtomicLong();
    private volatile boolean closed;

    /** @param insertReturningNew inserts the distinct keys given and returns those that were not there before */
    DeliveryKeyBatcher(Function<List<Key>, Set<Key>> insertReturningNew) {
        this.insertReturningNew = insertReturningNew;
        this.writer = new Thread(this::writeBatches, "inbound-events");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** True when no earlier delivery of {@code key} was recorded, here or on any instance on the store. */
    boolean firstDelivery(Key key) {
        CompletableFuture<Boolean> first = new CompletableFuture<>();
        queue.add(new Pending(key, first));
        try {
            return first.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording delivery " + key.eventId(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("recording delivery " + key.eventId() + " took over " + WAIT_SECONDS
                    + " s", e);
        }
    }

    /**
     * Records {@code key} without waiting for the store: it is written within {@link #LINGER_NANOS} and a round
     * trip. A failure is logged, not thrown (nobody is there to catch it). While the store does not answer, at
     * most {@link #MOST_UNWRITTEN} keys wait; past that a key is dropped (its retry, sent to another instance,
     * would be handled there again) rather than memory growing without bound.
     */
    void record(Key key) {
        if (queue.size() >= MOST_UNWRITTEN) {
            long dropped = droppedRecords.incrementAndGet();
            if (dropped % MOST_UNWRITTEN == 1) {
                log.warn("{} keys are waiting for the store, which is not answering: {} deliveries dropped so far,"
                        + " not recorded for the other instances", MOST_UNWRITTEN, dropped);
            }
            return;
        }
        queue.add(new Pending(key, null));
    }

    /** Recorded keys dropped because too many were waiting for the store (see {@link #record}). */
    long droppedRecords() {
        return droppedRecords.get();
    }

    private void writeBatches() {
        List<Pending> batch = new ArrayList<>();
        while (!closed) {
            try {
                Pending next = queue.poll(1, TimeUnit.SECONDS);
                if (next == null) {
                    continue;
                }
                batch.add(next);
                queue.drainTo(batch, MAX_BATCH - 1);
                lingerWhileNobodyWaits(batch);
                write(batch);
            } catch (InterruptedException e) {
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /** Gathers more keys for a batch of recorded ones, until someone waits, the batch is full or the linger ends. */
    private void lingerWhileNobodyWaits(List<Pending> batch) throws InterruptedException {
        long deadline = System.nanoTime() + LINGER_NANOS;
        boolean someoneWaits = batch.stream().anyMatch(Pending::awaited);
        while (!someoneWaits && batch.size() < MAX_BATCH) {
            long left = deadline - System.nanoTime();
            Pending more = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (more == null) {
                return;
            }
            int from = batch.size();
            batch.add(more);
            queue.drainTo(batch, MAX_BATCH - batch.size());
            someoneWaits = batch.subList(from, batch.size()).stream().anyMatch(Pending::awaited);
        }
    }

    private void write(List<Pending> batch) {
        List<Key> distinct = batch.stream().map(Pending::key).distinct().toList();
        Set<Key> inserted;
        try {
            inserted = insertReturningNew.apply(distinct);
        } catch (RuntimeException e) {
            long unrecorded = batch.stream().filter(p -> !p.awaited()).count();
            if (unrecorded > 0) {
                log.warn("{} deliveries were not recorded for the other instances ({}): a retry of one sent to"
                        + " another instance would be handled there again", unrecorded, e.getMessage());
            }
            batch.stream().filter(Pending::awaited).forEach(p -> p.first().completeExceptionally(e));
            return;
        }
        // The same key twice in one batch (a retry that raced its original): only the first caller handles it.
        Set<Key> answered = new HashSet<>();
        for (Pending pending : batch) {
            boolean first = inserted.contains(pending.key()) && answered.add(pending.key());
            if (pending.awaited()) {
                pending.first().complete(first);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
    }
}
