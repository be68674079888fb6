package dev.csbot.cli;

import static dev.csbot.cli.CliRun.csbot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.slack.SlackSchema;
import dev.csbot.teams.AdaptiveCardSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code csbot import} and {@code csbot demo} as a user runs them: exit codes and what is printed where. */
class ImportCliTest {

    @TempDir
    Path dir;

    private String db() {
        return dir.resolve("store.db").toString();
    }

    @Test
    void demoCsvFilesImportWithExitZeroAndACountPerFile() {
        CliRun demo = csbot("demo", "--accounts", "12", "--days", "30", "--out", dir.resolve("csv").toString(),
                "--db", db());
        assertThat(demo.err()).as("writing files opens no store").isEmpty();
        assertThat(dir.resolve("store.db")).as("nor creates one").doesNotExist();
        CliRun imported = csbot("--db", db(), "import", dir.resolve("csv").toString());

        assertThat(demo.exitCode()).isZero();
        assertThat(demo.out()).contains("Wrote the demo portfolio as CSV files").contains("accounts.csv");
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.err()).isEqualTo("csbot: store " + db() + "\n");
        assertThat(imported.out()).contains("accounts.csv: 12 rows (inserted or updated)")
                .containsPattern("usage_daily.csv: \\d{3} rows \\(inserted or updated\\)")
                .contains("success_plans.csv:");
        assertThat(csbot("ask", "/health acme", "--db", db()).out()).contains("Acme health");
    }

    @Test
    void aRejectedFileExitsOneWithEveryBadRowOnStderrAndTheRestImported() throws Exception {
        Path csv = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(csv.resolve("accounts.csv"), "account_id,name,segment,arr,seats_purchased,contract_start,"
                + "renewal_date,csm_email,lifecycle_stage\n"
                + "acme,Acme,enterprise,1000,10,2025-01-01,2027-01-01,dana.cho@csbot.example,adoption\n");
        Files.writeString(csv.resolve("tickets.csv"), "ticket_id,account_id,opened_on,severity,subject\n"
                + "t1,acme,2026-11-01,1,\"Login fails,\nfor everyone\"\n"
                + "t2,acme,2026-13-01,9,Broken\n");

        CliRun run = csbot("--db", db(), "import", csv.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("accounts.csv: 1 rows (inserted or updated)")
                .contains("tickets.csv: rejected, nothing imported (1 bad row; see above)");
        assertThat(run.err()).contains("tickets.csv:4: opened_on: not a date: '2026-13-01' (expected YYYY-MM-DD)")
                .contains("tickets.csv:4: severity: severity must be 1 (urgent), 2 (high), 3 (normal) or 4 (low), as a"
                        + " number or a word: '9'");
    }

    @Test
    void aMissingDirectoryIsAUsageError() {
        CliRun run = csbot("--db", db(), "import", dir.resolve("nowhere").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("nowhere is not a directory");
    }

    @Test
    void aDirectoryWithoutImportFilesIsAUsageErrorThatNamesTheFiles() {
        CliRun run = csbot("--db", db(), "import", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no import files").contains("accounts.csv, contacts.csv, usage_daily.csv");
    }

    private static final String ACCOUNTS_HEADER = "account_id,name,segment,arr,seats_purchased,contract_start,"
            + "renewal_date,csm_email,lifecycle_stage\n";

    private Path accountsDir(String... rows) throws Exception {
        Path csv = Files.createDirectories(dir.resolve("csv"));
        Files.writeString(csv.resolve("accounts.csv"), ACCOUNTS_HEADER + String.join("\n", rows) + "\n");
        return csv;
    }

    @Test
    void aDryRunSaysWhatWouldImportAndTheStoreStaysEmpty() throws Exception {
        Path csv = accountsDir("acme,Acme,enterprise,1000,10,2025-01-01,2027-01-01,dana.cho@csbot.example,adoption");

        CliRun dry = csbot("--db", db(), "import", csv.toString(), "--dry-run");
        CliRun ask = csbot("--db", db(), "ask", "/health acme");

        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).isEqualTo("accounts.csv: 1 rows valid (dry run: nothing written)\n");
        assertThat(ask.exitCode()).isEqualTo(1);
        assertThat(ask.err()).contains("csbot: the store " + db() + " holds no accounts yet: csbot import DIR loads"
                + " your data");
    }

    @Test
    void aDryRunWithABadRowExitsOneAndNamesIt() throws Exception {
        Path csv = accountsDir("acme,Acme,enterprise,1000,10,2025-01-01,2024-01-01,dana.cho@csbot.example,adoption");

        CliRun dry = csbot("--db", db(), "import", csv.toString(), "--dry-run");

        assertThat(dry.exitCode()).isEqualTo(1);
        assertThat(dry.err()).contains("accounts.csv:2: renewal_date: renews on 2024-01-01, before its contract starts"
                + " on 2025-01-01");
    }

    @Test
    void onlyMisnamedFilesIsAUsageErrorThatSaysWhatEachWasMeantToBe() throws Exception {
        Path csv = Files.createDirectories(dir.resolve("csv"));
        Files.writeString(csv.resolve("Accounts.csv"), ACCOUNTS_HEADER);
        Files.writeString(csv.resolve("ticket.csv"), "ticket_id\n");

        CliRun run = csbot("--db", db(), "import", csv.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("csbot: Accounts.csv was not imported: did you mean accounts.csv? Rename it"
                        + " (import file names are exact and lower case).")
                .contains("csbot: ticket.csv was not imported: did you mean tickets.csv?")
                .contains("no import files in");
    }

    @Test
    void aMisnamedFileBesideGoodOnesIsNamedAndTheImportExitsOne() throws Exception {
        Path csv = accountsDir("acme,Acme,enterprise,1000,10,2025-01-01,2027-01-01,dana.cho@csbot.example,adoption");
        Files.writeString(csv.resolve("usage.csv"), "account_id,date,active_users,events,key_features_used\n");

        CliRun run = csbot("--db", db(), "import", csv.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("accounts.csv: 1 rows (inserted or updated)");
        assertThat(run.err()).contains("csbot: usage.csv was not imported: did you mean usage_daily.csv?");
    }

    @Test
    void progressGoesToStderrWhenAskedAndNotOtherwise() throws Exception {
        Path csv = accountsDir("acme,Acme,enterprise,1000,10,2025-01-01,2027-01-01,dana.cho@csbot.example,adoption");

        CliRun quiet = csbot("--db", db(), "import", csv.toString());
        CliRun shown = csbot("--db", db(), "import", csv.toString(), "--progress");

        assertThat(quiet.err()).doesNotContain("rows read");
        assertThat(shown.err()).containsPattern("csbot: accounts.csv: 1 rows read in \\d+\\.\\d s");
        assertThat(shown.out()).isEqualTo(quiet.out());
    }

    @Test
    void importingIntoTheDemoStoreWarnsThatTheAccountsWillMix() throws Exception {
        csbot("demo", "--accounts", "5", "--days", "10", "--db", db());
        Path csv = accountsDir("umbrella,Umbrella,smb,1000,10,2025-01-01,2027-01-01,sam.lee@csbot.example,adoption");

        CliRun run = csbot("--db", db(), "import", csv.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("csbot: warning: the store " + db() + " holds the demo portfolio (5 accounts, 10"
                + " days through").contains("what you import will mix with the demo's accounts");
    }

    @Test
    void theDemoIsNotLoadedBesideRealAccounts() throws Exception {
        Path csv = accountsDir("umbrella,Umbrella,smb,1000,10,2025-01-01,2027-01-01,sam.lee@csbot.example,adoption");
        csbot("--db", db(), "import", csv.toString());

        CliRun demo = csbot("demo", "--accounts", "5", "--days", "10", "--db", db());

        assertThat(demo.exitCode()).isEqualTo(1);
        assertThat(demo.err()).contains("csbot: the store " + db() + " holds 1 accounts that are not the demo's");
        assertThat(csbot("--db", db(), "ask", "/health acme").exitCode()).isEqualTo(1);
    }

    @Test
    void anAccountIsDeletedWithItsSignalsAndThenUnknown() throws Exception {
        csbot("demo", "--accounts", "5", "--days", "10", "--db", db());

        CliRun deleted = csbot("accounts", "delete", "acme", "--db", db());
        CliRun again = csbot("accounts", "delete", "acme", "--db", db());

        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        assertThat(deleted.out()).startsWith("Deleted Acme (acme) and its signals: ").contains("10 usage_daily");
        assertThat(deleted.err()).isEqualTo("csbot: store " + db() + "\n");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("csbot: no account with id 'acme' in " + db() + "; nothing was deleted");
        assertThat(csbot("ask", "/health acme", "--db", db()).err()).contains("No account matches \"acme\"");
        assertThat(csbot("ask", "/health globex", "--db", db()).exitCode()).isZero();
    }

    @Test
    void accountsWithoutWhatToDoIsAUsageError() {
        CliRun run = csbot("accounts", "--db", db());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("csbot accounts delete ID");
    }

    @Test
    void aPooledAccountWithoutACsmImportsAndEveryAnswerAboutItRenders() throws Exception {
        Path csv = accountsDir("pooled,Pooled Co,smb,\"$12,000.50\",10,2025-01-01T09:00:00Z,2027-01-01,,adoption");

        CliRun imported = csbot("--db", db(), "import", csv.toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        for (String command : new String[] {"/health pooled", "/risks"}) {
            CliRun text = csbot("--db", db(), "ask", command);
            CliRun slack = csbot("--db", db(), "ask", command, "--format", "slack");
            CliRun teams = csbot("--db", db(), "ask", command, "--format", "teams");

            assertThat(text.exitCode()).as(command + ": " + text.err()).isZero();
            assertThat(text.out()).contains("Pooled Co").contains("$12k");
            SlackSchema.assertValidBlocks(JSON.readTree(slack.out()).get("blocks").toString());
            AdaptiveCardSchema.assertValid(JSON.readTree(teams.out()).get("content").toString());
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
}
