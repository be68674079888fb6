package dev.csbot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which store a benchmark of an existing book opens, and how its first line names it. */
class ExistingStoreTest {

    @Test
    void aDatabaseUrlNeedsNoFileAndIsNamedWithoutItsPassword() {
        ExistingStore store = new ExistingStore(Optional.of("jdbc:postgresql://db:5432/csbot?user=cs&password=secret"), null);

        assertThat(store.label()).contains("jdbc:postgresql://db:5432/csbot").doesNotContain("secret");
    }

    @Test
    void withoutADatabaseUrlTheSqliteFileMustExist() {
        assertThat(ExistingStore.of(Path.of("/no/such/store.db"))).isEmpty();
        assertThat(new ExistingStore(Optional.empty(), Path.of("/tmp/b.db")).label()).isEqualTo("/tmp/b.db");
    }
}
