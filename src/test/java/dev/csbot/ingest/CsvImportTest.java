package dev.csbot.ingest;

import static dev.csbot.ingest.CsvRows.account;
import static dev.csbot.ingest.CsvRows.contact;
import static dev.csbot.ingest.CsvRows.feedback;
import static dev.csbot.ingest.CsvRows.meeting;
import static dev.csbot.ingest.CsvRows.objective;
import static dev.csbot.ingest.CsvRows.ticket;
import static dev.csbot.ingest.CsvRows.usage;
import static dev.csbot.ingest.CsvRows.with;
import static dev.csbot.ingest.CsvRows.without;
import static dev.csbot.ingest.CsvRows.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV import against a real, migrated SQLite file. */
@Tag("store")
class CsvImportTest {

    @TempDir
    Path tmp;

    private Path dir;
    private TestStore store;
    private final List<String> problems = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        dir = Files.createDirectories(tmp.resolve("csv"));
        store = new TestStore(tmp.resolve("store.db"));
    }

    private ImportReport importAll() {
        return store.csvImport().importDirectory(dir, "test", problems::add);
    }

    private void writeEveryFile() throws Exception {
        write(dir, "accounts.csv", account("acme"), account("globex"));
        write(dir, "contacts.csv", contact("c1", "acme"), contact("c2", "globex"));
        write(dir, "usage_daily.csv", usage("acme", "2026-11-20"), usage("acme", "2026-11-21"),
                usage("globex", "2026-11-21"));
        write(dir, "tickets.csv", ticket("t1", "acme"), with(ticket("t2", "acme"), "closed_on", ""));
        write(dir, "feedback.csv", feedback("acme", "nps", "3"), feedback("globex", "csat", "5"));
        write(dir, "meetings.csv", meeting("acme", "2026-10-01"));
        write(dir, "success_plans.csv", objective("acme", "Roll out to EMEA"));
    }

    @Test
    void importsEveryFileInDependencyOrderAndImportingTwiceLeavesTheSameRows() throws Exception {
        writeEveryFile();

        ImportReport first = importAll();
        List<Map<String, Object>> usageAfterFirst = store.rows("SELECT * FROM usage_daily ORDER BY account_id, date");
        ImportReport second = importAll();

        assertThat(problems).isEmpty();
        assertThat(first.anyRejected()).isFalse();
        assertThat(first.files()).extracting(ImportReport.FileOutcome::fileName).containsExactly("accounts.csv",
                "contacts.csv", "usage_daily.csv", "tickets.csv", "feedback.csv", "meetings.csv", "success_plans.csv");
        assertThat(second.files()).extracting(ImportReport.FileOutcome::rows).containsExactly(2L, 2L, 3L, 2L, 2L, 1L,
                1L);
        assertThat(store.count("accounts")).isEqualTo(2);
        assertThat(store.count("usage_daily")).isEqualTo(3);
        assertThat(store.count("tickets")).isEqualTo(2);
        assertThat(store.rows("SELECT * FROM usage_daily ORDER BY account_id, date")).isEqualTo(usageAfterFirst);
        assertThat(store.rows("SELECT closed_on FROM tickets WHERE ticket_id = 't2'").get(0).get("closed_on")).isNull();
        assertThat(store.audit).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("test import")
                .contains("usage_daily.csv 3 rows"));
    }

    @Test
    void aChangedRowIsUpdatedInPlaceByItsKey() throws Exception {
        write(dir, "accounts.csv", account("acme"));
        importAll();
        write(dir, "accounts.csv", with(account("acme"), "arr", "750000", "lifecycle_stage", "Renewal"));
        importAll();

        assertThat(store.rows("SELECT arr, lifecycle_stage FROM accounts")).containsExactly(
                Map.of("arr", 750000, "lifecycle_stage", "renewal"));
    }

    @Test
    void badRowsRejectTheWholeFileEachReportedWithFileLineAndColumnWhileOtherFilesImport() throws Exception {
        write(dir, "accounts.csv", account("acme"));
        write(dir, "usage_daily.csv", usage("acme", "2026-11-20"), with(usage("acme", "2026-11-21"), "date",
                "21/11/2026"), usage("acme", "2026-11-22"), with(usage("acme", "2026-11-23"), "active_users", "-3"));
        write(dir, "meetings.csv", meeting("acme", "2026-10-01"));

        ImportReport report = importAll();

        assertThat(problems).containsExactly(
                "usage_daily.csv:3: date: not a date: '21/11/2026' (expected YYYY-MM-DD)",
                "usage_daily.csv:5: active_users: not a whole number >= 0: '-3'");
        assertThat(report.anyRejected()).isTrue();
        assertThat(report.files()).extracting(f -> f.fileName() + " " + f.rejected() + " " + f.rows())
                .containsExactly("accounts.csv false 1", "usage_daily.csv true 0", "meetings.csv false 1");
        assertThat(store.count("usage_daily")).isZero();
        assertThat(store.count("meetings")).isEqualTo(1);
    }

    @Test
    void aRejectedFileLeavesWhatWasStoredBeforeUnchanged() throws Exception {
        write(dir, "accounts.csv", account("acme"), account("globex"));
        importAll();
        List<Map<String, Object>> before = store.rows("SELECT * FROM accounts ORDER BY account_id");
        write(dir, "accounts.csv", with(account("acme"), "arr", "1"), account("initech"),
                with(account("globex"), "segment", "giant"));

        ImportReport report = importAll();

        assertThat(report.anyRejected()).isTrue();
        assertThat(problems).containsExactly(
                "accounts.csv:4: segment: unknown segment 'giant' (expected enterprise, mid-market, smb)");
        assertThat(store.rows("SELECT * FROM accounts ORDER BY account_id")).isEqualTo(before);
    }

    @Test
    void quotedCommasQuotesAndNewlinesInCommentsSurviveAndLinesCountPhysically() throws Exception {
        String comment = "Slow at month end, \"really\" slow.\nExports time out.";
        write(dir, "accounts.csv", account("acme"));
        write(dir, "feedback.csv", with(feedback("acme", "nps", "4"), "comment", comment),
                with(feedback("acme", "csat", "9"), "comment", "two\nlines"));

        importAll();
        write(dir, "feedback.csv", with(feedback("acme", "nps", "4"), "comment", comment));
        importAll();

        assertThat(problems).containsExactly("feedback.csv:4: score: score 9 is outside the CSAT scale 1-5");
        assertThat(store.rows("SELECT comment FROM feedback_responses")).containsExactly(Map.of("comment", comment));
    }

    @Test
    void unknownColumnsAreIgnored() throws Exception {
        write(dir, "accounts.csv", with(account("acme"), "region", "EMEA", "notes", "big, important"));

        ImportReport report = importAll();

        assertThat(problems).isEmpty();
        assertThat(report.importedRows()).isEqualTo(1);
    }

    @Test
    void aMissingRequiredColumnIsReportedOnceForTheFile() throws Exception {
        write(dir, "accounts.csv", without(account("acme"), "renewal_date"), without(account("globex"),
                "renewal_date"));

        ImportReport report = importAll();

        assertThat(report.anyRejected()).isTrue();
        assertThat(problems).containsExactly("accounts.csv:1: missing required column renewal_date");
        assertThat(store.count("accounts")).isZero();
    }

    @Test
    void aMissingOptionalColumnLeavesTheStoredValueAlone() throws Exception {
        write(dir, "accounts.csv", with(account("acme"), "slack_channel", "C123"));
        importAll();
        write(dir, "accounts.csv", without(without(with(account("acme"), "arr", "9"), "slack_channel"),
                "teams_channel"));
        importAll();

        assertThat(store.rows("SELECT arr, slack_channel FROM accounts")).containsExactly(
                Map.of("arr", 9, "slack_channel", "C123"));
    }

    @Test
    void rowsForAnAccountNeitherStoredNorInThisImportAreRejected() throws Exception {
        write(dir, "accounts.csv", account("acme"));
        write(dir, "tickets.csv", ticket("t1", "acme"), ticket("t2", "umbrella"));

        ImportReport report = importAll();

        assertThat(problems).containsExactly("tickets.csv:3: account_id: unknown account 'umbrella' (not in the"
                + " store and not in this import's accounts)");
        assertThat(report.files().get(1).rejected()).isTrue();
        assertThat(store.count("tickets")).isZero();
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsTolerated() throws Exception {
        CsvRows.writeText(dir, "accounts.csv", "\uFEFF" + CsvRows.csv(List.of(account("acme"))));

        ImportReport report = importAll();

        assertThat(problems).isEmpty();
        assertThat(report.importedRows()).isEqualTo(1);
    }

    @Test
    void theDemoWrittenAsCsvImportsBackToTheSameRowsAsLoadingIt() throws Exception {
        DemoPortfolio demo = new DemoPortfolio(20, 60, 42, java.time.LocalDate.parse("2026-11-23"));
        DemoService.writeCsv(demo, dir);

        ImportReport report = importAll();
        TestStore loaded = new TestStore(tmp.resolve("loaded.db"));
        new PortfolioWriter(loaded.jdbi).write(demo, "test demo");

        assertThat(problems).isEmpty();
        for (Dataset dataset : Dataset.values()) {
            String sql = "SELECT * FROM " + dataset.table() + " ORDER BY " + String.join(", ", dataset.key());
            assertThat(store.rows(sql)).as(dataset.fileName()).isEqualTo(loaded.rows(sql));
        }
        assertThat(report.importedRows()).isEqualTo(loaded.count("usage_daily") + loaded.count("accounts")
                + loaded.count("contacts") + loaded.count("tickets") + loaded.count("feedback_responses")
                + loaded.count("meetings") + loaded.count("success_plans"));
    }

    @Test
    void aKeyTwiceInOneFileRejectsTheFileNamingBothLines() throws Exception {
        write(dir, "accounts.csv", account("acme"), account("globex"), with(account(" acme "), "arr", "1"));

        ImportReport report = importAll();

        assertThat(problems).containsExactly("accounts.csv:4: account_id: account_id 'acme' again: already on line 2"
                + " (each key once per file)");
        assertThat(report.anyRejected()).isTrue();
        assertThat(store.count("accounts")).isZero();
    }

    @Test
    void theSameAccountAndDayTwiceInUsageIsADuplicateToo() throws Exception {
        write(dir, "accounts.csv", account("acme"), account("globex"));
        write(dir, "usage_daily.csv", usage("acme", "2026-11-20"), usage("globex", "2026-11-20"),
                with(usage("acme", "2026-11-20"), "active_users", "3"));

        importAll();

        assertThat(problems).containsExactly("usage_daily.csv:4: date: account_id 'acme', date '2026-11-20' again:"
                + " already on an earlier line (each key once per file)");
        assertThat(store.count("usage_daily")).isZero();
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        write(dir, "accounts.csv", account("acme"));
        try (java.io.RandomAccessFile usage = new java.io.RandomAccessFile(dir.resolve("usage_daily.csv").toFile(),
                "rw")) {
            usage.setLength(CsvFile.MAX_BYTES + 1); // sparse: no gigabyte is written
        }

        ImportReport report = importAll();

        assertThat(problems).containsExactly("usage_daily.csv:1: the file holds 1,073,741,825 bytes, more than the"
                + " 1,073,741,824 (1 GiB) an import file may hold; split it into several imports; nothing of this"
                + " file was imported");
        assertThat(report.files()).extracting(f -> f.fileName() + " " + f.rejected())
                .containsExactly("accounts.csv false", "usage_daily.csv true");
    }

    @Test
    void aQuoteLeftOpenIsNamedWithTheLineItOpensOn() throws Exception {
        CsvRows.writeText(dir, "accounts.csv", CsvRows.csv(List.of(account("acme")))
                + "globex,\"Globex,enterprise,1000\n" + CsvRows.csv(List.of(account("initech"))));

        importAll();

        assertThat(problems).containsExactly("accounts.csv:3: a quoted value is never closed (a quote left open?);"
                + " nothing of this file was imported");
        assertThat(store.count("accounts")).isZero();
    }

    @Test
    void aQuoteLeftOpenInAHugeFileStopsAtTheRowLimitNamingWhereTheRowBegan() throws Exception {
        // Read-ahead buffers let a row run a little past the limit before it is noticed.
        CsvRows.writeText(dir, "accounts.csv", CsvRows.csv(List.of(account("acme")))
                + "globex,\"Globex" + "x".repeat(StrictUtf8Reader.MAX_ROW_CHARS + 100_000) + "\n");

        ImportReport report = importAll();

        assertThat(report.anyRejected()).isTrue();
        assertThat(problems).containsExactly("accounts.csv:3: a row longer than 1,000,000 characters (is a quote left"
                + " open?); nothing of this file was imported");
        assertThat(store.count("accounts")).isZero();
    }

    @Test
    void aDryRunValidatesEveryFileAgainstItsOwnAccountsAndWritesNothing() throws Exception {
        writeEveryFile();
        write(dir, "meetings.csv", meeting("acme", "2026-10-01"), with(meeting("acme", "2026-10-02"), "kind", "lunch"));

        ImportReport report = store.csvImport().importDirectory(dir, new ImportOptions("test", true,
                ImportOptions.Progress.NONE), problems::add);

        assertThat(report.dryRun()).isTrue();
        assertThat(problems).containsExactly("meetings.csv:3: kind: unknown meeting kind 'lunch' (expected qbr,"
                + " check-in, training, exec)");
        assertThat(report.files()).extracting(f -> f.fileName() + " " + f.rejected() + " " + f.rows())
                .containsExactly("accounts.csv false 2", "contacts.csv false 2", "usage_daily.csv false 3",
                        "tickets.csv false 2", "feedback.csv false 2", "meetings.csv true 0",
                        "success_plans.csv false 1");
        for (Dataset dataset : Dataset.values()) {
            assertThat(store.count(dataset.table())).as(dataset.table()).isZero();
        }
        assertThat(store.audit).isEmpty();
        assertThat(store.rows("SELECT version FROM portfolio_version")).containsExactly(Map.of("version", 0));
    }

    @Test
    void filesNamedLikeAnImportFileAreListedWithTheNameTheyWereProbablyMeantToHave() throws Exception {
        write(dir, "Accounts.csv", account("acme"));
        write(dir, "usage.csv", usage("acme", "2026-11-20"));
        write(dir, "ticket.csv", ticket("t1", "acme"));
        write(dir, "success-plans.csv", objective("acme", "Go live"));
        CsvRows.writeText(dir, "README.md", "notes");
        CsvRows.writeText(dir, "board-minutes.csv", "notes");

        ImportReport report = importAll();

        assertThat(report.files()).isEmpty();
        assertThat(report.misnamed()).extracting(m -> m.fileName() + " -> " + m.probablyMeant()).containsExactly(
                "Accounts.csv -> accounts.csv", "success-plans.csv -> success_plans.csv", "ticket.csv -> tickets.csv",
                "usage.csv -> usage_daily.csv");
        assertThat(store.count("accounts")).isZero();
    }

    @Test
    void progressIsToldWhenAFileBeginsEveryThousandRowsAndWhenItIsDone() throws Exception {
        write(dir, "accounts.csv", account("acme"));
        List<Map<String, String>> days = new ArrayList<>();
        java.time.LocalDate first = java.time.LocalDate.parse("2020-01-01");
        for (int i = 0; i < 2_500; i++) {
            days.add(usage("acme", first.plusDays(i).toString()));
        }
        CsvRows.writeText(dir, "usage_daily.csv", CsvRows.csv(days));
        List<String> told = new ArrayList<>();
        ImportOptions.Progress progress = new ImportOptions.Progress() {
            @Override
            public void rows(String fileName, long rows) {
                told.add(fileName + " " + rows);
            }

            @Override
            public void fileDone(String fileName, long rows) {
                told.add(fileName + " done " + rows);
            }
        };

        store.csvImport().importDirectory(dir, new ImportOptions("test", false, progress), problems::add);

        assertThat(problems).isEmpty();
        assertThat(told).containsExactly("accounts.csv 0", "accounts.csv done 1", "usage_daily.csv 0",
                "usage_daily.csv 1000", "usage_daily.csv 2000", "usage_daily.csv done 2500");
    }

    @Test
    void aFileOfBadRowsReportsTheFirstHundredAndCountsTheRest() throws Exception {
        write(dir, "accounts.csv", account("acme"));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            rows.add(usage("acme", "day " + i));
        }
        CsvRows.writeText(dir, "usage_daily.csv", CsvRows.csv(rows));

        ImportReport report = importAll();

        assertThat(problems).hasSize(101);
        assertThat(problems.get(0)).isEqualTo("usage_daily.csv:2: date: not a date: 'day 0' (expected YYYY-MM-DD)");
        assertThat(problems.get(100)).isEqualTo("usage_daily.csv: and 150 more bad rows not shown");
        assertThat(report.files().get(1).badRows()).isEqualTo(250);
    }

    @Test
    void aFileThatCannotGetTheStoreFromAnotherWriterIsRejectedWholeAndSaysToRunAgain() throws Exception {
        TestStore impatient = new TestStore(tmp.resolve("store.db"), 200);
        write(dir, "accounts.csv", account("acme"), account("globex"));

        ImportReport report;
        java.sql.Connection otherProcess = impatient.database.otherWriter();
        try {
            report = impatient.csvImport().importDirectory(dir, "test", problems::add);
        } finally {
            dev.csbot.support.TestDatabase.finish(otherProcess, "ROLLBACK");
        }

        assertThat(report.anyRejected()).isTrue();
        assertThat(problems).containsExactly("accounts.csv: the store stayed busy with another write (another import,"
                + " or the service); nothing of this file was written: run the import again");
        assertThat(store.count("accounts")).isZero();
    }
}
