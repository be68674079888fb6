package dev.csbot.cli;

import static dev.csbot.cli.CliRun.csbot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.PortfolioChanged;
import dev.csbot.support.RecordingPortfolioListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the core guarantees every channel, through the command line. */
class CoreLimitsCliTest {

    @TempDir
    Path dir;

    @Test
    void aCommandOverTheLimitIsAUsageErrorThatQuotesNoneOfIt() {
        CliRun run = csbot("ask", "/health " + "initech ".repeat(300), "--db", dir.resolve("store.db").toString());

        assertThat(run.exitCode()).isEqualTo(CsbotCli.USAGE_ERROR);
        assertThat(run.out() + run.err()).contains("Command too long").contains("1,000 characters")
                .doesNotContain("initech initech");
    }

    @Test
    void anImportTellsThePortfolioListenersOfTheCliProcessWhichAccountsItWrote() throws Exception {
        Path csv = Files.createDirectories(dir.resolve("csv"));
        Files.writeString(csv.resolve("accounts.csv"), "account_id,name,segment,arr,seats_purchased,contract_start,"
                + "renewal_date,csm_email,lifecycle_stage\ncli-probe-1,Cli Probe One,smb,1000,5,2025-01-01,2027-01-01,"
                + "csm@example.com,adoption\ncli-probe-2,Cli Probe Two,smb,1000,5,2025-01-01,2027-01-01,"
                + "csm@example.com,adoption\n");

        CliRun run = csbot("import", csv.toString(), "--db", dir.resolve("store.db").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(RecordingPortfolioListener.heard()).extracting(PortfolioChanged::accountIds)
                .contains(Set.of("cli-probe-1", "cli-probe-2"));
    }
}
