package dev.csbot;

import dev.csbot.account.AccountRepository;
import dev.csbot.health.HealthService;
import dev.csbot.ops.CsbotMetrics;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the book's scores ready in the running service: after an import, an API write (from any process)
 * or midnight, the next tick scores the book again in full, so a CSM's /health and /risks rarely wait
 * for it. A tick with nothing new costs one one-row query.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
class BookScoresRefresher {

    private static final Logger log = LoggerFactory.getLogger(BookScoresRefresher.class);

    private final HealthService health;
    private final AccountRepository accounts;
    private final CsbotMetrics metrics;

    /** The day and portfolio version last scored here: a tick with the same two has nothing to time. */
    private record Scored(LocalDate day, long version) {}

    private Scored last;

    BookScoresRefresher(HealthService health, AccountRepository accounts, CsbotMetrics metrics) {
        this.health = health;
        this.accounts = accounts;
        this.metrics = metrics;
    }

    @Scheduled(initialDelayString = "${csbot.book-refresh.initial-delay:5s}",
            fixedDelayString = "${csbot.book-refresh.every:30s}")
    void refresh() {
        try {
            Scored now = new Scored(health.today(), accounts.portfolioVersion());
            long started = System.nanoTime();
            health.prepare();
            if (!now.equals(last)) {
                metrics.bookScored(System.nanoTime() - started);
                last = now;
            }
        } catch (RuntimeException e) {
            log.warn("Scoring the book in the background failed; /risks will score it on demand", e);
        }
    }
}
