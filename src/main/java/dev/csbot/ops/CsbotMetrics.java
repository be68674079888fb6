package dev.csbot.ops;

import dev.csbot.store.OutboxBacklog.Backlog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The metrics csbot publishes, all named {@code csbot.*} ({@code csbot_*} at {@code /actuator/prometheus}), in one
 * place so that their names and tags stay few and documented (README, Operations). Every tag value comes from a
 * bounded set (command verbs, action ids, datasets), never from what a caller typed. A new metric is one method
 * here, e.g. {@code registry.counter("csbot.alerts.raised", "rule", rule).increment()}.
 */
@Component
public class CsbotMetrics {

    /** Timer: a command, button or form answered, by {@code command}, {@code channel} and {@code outcome}. */
    public static final String COMMANDS = "csbot.commands";
    /** Counter: rows written through the REST API's ingest, by {@code dataset} and {@code source} (rest). */
    public static final String INGEST_ROWS = "csbot.ingest.rows";
    /** Timer: the whole book scored in full after a change (the background refresh). */
    public static final String BOOK_SCORING = "csbot.health.book.scoring";
    /** Counter: alerts raised (a new alert, not one that got worse), by {@code rule} and {@code severity}. */
    public static final String ALERTS_RAISED = "csbot.alerts.raised";
    /**
     * Counter: outbox deliveries this instance finished, by {@code item_kind} (alert-notice, digest, ...),
     * {@code platform} and {@code outcome} ({@code delivered} or {@code parked}).
     */
    public static final String DELIVERIES = "csbot.outbox.deliveries";
    /** Gauge: deliveries waiting in the outbox (the store's, the same on every instance). */
    public static final String OUTBOX_DEPTH = "csbot.outbox.depth";
    /** Gauge: seconds the oldest waiting delivery has waited since it was queued (0 when none waits). */
    public static final String OUTBOX_OLDEST_AGE = "csbot.outbox.oldest.age";
    /** Gauge: deliveries parked in the store now (what /alerts failed lists). */
    public static final String OUTBOX_PARKED = "csbot.outbox.parked";

    /** Slack wants an answer within 3 s; these say how far inside it answers stay. */
    private static final Duration[] COMMAND_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(3)};

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CsbotMetrics.class);

    private final MeterRegistry registry;

    public CsbotMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void commandAnswered(String command, String channel, String outcome, long nanos) {
        Timer.builder(COMMANDS).description("Commands, button presses and forms answered")
                .tags("command", command, "channel", channel, "outcome", outcome)
                .serviceLevelObjectives(COMMAND_BUCKETS)
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    public void rowsIngested(String dataset, String source, long rows) {
        Counter.builder(INGEST_ROWS).description("Rows written to the store by imports").baseUnit("rows")
                .tags("dataset", dataset, "source", source)
                .register(registry)
                .increment(rows);
    }

    public void alertRaised(String rule, String severity) {
        Counter.builder(ALERTS_RAISED).description("Alerts raised").tags("rule", rule, "severity", severity)
                .register(registry)
                .increment();
    }

    public void deliveryFinished(String itemKind, String platform, String outcome) {
        Counter.builder(DELIVERIES).description("Outbox deliveries finished by this instance")
                .tags("item_kind", itemKind, "platform", platform, "outcome", outcome)
                .register(registry)
                .increment();
    }

    /**
     * The outbox gauges, read from {@code backlog} when scraped: one read serves the three gauges of a scrape (it
     * is kept {@link #BACKLOG_READ_EVERY}), and a store that cannot answer leaves the last values.
     */
    public void outboxBacklog(Supplier<Backlog> backlog, Clock clock) {
        BacklogReading reading = new BacklogReading(backlog, clock);
        // Strong references: a gauge holds its object weakly, and nothing else holds this one.
        Gauge.builder(OUTBOX_DEPTH, reading, r -> r.get().waiting()).description("Deliveries waiting in the outbox")
                .strongReference(true).register(registry);
        Gauge.builder(OUTBOX_OLDEST_AGE, reading, r -> r.get().oldestWaiting()
                        .map(at -> Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0)).orElse(0.0))
                .description("Seconds the oldest waiting delivery has waited").baseUnit("seconds")
                .strongReference(true).register(registry);
        Gauge.builder(OUTBOX_PARKED, reading, r -> r.get().parked()).description("Deliveries parked in the outbox")
                .strongReference(true).register(registry);
    }

    static final Duration BACKLOG_READ_EVERY = Duration.ofSeconds(5);

    /** The last backlog read, read again when older than {@link #BACKLOG_READ_EVERY}. */
    private static final class BacklogReading {
        private final Supplier<Backlog> backlog;
        private final Clock clock;
        private Backlog last = new Backlog(0, java.util.Optional.empty(), 0);
        private java.time.Instant readAt;

        BacklogReading(Supplier<Backlog> backlog, Clock clock) {
            this.backlog = backlog;
            this.clock = clock;
        }

        synchronized Backlog get() {
            java.time.Instant now = clock.instant();
            if (readAt == null || Duration.between(readAt, now).compareTo(BACKLOG_READ_EVERY) >= 0) {
                try {
                    last = backlog.get();
                } catch (RuntimeException e) {
                    log.warn("Outbox gauges: the store did not answer ({}); they show the last values", e.getMessage());
                }
                readAt = now;
            }
            return last;
        }
    }

    public void bookScored(long nanos) {
        Timer.builder(BOOK_SCORING).description("Scoring the whole book in full after a change")
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }
}
