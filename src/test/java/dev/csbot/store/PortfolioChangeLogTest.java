package dev.csbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.csbot.account.PortfolioChanged;
import dev.csbot.ingest.CsvImport;
import dev.csbot.ingest.ImportReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write marks the portfolio changed in its own transaction, names the accounts it touched for any
 * process to read, and tells this process's listeners once it has committed (never when it rolled back).
 */
class PortfolioChangeLogTest {

    @TempDir
    Path tmp;

    private final List<PortfolioChanged> heard = new CopyOnWriteArrayList<>();
    private Jdbi jdbi;
    private JdbiAccountRepository writer;
    /** The same store opened again, with no listeners: how another process sees it. */
    private JdbiAccountRepository elsewhere;

    @BeforeEach
    void store() {
        String url = StoreConfiguration.sqliteUrl(tmp.resolve("store.db"), java.time.Duration.ofSeconds(5));
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        jdbi = Jdbi.create(url).configure(PortfolioListeners.class, c -> c.tellEach(() -> List.of(heard::add)));
        writer = new JdbiAccountRepository(jdbi);
        elsewhere = new JdbiAccountRepository(Jdbi.create(url));
    }

    private ImportReport importCsv(String file, String header, List<String> rows) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "csv");
        Files.writeString(dir.resolve(file), header + "\n" + String.join("\n", rows) + "\n");
        return new CsvImport(jdbi, (actor, action, account, detail) -> { }, "UTC").importDirectory(dir, "test", p -> { });
    }

    private static String account(String id) {
        return id + "," + id + " Inc,smb,1000,5,2025-01-01,2027-01-01,csm@example.com,adoption";
    }

    private static final String ACCOUNTS = "account_id,name,segment,arr,seats_purchased,contract_start,renewal_date,"
            + "csm_email,lifecycle_stage";

    @Test
    void anImportNamesTheAccountsOfEachFileAfterItCommits() throws Exception {
        long before = elsewhere.portfolioVersion();

        importCsv("accounts.csv", ACCOUNTS, List.of(account("acme"), account("globex")));
        importCsv("usage_daily.csv", "account_id,date,active_users,events,key_features_used",
                List.of("acme,2026-11-22,3,40,2", "acme,2026-11-23,4,41,2"));

        assertThat(heard).extracting(PortfolioChanged::accountIds).containsExactly(Set.of("acme", "globex"), Set.of("acme"));
        assertThat(heard).noneMatch(PortfolioChanged::wholeBook);
        long after = elsewhere.portfolioVersion();
        assertThat(after).isEqualTo(before + 2);
        assertThat(elsewhere.changedBetween(before, after)).contains(Set.of("acme", "globex"));
        assertThat(elsewhere.changedBetween(before + 1, after)).contains(Set.of("acme"));
        assertThat(elsewhere.changedBetween(after, after)).contains(Set.of());
    }

    @Test
    void aWriteOfUsageAloneSaysSoWithItsEarliestDayAndAnyOtherWriteBetweenUndoesIt() throws Exception {
        importCsv("accounts.csv", ACCOUNTS, List.of(account("acme"), account("globex")));
        long accountsWritten = elsewhere.portfolioVersion();
        importCsv("usage_daily.csv", "account_id,date,active_users,events,key_features_used",
                List.of("acme,2026-11-23,3,40,2", "globex,2026-11-20,4,41,2"));
        importCsv("usage_daily.csv", "account_id,date,active_users,events,key_features_used",
                List.of("acme,2026-11-22,3,40,2"));
        long usageWritten = elsewhere.portfolioVersion();

        assertThat(elsewhere.usageOnlyWrittenFrom(accountsWritten, usageWritten)).contains(java.time.LocalDate.parse("2026-11-20"));
        assertThat(elsewhere.usageOnlyWrittenFrom(accountsWritten + 1, usageWritten)).contains(java.time.LocalDate.parse("2026-11-22"));
        assertThat(elsewhere.usageOnlyWrittenFrom(accountsWritten - 1, usageWritten)).as("the accounts write").isEmpty();
        assertThat(elsewhere.usageOnlyWrittenFrom(usageWritten, usageWritten)).as("nothing written").isEmpty();

        importCsv("tickets.csv", "ticket_id,account_id,opened_on,closed_on,severity,subject",
                List.of("t-1,acme,2026-11-21,,2,Export fails"));
        assertThat(elsewhere.usageOnlyWrittenFrom(usageWritten, elsewhere.portfolioVersion())).as("tickets").isEmpty();
    }

    @Test
    void writesOfAnythingButUsageSaySoAndAUsageWriteOrAnUnsaidWriteBetweenUndoesIt() throws Exception {
        long start = elsewhere.portfolioVersion();
        importCsv("accounts.csv", ACCOUNTS, List.of(account("acme"), account("globex")));
        importCsv("contacts.csv", "contact_id,account_id,name,email,title,is_champion,is_exec_sponsor",
                List.of("c-1,acme,Priya Shah,priya@acme.example,VP,true,false"));
        importCsv("tickets.csv", "ticket_id,account_id,opened_on,closed_on,severity,subject",
                List.of("t-1,acme,2026-11-21,,2,Export fails"));
        importCsv("feedback.csv", "account_id,contact_email,date,kind,score", List.of("acme,priya@acme.example,2026-11-20,nps,3"));
        importCsv("meetings.csv", "account_id,date,kind,exec_attended", List.of("globex,2026-11-19,qbr,true"));
        long others = elsewhere.portfolioVersion();

        assertThat(others).isEqualTo(start + 5);
        assertThat(elsewhere.tablesWrittenWithoutUsage(start, others))
                .contains(Set.of("accounts", "contacts", "tickets", "feedback_responses", "meetings"));
        assertThat(elsewhere.tablesWrittenWithoutUsage(start, start + 1)).contains(Set.of("accounts"));
        assertThat(elsewhere.tablesWrittenWithoutUsage(others, others)).as("nothing written").contains(Set.of());
        assertThat(elsewhere.usageOnlyWrittenFrom(start, others)).isEmpty();

        importCsv("usage_daily.csv", "account_id,date,active_users,events,key_features_used", List.of("acme,2026-11-23,3,40,2"));
        long usage = elsewhere.portfolioVersion();
        assertThat(elsewhere.tablesWrittenWithoutUsage(start, usage)).as("a usage write between").isEmpty();
        assertThat(elsewhere.tablesWrittenWithoutUsage(usage - 1, usage)).isEmpty();
        importCsv("accounts.csv", ACCOUNTS, List.of(account("acme")));
        assertThat(elsewhere.tablesWrittenWithoutUsage(usage, elsewhere.portfolioVersion())).contains(Set.of("accounts"));

        // A write that does not say it left usage alone (deleting an account removes its usage rows).
        jdbi.useTransaction(h -> PortfolioChangeLog.record(h, Set.of("globex")));
        assertThat(elsewhere.tablesWrittenWithoutUsage(usage, elsewhere.portfolioVersion())).isEmpty();
        assertThat(elsewhere.tablesWrittenWithoutUsage(elsewhere.portfolioVersion(), usage)).as("backwards").isEmpty();
    }

    @Test
    void aReaderTooFarBehindCannotBeToldUsageWasLeftAlone() {
        long start = elsewhere.portfolioVersion();
        for (int i = 0; i <= PortfolioChangeLog.KEPT_VERSIONS; i++) {
            jdbi.useTransaction(h -> PortfolioChangeLog.recordWithoutUsage(h, Set.of("acme"), "tickets"));
        }
        long now = elsewhere.portfolioVersion();

        assertThat(elsewhere.tablesWrittenWithoutUsage(start, now)).isEmpty();
        assertThat(elsewhere.tablesWrittenWithoutUsage(now - 3, now)).contains(Set.of("tickets"));
        long kept = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM portfolio_writes_without_usage")
                .mapTo(Long.class).one());
        assertThat(kept).isLessThanOrEqualTo(PortfolioChangeLog.KEPT_VERSIONS);
    }

    @Test
    void aDirectoryOfSeveralFilesIsOneChangeToldAfterItsLastFileWithEveryAccountItWrote() throws Exception {
        importCsv("accounts.csv", ACCOUNTS, List.of(account("acme"), account("globex")));
        heard.clear();
        long before = elsewhere.portfolioVersion();
        Path dir = Files.createTempDirectory(tmp, "csv");
        Files.writeString(dir.resolve("accounts.csv"), ACCOUNTS + "\n" + account("initech") + "\n");
        Files.writeString(dir.resolve("usage_daily.csv"), "account_id,date,active_users,events,key_features_used\n"
                + "acme,2026-11-23,4,41,2\ninitech,2026-11-23,2,10,1\n");
        Files.writeString(dir.resolve("tickets.csv"), "ticket_id,account_id,opened_on,closed_on,severity,subject\n"
                + "t1,globex,2026-11-20,,2,Export fails\n");
        // Each file is a write of its own: a listener at that point hears nothing yet.
        List<Long> versionsSeenAtEachFile = new CopyOnWriteArrayList<>();
        jdbi.getConfig(PortfolioListeners.class).tellEach(() -> List.of(change -> {
            heard.add(change);
            versionsSeenAtEachFile.add(elsewhere.portfolioVersion());
        }));

        ImportReport report = new CsvImport(jdbi, (actor, action, account, detail) -> { }, "UTC")
                .importDirectory(dir, "test", p -> { });

        assertThat(report.anyRejected()).isFalse();
        assertThat(heard).singleElement().satisfies(change -> {
            assertThat(change.accountIds()).containsExactlyInAnyOrder("acme", "globex", "initech");
            assertThat(change.wholeBook()).isFalse();
        });
        assertThat(versionsSeenAtEachFile).as("told after the last file committed").containsExactly(before + 3);
        assertThat(elsewhere.changedBetween(before, before + 3)).contains(Set.of("acme", "globex", "initech"));
    }

    @Test
    void aRejectedFileChangesNothingAndTellsNobody() throws Exception {
        importCsv("accounts.csv", ACCOUNTS, List.of(account("acme")));
        heard.clear();
        long before = elsewhere.portfolioVersion();

        ImportReport report = importCsv("usage_daily.csv", "account_id,date,active_users,events,key_features_used",
                List.of("acme,2026-11-22,3,40,2", "nobody,2026-11-23,4,41,2"));

        assertThat(report.anyRejected()).isTrue();
        assertThat(heard).isEmpty();
        assertThat(elsewhere.portfolioVersion()).isEqualTo(before);
    }

    @Test
    void aTransactionThatRollsBackAfterRecordingTellsNobody() {
        long before = elsewhere.portfolioVersion();

        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            PortfolioChangeLog.record(h, Set.of("acme"));
            throw new IllegalStateException("the rest of the write failed");
        })).hasMessageContaining("failed");

        assertThat(heard).isEmpty();
        assertThat(elsewhere.portfolioVersion()).isEqualTo(before);
    }

    @Test
    void aWriteTooLargeToNameItsAccountsReadsAsTouchingEveryAccount() {
        Set<String> many = IntStream.range(0, PortfolioChangeLog.NAMED_ACCOUNTS + 1).mapToObj(i -> "a" + i)
                .collect(Collectors.toSet());
        long before = elsewhere.portfolioVersion();

        jdbi.useTransaction(h -> PortfolioChangeLog.record(h, many));

        assertThat(elsewhere.changedBetween(before, before + 1)).isEmpty();
        assertThat(heard).singleElement().satisfies(change -> assertThat(change.accountIds()).hasSize(many.size()));
        long rows = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM portfolio_changes").mapTo(Long.class).one());
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void aReaderTooFarBehindOrAVersionThatNamedNothingCanOnlyBeToldAnythingChanged() {
        long start = elsewhere.portfolioVersion();
        for (int i = 0; i < PortfolioChangeLog.KEPT_VERSIONS + 5; i++) {
            String id = "a" + i;
            jdbi.useTransaction(h -> PortfolioChangeLog.record(h, Set.of(id)));
        }
        long now = elsewhere.portfolioVersion();
        // A version bumped by a writer that does not record its accounts.
        jdbi.useHandle(h -> h.execute("UPDATE portfolio_version SET version = version + 1 WHERE id = 1"));

        assertThat(elsewhere.changedBetween(start, now)).isEmpty();
        assertThat(elsewhere.changedBetween(now - 3, now)).contains(Set.of("a202", "a203", "a204"));
        assertThat(elsewhere.changedBetween(now - 1, now + 1)).isEmpty();
        long kept = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT version) FROM portfolio_changes")
                .mapTo(Long.class).one());
        assertThat(kept).isLessThanOrEqualTo(PortfolioChangeLog.KEPT_VERSIONS);
    }

    @Test
    void aListenerThatFailsDoesNotKeepTheOthersFromHearing() {
        List<String> told = new ArrayList<>();
        Jdbi two = Jdbi.create(StoreConfiguration.sqliteUrl(tmp.resolve("store.db"), java.time.Duration.ofSeconds(5))).configure(PortfolioListeners.class,
                c -> c.tellEach(() -> List.of(change -> {
                    throw new IllegalStateException("listener bug");
                }, change -> told.add("second"))));

        two.useTransaction(h -> PortfolioChangeLog.record(h, new HashSet<>(Set.of("acme"))));

        assertThat(told).containsExactly("second");
    }
}
