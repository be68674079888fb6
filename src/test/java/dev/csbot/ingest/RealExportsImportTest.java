package dev.csbot.ingest;

import static dev.csbot.ingest.CsvRows.account;
import static dev.csbot.ingest.CsvRows.csv;
import static dev.csbot.ingest.CsvRows.writeText;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files as Excel, Salesforce, HubSpot and Zendesk export them: other separators, header spellings, amounts,
 * date-times, severity words, encodings and the blank rows spreadsheets leave behind.
 */
@Tag("store")
class RealExportsImportTest {

    private static final String ACCOUNTS_HEADER = "account_id,name,segment,arr,seats_purchased,contract_start,"
            + "renewal_date,csm_email,lifecycle_stage";

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

    @Test
    void aSemicolonSeparatedExcelFileWithDecimalCommasImports() throws Exception {
        writeText(dir, "accounts.csv", ACCOUNTS_HEADER.replace(',', ';') + "\n"
                + "acme;Acme, Inc.;enterprise;96000,50;100;2025-01-01;2027-01-01;dana.cho@csbot.example;adoption\n");

        ImportReport report = importAll();

        assertThat(problems).isEmpty();
        assertThat(report.importedRows()).isEqualTo(1);
        assertThat(store.rows("SELECT name, arr FROM accounts")).containsExactly(Map.of("name", "Acme, Inc.", "arr",
                96001));
    }

    @Test
    void aTabSeparatedFileImports() throws Exception {
        writeText(dir, "accounts.csv", ACCOUNTS_HEADER.replace(',', '\t') + "\n"
                + "acme\tAcme\tenterprise\t$420,000\t100\t2025-01-01\t2027-01-01\tdana.cho@csbot.example\tadoption\n");

        importAll();

        assertThat(problems).isEmpty();
        assertThat(store.rows("SELECT arr FROM accounts")).containsExactly(Map.of("arr", 420000));
    }

    @Test
    void headerNamesMatchWhateverTheirCaseSpacesOrHyphens() throws Exception {
        writeText(dir, "accounts.csv", "Account ID,Name,Segment,ARR,Seats Purchased,Contract-Start,Renewal Date,"
                + "CSM Email,Lifecycle Stage,Region\n"
                + "acme,Acme,Enterprise,\"$1,200,000\",500,2025-01-01,2027-01-01,dana.cho@csbot.example,Renewal,EMEA\n");

        importAll();

        assertThat(problems).isEmpty();
        assertThat(store.rows("SELECT account_id, arr, lifecycle_stage FROM accounts")).containsExactly(Map.of(
                "account_id", "acme", "arr", 1200000, "lifecycle_stage", "renewal"));
    }

    @Test
    void aHeaderSeparatedBySomethingElseGetsAHintBesideTheMissingColumns() throws Exception {
        writeText(dir, "accounts.csv", ACCOUNTS_HEADER.replace(',', '|') + "\n"
                + "acme|Acme|enterprise|1000|10|2025-01-01|2027-01-01|dana.cho@csbot.example|adoption\n");

        ImportReport report = importAll();

        assertThat(report.anyRejected()).isTrue();
        assertThat(problems).containsExactly("accounts.csv:1: missing required columns account_id, name, segment,"
                + " arr, seats_purchased, contract_start, renewal_date, csm_email, lifecycle_stage (the header looks"
                + " separated by '|', but csbot reads files separated by commas, semicolons or tabs; export again"
                + " with one of those)");
    }

    @Test
    void zendeskTicketsWithPriorityWordsAndDateTimesImport() throws Exception {
        CsvRows.write(dir, "accounts.csv", account("acme"));
        writeText(dir, "tickets.csv", "ticket_id,account_id,opened_on,closed_on,severity,subject\n"
                + "4711,acme,2026-11-20T10:15:00Z,,urgent,Login fails\n"
                + "4712,acme,2026-11-18T08:00:00+01:00,2026-11-19T16:30:00Z,Normal,How do I export?\n");

        importAll();

        assertThat(problems).isEmpty();
        assertThat(store.rows("SELECT ticket_id, opened_on, closed_on, severity FROM tickets ORDER BY ticket_id"))
                .extracting(row -> row.get("ticket_id") + " " + row.get("opened_on") + " " + row.get("closed_on") + " "
                        + row.get("severity"))
                .containsExactly("4711 2026-11-20 null 1", "4712 2026-11-18 2026-11-19 3");
    }

    @Test
    void anEmptyCsmEmailIsAnUnassignedAccount() throws Exception {
        writeText(dir, "accounts.csv", ACCOUNTS_HEADER + "\n"
                + "pooled,Pooled Co,smb,5000,10,2025-01-01,2027-01-01,,adoption\n");

        importAll();

        assertThat(problems).isEmpty();
        assertThat(store.rows("SELECT csm_email FROM accounts")).containsExactly(Map.of("csm_email", ""));
    }

    @Test
    void theBlankRowsASpreadsheetLeavesAtTheEndAreSkipped() throws Exception {
        writeText(dir, "accounts.csv", csv(List.of(account("acme"))) + ",,,,,,,,,,\n,,,,,,,,,,\n   ,,,,\n\n");

        ImportReport report = importAll();

        assertThat(problems).isEmpty();
        assertThat(report.importedRows()).isEqualTo(1);
    }

    @Test
    void aUtf8ByteOrderMarkAndWindowsLineEndingsAreFine() throws Exception {
        writeText(dir, "accounts.csv", "\uFEFF" + csv(List.of(account("acme"), account("globex")))
                .replace("\n", "\r\n"));

        importAll();

        assertThat(problems).isEmpty();
        assertThat(store.count("accounts")).isEqualTo(2);
    }

    @Test
    void aLatin1FileIsRefusedNamingTheLineAndWhatToDo() throws Exception {
        String text = csv(List.of(account("acme"), CsvRows.with(account("cafe"), "name", "Café Olé")));
        Files.write(dir.resolve("accounts.csv"), text.getBytes(StandardCharsets.ISO_8859_1));

        ImportReport report = importAll();

        assertThat(report.anyRejected()).isTrue();
        assertThat(problems).containsExactly("accounts.csv:3: not UTF-8 text (byte 0xE9); save the file as UTF-8"
                + " (in Excel: Save As > CSV UTF-8). Latin-1 and Windows-1252 files are not read; nothing of this"
                + " file was imported");
        assertThat(store.count("accounts")).isZero();
    }

    @Test
    void aUtf16FileIsRefusedAtLineOneWithWhatToDo() throws Exception {
        String text = csv(List.of(account("acme")));
        Files.write(dir.resolve("accounts.csv"), ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE));
        Files.write(dir.resolve("contacts.csv"), CsvRows.csv(List.of(CsvRows.contact("c1", "acme")))
                .getBytes(StandardCharsets.UTF_16BE));

        importAll();

        assertThat(problems).containsExactly(
                "accounts.csv:1: the file is UTF-16 (or UTF-32) text; save it as UTF-8 (in Excel: Save As > CSV"
                        + " UTF-8); nothing of this file was imported",
                "contacts.csv:1: the file is UTF-16 (or UTF-32) text; save it as UTF-8 (in Excel: Save As > CSV"
                        + " UTF-8); nothing of this file was imported");
    }
}
