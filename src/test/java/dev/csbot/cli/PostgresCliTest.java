package dev.csbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.support.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that opens a store, on PostgreSQL (skipped without {@value TestDatabase#SERVER_VARIABLE}):
 * {@code CSBOT_DATABASE_URL} selects it, each command names it first on stderr, never with its password.
 */
class PostgresCliTest {

    private static final String PASSWORD = "not-to-be-shown";

    @TempDir
    Path tmp;

    @AfterEach
    void forgetTheUrl() {
        System.clearProperty("csbot.database-url");
    }

    /** The store's URL with a password (the test server trusts local connections, so any password does). */
    private static String useStore(TestDatabase store) {
        String url = store.url() + "&password=" + PASSWORD;
        System.setProperty("csbot.database-url", url);
        return "csbot: store " + url.replace(PASSWORD, "***");
    }

    private static void assertNoPassword(CliRun run) {
        assertThat(run.out() + run.err()).doesNotContain(PASSWORD);
    }

    @Test
    void demoAskAndAccountsDeleteWorkOnPostgresAndNameItWithoutThePassword() {
        String storeLine = useStore(TestDatabase.postgres("cli"));

        CliRun demo = CliRun.csbot("demo", "--accounts", "12", "--days", "40");
        CliRun ask = CliRun.csbot("ask", "/health acme");
        CliRun delete = CliRun.csbot("accounts", "delete", "globex");
        CliRun gone = CliRun.csbot("ask", "/health globex");

        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.err().lines().findFirst()).contains(storeLine);
        assertThat(demo.out()).contains("Loaded the demo portfolio into " + storeLine.substring("csbot: store ".length()));
        assertThat(ask.exitCode()).as(ask.err()).isZero();
        assertThat(ask.err().lines().findFirst()).contains(storeLine);
        assertThat(ask.out()).contains("Acme");
        assertThat(delete.exitCode()).as(delete.err()).isZero();
        assertThat(gone.exitCode()).isEqualTo(1);
        for (CliRun run : new CliRun[] {demo, ask, delete, gone}) {
            assertNoPassword(run);
        }
    }

    @Test
    void importWritesTheFilesIntoPostgresAndAnEmptyStoreSaysWhereTheDemoGoes() {
        CliRun csv = CliRun.csbot("demo", "--accounts", "8", "--days", "30", "--out", tmp.resolve("csv").toString());
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        TestDatabase store = TestDatabase.postgres("import");
        String storeLine = useStore(store);

        CliRun empty = CliRun.csbot("ask", "/risks");
        CliRun imported = CliRun.csbot("import", tmp.resolve("csv").toString());
        CliRun risks = CliRun.csbot("ask", "/risks");

        assertThat(empty.err()).contains("holds no accounts yet").contains("(into this database, CSBOT_DATABASE_URL)");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.err().lines().findFirst()).contains(storeLine);
        long accounts = store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts").mapTo(Long.class)
                .one());
        assertThat(accounts).isEqualTo(8);
        assertThat(risks.exitCode()).as(risks.err()).isZero();
        assertThat(risks.out()).contains("Acme");
        for (CliRun run : new CliRun[] {empty, imported, risks}) {
            assertNoPassword(run);
        }
    }

    @Test
    void aUrlThatIsNotPostgresIsOneLineSayingWhatToWrite() {
        System.setProperty("csbot.database-url", "postgres://cs:" + PASSWORD + "@db/csbot");

        CliRun ask = CliRun.csbot("ask", "/health acme");

        assertThat(ask.exitCode()).isEqualTo(1);
        assertThat(ask.err()).contains("csbot: csbot.database-url (CSBOT_DATABASE_URL) is")
                .contains("write it as jdbc:postgresql://host:port/db");
    }
}
