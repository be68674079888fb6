package dev.csbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chunk is sent when it is full, in the caller's transaction: what a rollback undoes includes every chunk. */
class ChunkedBatchTest {

    @TempDir
    Path dir;

    private Jdbi jdbi;

    @BeforeEach
    void store() {
        jdbi = Jdbi.create(StoreConfiguration.sqliteUrl(dir.resolve("chunks.db")));
        jdbi.useHandle(h -> h.execute("CREATE TABLE rows (n INTEGER PRIMARY KEY)"));
    }

    private static long rows(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM rows").mapTo(Long.class).one();
    }

    @Test
    void eachFullChunkIsSentAsItFillsAndTheRestOnFinish() {
        jdbi.useTransaction(h -> {
            ChunkedBatch batch = new ChunkedBatch(h, "INSERT INTO rows (n) VALUES (:n)", 2);
            for (int n = 1; n <= 4; n++) {
                int value = n;
                batch.add(b -> b.bind("n", value));
            }
            assertThat(rows(h)).as("two full chunks sent before finish").isEqualTo(4);
            batch.add(b -> b.bind("n", 5));
            assertThat(rows(h)).as("a chunk not yet full waits").isEqualTo(4);

            assertThat(batch.finish()).isEqualTo(5);
            assertThat(rows(h)).isEqualTo(5);
            assertThat(batch.finish()).as("nothing left to send").isEqualTo(5);
        });
    }

    @Test
    void aFailingChunkRollsBackTheChunksSentBeforeIt() {
        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            ChunkedBatch batch = new ChunkedBatch(h, "INSERT INTO rows (n) VALUES (:n)", 2);
            for (int n : new int[] {1, 2, 3, 1}) {
                batch.add(b -> b.bind("n", n));
            }
            batch.finish();
        })).hasMessageContaining("UNIQUE");

        assertThat(jdbi.withHandle(ChunkedBatchTest::rows)).isZero();
    }

    @Test
    void aChunkHoldsAtLeastOneRow() {
        jdbi.useHandle(h -> assertThatThrownBy(() -> new ChunkedBatch(h, "SELECT 1", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one row"));
    }
}
