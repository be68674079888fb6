package dev.csbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTransactionRetryTest {

    @TempDir
    Path dir;

    private String url;

    @BeforeEach
    void store() {
        url = StoreConfiguration.sqliteUrl(dir.resolve("store.db"));
        Jdbi.create(url).useHandle(h -> {
            h.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
            h.execute("INSERT INTO counter (id, n) VALUES (1, 0)");
        });
    }

    /** Reads, lets another connection commit a write (once), then writes what it read plus one. */
    private int readThenWrite(Jdbi jdbi, AtomicInteger attempts) {
        Jdbi other = Jdbi.create(url);
        return jdbi.inTransaction(h -> {
            int read = h.createQuery("SELECT n FROM counter WHERE id = 1").mapTo(Integer.class).one();
            if (attempts.incrementAndGet() == 1) {
                other.useHandle(o -> o.execute("UPDATE counter SET n = n + 10 WHERE id = 1"));
            }
            h.execute("UPDATE counter SET n = ? WHERE id = 1", read + 1);
            return read + 1;
        });
    }

    @Test
    void aTransactionWhoseReadWentStaleFailsAtOnceWithoutTheRetry() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> readThenWrite(Jdbi.create(url), attempts))
                .isInstanceOf(UnableToExecuteStatementException.class)
                .satisfies(e -> assertThat(StoreBusy.causedBy(e)).isTrue());
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aTransactionWhoseReadWentStaleIsRunAgainOnAFreshSnapshot() {
        Jdbi jdbi = Jdbi.create(url);
        jdbi.setTransactionHandler(new SqliteTransactionRetry(Duration.ofSeconds(5)));
        AtomicInteger attempts = new AtomicInteger();

        int written = readThenWrite(jdbi, attempts);

        assertThat(attempts).hasValue(2);
        assertThat(written).isEqualTo(11); // the other writer's 10, then this one's +1: nothing lost
        int stored = jdbi.withHandle(h -> h.createQuery("SELECT n FROM counter").mapTo(Integer.class).one());
        assertThat(stored).isEqualTo(11);
    }
}
