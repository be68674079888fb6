package dev.csbot.health;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A value computed at most once, by the first caller, while every concurrent caller waits for that same
 * computation (single-flight). A computation that fails is not kept: the next caller tries again.
 */
final class Once<T> {

    private final AtomicReference<CompletableFuture<T>> value = new AtomicReference<>();
    /** Dropped once the value is in, so the value does not keep alive what it was computed from. */
    private volatile Supplier<T> compute;

    Once(Supplier<T> compute) {
        this.compute = compute;
    }

    T get() {
        CompletableFuture<T> known = value.get();
        if (known == null) {
            CompletableFuture<T> mine = new CompletableFuture<>();
            if (value.compareAndSet(null, mine)) {
                try {
                    T computed = compute.get();
                    compute = null;
                    mine.complete(computed);
                    return computed;
                } catch (RuntimeException | Error e) {
                    value.set(null);
                    mine.completeExceptionally(e);
                    throw e;
                }
            }
            known = value.get();
            if (known == null) {
                return get(); // the computation just failed; try it ourselves
            }
        }
        try {
            return known.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** Whether someone has started (or finished) computing the value. */
    boolean started() {
        return value.get() != null;
    }
}
