package dev.csbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.csbot.alerts.AlertChange;
import dev.csbot.alerts.AlertCommit;
import dev.csbot.alerts.AlertService;
import dev.csbot.alerts.AlertStore;
import dev.csbot.alerts.DeliveryTarget;
import dev.csbot.alerts.OutboxEntry;
import dev.csbot.alerts.Finding;
import dev.csbot.alerts.Severity;
import dev.csbot.chat.Platform;
import dev.csbot.health.Playbook;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One unresolved alert per (account, rule) is the store's rule, not the caller's. */
class JdbiAlertStoreTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    @TempDir
    Path dir;

    private Jdbi jdbi;
    private JdbiAlertStore store;

    @BeforeEach
    void store() {
        String url = StoreConfiguration.sqliteUrl(dir.resolve("alerts.db"));
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        jdbi = Jdbi.create(url);
        jdbi.useHandle(h -> h.execute("INSERT INTO accounts (account_id, name, segment, arr, seats_purchased,"
                + " contract_start, renewal_date, csm_email, lifecycle_stage) VALUES ('acme', 'Acme', 'enterprise',"
                + " 1000, 10, '2025-01-01', '2027-01-01', 'dana@example.com', 'adoption')"));
        store = new JdbiAlertStore(jdbi);
    }

    private static AlertCommit raising(String alertId) {
        Finding finding = new Finding("usage_drop", Severity.MEDIUM, Playbook.LOW_ADOPTION, "Usage down 30%",
                "numbers", 30);
        return new AlertCommit(Instant.parse("2026-11-23T08:00:00Z"), TODAY, List.of(new AlertChange(
                AlertChange.Kind.NEW, alertId, "acme", "usage_drop", Optional.of(finding), Optional.empty(), true)),
                List.of(), List.of());
    }

    @Test
    void aSecondUnresolvedAlertForTheSameAccountAndRuleIsRefusedWholeAsAConflict() {
        store.commit(raising("a1"));

        assertThatThrownBy(() -> store.commit(raising("a2"))).isInstanceOf(AlertService.AlertConflict.class);

        assertThat(store.unresolved(List.of("acme"))).extracting(a -> a.id()).containsExactly("a1");
        int audited = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log").mapTo(Integer.class).one());
        assertThat(audited).as("nothing of the refused commit is written").isEqualTo(1);
    }

    @Test
    void onceResolvedTheSameProblemCanBeRaisedAgain() {
        store.commit(raising("a1"));
        store.commit(new AlertCommit(Instant.parse("2026-11-24T08:00:00Z"), TODAY.plusDays(1), List.of(
                new AlertChange(AlertChange.Kind.RESOLVED, "a1", "acme", "usage_drop", Optional.empty(),
                        store.find("a1"), false)), List.of(), List.of()));

        store.commit(raising("a2"));

        assertThat(store.find("a1").orElseThrow().state().label()).isEqualTo("resolved");
        assertThat(store.unresolved(List.of())).extracting(a -> a.id()).containsExactly("a2");
    }

    /** Accounts a0000 .. and one raised alert, notice and Slack post each: a first evaluation of a large book. */
    private AlertCommit firstEvaluationOf(int accounts) {
        jdbi.useHandle(h -> {
            var batch = h.prepareBatch("INSERT INTO accounts (account_id, name, segment, arr, seats_purchased,"
                    + " contract_start, renewal_date, csm_email, lifecycle_stage) VALUES (:id, :id, 'smb', 1000, 5,"
                    + " '2025-01-01', '2027-01-01', 'dana@example.com', 'adoption')");
            IntStream.range(0, accounts).forEach(i -> batch.bind("id", String.format("a%04d", i)).add());
            batch.execute();
        });
        Finding finding = new Finding("usage_drop", Severity.MEDIUM, Playbook.LOW_ADOPTION, "Usage down 30%",
                "numbers", 30);
        List<AlertChange> changes = new ArrayList<>();
        List<AlertStore.Notice> notices = new ArrayList<>();
        List<OutboxEntry> posts = new ArrayList<>();
        Instant at = Instant.parse("2026-11-23T08:00:00Z");
        for (int i = 0; i < accounts; i++) {
            String account = String.format("a%04d", i);
            changes.add(new AlertChange(AlertChange.Kind.NEW, "alert-" + account, account, "usage_drop",
                    Optional.of(finding), Optional.empty(), true));
            notices.add(new AlertStore.Notice("notice-" + account, account, List.of("alert-" + account), at));
            posts.add(OutboxEntry.post(AlertService.NOTICE, "notice-" + account,
                    DeliveryTarget.conversation(Platform.SLACK, "C" + account), account));
        }
        return new AlertCommit(at, TODAY, changes, notices, posts);
    }

    private long count(String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    @Test
    void aCommitOfManyChunksWritesEveryRow() {
        int accounts = ChunkedBatch.ROWS + 500;

        store.commit(firstEvaluationOf(accounts));

        assertThat(List.of(count("alerts"), count("audit_log"), count("alert_notices"), count("alert_notice_items"),
                count("outbox"))).containsOnly((long) accounts);
    }

    @Test
    void aConflictInTheLastChunkLeavesNothingOfTheEarlierChunks() {
        int accounts = ChunkedBatch.ROWS + 500;
        AlertCommit commit = firstEvaluationOf(accounts);
        String last = String.format("a%04d", accounts - 1);
        // Another writer raised the last account's alert first.
        store.commit(new AlertCommit(commit.at(), TODAY, List.of(new AlertChange(AlertChange.Kind.NEW, "theirs", last,
                "usage_drop", commit.changes().get(0).finding(), Optional.empty(), true)), List.of(), List.of()));

        assertThatThrownBy(() -> store.commit(commit)).isInstanceOf(AlertService.AlertConflict.class);

        assertThat(store.unresolved(List.of())).extracting(a -> a.id()).containsExactly("theirs");
        assertThat(List.of(count("audit_log"), count("alert_notices"), count("alert_notice_items"), count("outbox")))
                .containsExactly(1L, 0L, 0L, 0L);
    }
}
