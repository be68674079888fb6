package dev.csbot;

import dev.csbot.alerts.OutboxWorker;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the outbox worker in the service: on a fixed delay, and at once when something was just queued (a
 * wake-up coalesces with one already pending). In one-shot commands it never starts: their rows wait in the
 * store for the service.
 */
public final class OutboxDeliveries {

    private static final Logger log = LoggerFactory.getLogger(OutboxDeliveries.class);

    private final OutboxWorker worker;
    private final AtomicBoolean inService = new AtomicBoolean();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-wake");
        t.setDaemon(true);
        return t;
    });

    OutboxDeliveries(OutboxWorker worker) {
        this.worker = worker;
    }

    public OutboxWorker worker() {
        return worker;
    }

    void startedInService() {
        inService.set(true);
    }

    /** Something was queued: deliver now rather than at the next tick. */
    void wake() {
        if (inService.get() && wakeQueued.compareAndSet(false, true)) {
            wakeUps.execute(() -> {
                wakeQueued.set(false);
                runQuietly();
            });
        }
    }

    void runQuietly() {
        try {
            worker.drain();
        } catch (RuntimeException e) {
            log.error("Outbox: a delivery pass failed; the next one tries again", e);
        }
    }
}
