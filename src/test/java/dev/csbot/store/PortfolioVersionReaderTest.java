package dev.csbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PortfolioVersionReaderTest {

    private final AtomicLong stored = new AtomicLong(7);
    private final AtomicLong queries = new AtomicLong();
    private final PortfolioVersionReader reader = new PortfolioVersionReader(() -> {
        queries.incrementAndGet();
        return stored.get();
    });

    @Test
    void repeatedReadsWithinTheRecheckIntervalQueryOnce() {
        assertThat(reader.current()).isEqualTo(7);
        assertThat(reader.current()).isEqualTo(7);
        assertThat(queries.get()).isEqualTo(1);
    }

    @Test
    void aWriteCommittedByThisProcessIsSeenAtOnce() {
        reader.current();
        stored.set(8);

        PortfolioVersionReader.committed();

        assertThat(reader.current()).isEqualTo(8);
    }

    @Test
    void anotherProcesssWriteIsSeenOnceTheIntervalHasPassed() throws InterruptedException {
        reader.current();
        stored.set(9); // written elsewhere: nothing in this process says so

        Thread.sleep(PortfolioVersionReader.RECHECK.toMillis() + 50);

        assertThat(reader.current()).isEqualTo(9);
    }
}
