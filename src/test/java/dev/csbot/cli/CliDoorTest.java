package dev.csbot.cli;

import static dev.csbot.cli.CliRun.csbot;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: arguments in, exit code and printed text out. */
class CliDoorTest {

    @TempDir
    Path dir;

    private String db() {
        return dir.resolve("store.db").toString();
    }

    @Test
    void helpIsAnAnswerOnStdoutWithExitCodeZero() {
        CliRun run = csbot("ask", "/help", "--db", db());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("/health <account>")
                .contains("/risks [segment|csm-email|mine|unassigned] [limit] [page N]").contains("/renewals [days]");
    }

    @Test
    void aBadSettingIsNamedOnOneLineWithWhatToSetInstead() {
        System.setProperty("csbot.health.reused-scores", "lots");
        try {
            CliRun run = csbot("ask", "/help", "--db", db());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().strip().lines()).containsExactly("csbot: store " + dir.resolve("store.db"),
                    "csbot: csbot.health.reused-scores (CSBOT_HEALTH_REUSED_SCORES) is"
                    + " \"lots\": set a whole number of accounts, 0 or more (0 scores every request from the store;"
                    + " default 20000)");
        } finally {
            System.clearProperty("csbot.health.reused-scores");
        }
    }

    @Test
    void anUnknownChatCommandIsAUsageErrorOnStderrWithExitCodeTwo() {
        CliRun run = csbot("--db", db(), "ask", "/frobnicate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Unknown command \"frobnicate\"");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun run = csbot("ask", "/help", "--format", "fax", "--db", db());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown --format 'fax'");
    }

    @Test
    void aMissingArgumentIsAUsageError() {
        assertThat(csbot("ask").exitCode()).isEqualTo(2);
        assertThat(csbot("no-such-command").exitCode()).isEqualTo(2);
    }

    @Test
    void anUnknownAccountExitsWithOneAndSaysSo() {
        CliRun run = csbot("ask", "/health acme", "--db", db());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("No account matches \"acme\"");
        assertThat(dir.resolve("store.db")).exists();
    }

    @Test
    void risksMineWithoutAsSaysThatTheCommandLineNeedsToKnowWhoIsAsking() {
        CliRun run = csbot("ask", "/risks mine", "--db", db());
        CliRun words = csbot("ask", "risks 20 me", "--db", db());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("csbot: \"mine\" means the accounts of whoever asks, and the command line does"
                + " not know who you are: add --as EMAIL, for example: csbot ask \"/risks mine\" --as");
        assertThat(words.exitCode()).isEqualTo(2);
        assertThat(csbot("ask", "/risks mine", "--as", "dana.cho@csbot.example", "--db", db()).exitCode()).isZero();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"ask|/help", "import|.", "accounts|delete|nobody",
            "demo|--accounts|3|--days|7", "scan|--dry-run"})
    void everyCommandThatOpensAStoreSaysWhichOnStderrFirst(String args) {
        java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of(args.split("\\|")));
        arguments.replaceAll(a -> a.equals(".") || a.equals("csv") ? dir.resolve(a).normalize().toString() : a);
        arguments.addAll(java.util.List.of("--db", db()));

        CliRun run = csbot(arguments.toArray(String[]::new));

        assertThat(run.err()).startsWith("csbot: store " + db() + "\n");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "csbot.import.zone|Mars/Olympus|csbot: csbot.import.zone (CSBOT_IMPORT_ZONE) is \"Mars/Olympus\": set a time"
                    + " zone such as UTC, Europe/Berlin or America/New_York (default UTC)",
            "csbot.store.busy-timeout|forever|csbot: csbot.store.busy-timeout (CSBOT_STORE_BUSY_TIMEOUT) is \"forever\":"
                    + " set a duration such as 5s or 500ms (default 5s)"})
    void aBadImportOrStoreSettingIsNamedOnOneLine(String property, String value, String message) {
        System.setProperty(property, value);
        try {
            CliRun run = csbot("ask", "/help", "--db", db());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().strip().lines()).last().isEqualTo(message);
        } finally {
            System.clearProperty(property);
        }
    }
}
