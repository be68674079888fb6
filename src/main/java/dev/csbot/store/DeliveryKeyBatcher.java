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
import java.util.function.Function;

/**
 * Group commit for "first delivery" checks: every caller waiting at the same moment is answered by one statement
 * (one round trip and one commit) instead of one each. Under load that is what the hot path of a chat door costs on
 * PostgreSQL, where every Slack command is recorded in the store; with one caller at a time a batch is that one
 * key, as before. One thread writes the batches, in the order keys arrived.
 */
final class DeliveryKeyBatcher implements AutoCloseable {

    /** A delivery's key, as {@code inbound_events} stores it. */
    record Key(String source, String eventId) {}

    /** Keys per statement at most: a few kilobytes of SQL parameters. */
    static final int MAX_BATCH = 200;
    /** How long a caller waits for its batch before the check counts as failed (the caller decides what then). */
    static final long WAIT_SECONDS = 10;

    private record Pending(Key key, CompletableFuture<Boolean> first) {}

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Function<List<Key>, Set<Key>> insertReturningNew;
    private final Thread writer;
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
                write(batch);
            } catch (InterruptedException e) {
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<Key> distinct = batch.stream().map(Pending::key).distinct().toList();
        Set<Key> inserted;
        try {
            inserted = insertReturningNew.apply(distinct);
        } catch (RuntimeException e) {
            batch.forEach(p -> p.first().completeExceptionally(e));
            return;
        }
        // The same key twice in one batch (a retry that raced its original): only the first caller handles it.
        Set<Key> answered = new HashSet<>();
        for (Pending pending : batch) {
            pending.first().complete(inserted.contains(pending.key()) && answered.add(pending.key()));
        }
    }

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
    }
}
