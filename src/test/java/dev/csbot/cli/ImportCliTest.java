package dev.csbot.cli;

import static dev.csbot.cli.CliRun.csbot;
import static org.assertj.core.api.Assertions.assertThat;

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
}
