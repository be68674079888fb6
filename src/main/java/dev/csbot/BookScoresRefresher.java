package dev.csbot;

import dev.csbot.health.HealthService;
import dev.csbot.ops.CsbotMetrics;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the book's ranking ready in the running service, so that a CSM's /risks rarely waits for it:
 * after every write this process commits (the health service hears of it and asks for a refresh here), at
 * start-up, and when the day changes. Nothing polls: writes by another process are seen by the next read.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
class BookScoresRefresher {

    private static final Logger log = LoggerFactory.getLogger(BookScoresRefresher.class);

    private final HealthService health;
    /** One thread: refreshes queue behind each other instead of competing for the two cores. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "csbot-book-refresh");
        thread.setDaemon(true);
        return thread;
    });

    private final CsbotMetrics metrics;

    BookScoresRefresher(HealthService health, CsbotMetrics metrics) {
        this.health = health;
        this.metrics = metrics;
        health.refreshInBackground(task -> worker.execute(() -> {
            try {
                long started = System.nanoTime();
                task.run();
                metrics.bookScored(System.nanoTime() - started);
            } catch (RuntimeException e) {
                log.warn("Ranking the book in the background failed; /risks will rank it on demand", e);
            }
        }));
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        refresh();
    }

    /** Scores are as of a day: shortly after midnight the new day's ranking is made. */
    @Scheduled(cron = "${csbot.book-refresh.cron:5 0 0 * * *}")
    void newDay() {
        refresh();
    }

    private void refresh() {
        worker.execute(() -> {
            try {
                long started = System.nanoTime();
                health.all();
                metrics.bookScored(System.nanoTime() - started);
            } catch (RuntimeException e) {
                log.warn("Ranking the book in the background failed; /risks will rank it on demand", e);
            }
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
