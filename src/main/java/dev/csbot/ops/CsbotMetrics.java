package dev.csbot.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
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

    /** Slack wants an answer within 3 s; these say how far inside it answers stay. */
    private static final Duration[] COMMAND_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(3)};

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

    public void bookScored(long nanos) {
        Timer.builder(BOOK_SCORING).description("Scoring the whole book in full after a change")
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }
}
