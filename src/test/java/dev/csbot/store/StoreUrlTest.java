package dev.csbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** CSBOT_DATABASE_URL is checked before any connection, and never shown with its password. */
class StoreUrlTest {

    @Test
    void aPasswordInTheUrlIsNeverShown() {
        assertThat(StoreUrl.withoutPassword("jdbc:postgresql://db:5432/csbot?user=cs&password=s3cr&t&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/csbot?user=cs&password=***&t&ssl=true");
        assertThat(StoreUrl.withoutPassword("jdbc:postgresql://db/csbot?PASSWORD=x")).isEqualTo(
                "jdbc:postgresql://db/csbot?PASSWORD=***");
    }

    @Test
    void onlyAPostgresJdbcUrlIsTakenAndTheMessageSaysWhatToWrite() {
        assertThat(StoreUrl.checkedPostgresUrl(" jdbc:postgresql://db:5432/csbot ")).isEqualTo(
                "jdbc:postgresql://db:5432/csbot");
        assertThatThrownBy(() -> StoreUrl.checkedPostgresUrl("postgres://cs:secret@db:5432/csbot"))
                .hasMessage("csbot.database-url (CSBOT_DATABASE_URL) is \"postgres://cs:secret@db:5432/csbot\": set a"
                        + " PostgreSQL URL such as jdbc:postgresql://localhost:5432/csbot (a libpq URL: write it as"
                        + " jdbc:postgresql://host:port/db, with ?user=...&password=... or CSBOT_DATABASE_USER and"
                        + " CSBOT_DATABASE_PASSWORD), or leave it unset for the SQLite file");
        assertThatThrownBy(() -> StoreUrl.checkedPostgresUrl("jdbc:sqlite:/srv/csbot.db"))
                .hasMessageContaining("(for a SQLite file set CSBOT_DB or --db instead)");
        assertThatThrownBy(() -> StoreUrl.checkedPostgresUrl("jdbc:mysql://db/csbot?password=x"))
                .hasMessageStartingWith("csbot.database-url (CSBOT_DATABASE_URL) is \"jdbc:mysql://db/csbot?password=***\"");
    }

    @Test
    void postgresLockTimeoutsSerializationFailuresAndDeadlocksAreBusy() {
        for (String state : new String[] {"55P03", "40001", "40P01"}) {
            assertThat(StoreBusy.causedBy(new IllegalStateException("wrapped", new SQLException("x", state))))
                    .as(state).isTrue();
        }
        assertThat(StoreBusy.causedBy(new SQLException("unique violation", "23505"))).isFalse();
        assertThat(StoreBusy.causedBy(new SQLException("no state"))).isFalse();
    }
}
