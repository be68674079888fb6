package dev.csbot.cli;

import static dev.csbot.cli.CliRun.csbot;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csbot.alerts.Outbox;
import dev.csbot.alerts.OutboxRow;
import dev.csbot.chat.MessageRef;
import dev.csbot.chat.Platform;
import dev.csbot.store.StoreFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done means" for alerts, through the command line: scan the demo, scan again, then import days where
 * Acme's usage recovers: the import itself resolves the usage alert and queues the update of its message.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScanCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static String db;

    @BeforeAll
    static void loadTheDemo() {
        db = dir.resolve("demo.db").toString();
        CliRun demo = csbot("demo", "--db", db);
        assertThat(demo.exitCode()).as(demo.err()).isZero();
    }

    private static List<JsonNode> scan(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("scan", "--db", db, "--format", "json"));
        args.addAll(List.of(extra));
        CliRun run = csbot(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        JSON.readTree(run.out()).forEach(lines::add);
        return lines;
    }

    private static List<JsonNode> of(List<JsonNode> lines, String account) {
        return lines.stream().filter(l -> l.path("account_id").asText().equals(account)).toList();
    }

    private static Jdbi store() {
        return Jdbi.create("jdbc:sqlite:" + db);
    }

    private static long count(String sql) {
        return store().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    @Order(1)
    void aDryRunRaisesAcmesUsageDropChampionAndRenewalAndNothingForGlobexAndWritesNothing() throws IOException {
        List<JsonNode> lines = scan("--dry-run");

        assertThat(of(lines, "acme")).extracting(l -> l.path("rule").asText())
                .contains("usage_drop", "stakeholder_left", "renewal_at_risk");
        assertThat(of(lines, "acme")).allSatisfy(l -> {
            assertThat(l.path("state").asText()).isEqualTo("new");
            assertThat(l.path("severity").asText()).isIn("low", "medium", "high");
            assertThat(l.path("owner").asText()).isEqualTo("dana.cho@csbot.example");
            assertThat(l.path("evidence").asText()).matches(".*\\d.*");
        });
        assertThat(of(lines, "globex")).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM alerts")).isZero();
    }

    @Test
    @Order(2)
    void aScanCommitsAcmesAlertsAsOneMessageAndASecondScanRaisesNothingNew() throws IOException {
        List<JsonNode> first = scan();
        assertThat(of(first, "acme")).filteredOn(l -> l.path("rule").asText().equals("usage_drop")).singleElement()
                .satisfies(l -> assertThat(l.path("state").asText()).isEqualTo("new"));

        List<String> acmeMessages = store().withHandle(h -> h.createQuery("SELECT item_id FROM outbox"
                + " WHERE account_id = 'acme' AND operation = 'post'").mapTo(String.class).list());
        assertThat(acmeMessages).hasSize(1);
        long listed = count("SELECT COUNT(*) FROM alert_notice_items WHERE notice_id = '" + acmeMessages.get(0) + "'");
        assertThat(listed).isEqualTo(of(first, "acme").stream().filter(l -> l.path("posted").asBoolean()).count())
                .isGreaterThanOrEqualTo(3);

        List<JsonNode> second = scan();
        assertThat(second).noneMatch(l -> l.path("state").asText().equals("new"))
                .noneMatch(l -> l.path("posted").asBoolean());
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE account_id = 'acme'")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void importingDaysWhereAcmesUsageRecoversResolvesItsUsageAlertAndQueuesItsMessageUpdateWithoutAScan()
            throws IOException {
        // The service's worker posted Acme's message meanwhile (recorded as it records a post): a message to update.
        Outbox outbox = StoreFixtures.outbox(store());
        Instant now = Instant.now();
        OutboxRow acmePost = outbox.claim("test-worker", now, now.plusSeconds(60), 10_000).stream()
                .filter(row -> "acme".equals(row.entry().accountId())).findFirst().orElseThrow();
        MessageRef posted = new MessageRef(Platform.SLACK, "C0ACME", "1767000000.000100");
        outbox.delivered(acmePost, Optional.of(posted), now);

        Path recovery = Files.createDirectories(dir.resolve("recovery"));
        StringBuilder csv = new StringBuilder("account_id,date,active_users,events,key_features_used\n");
        LocalDate today = LocalDate.now();
        for (int d = 13; d >= 0; d--) {
            csv.append("acme,").append(today.minusDays(d)).append(",470,18000,5\n");
        }
        Files.writeString(recovery.resolve("usage_daily.csv"), csv);
        CliRun imported = csbot("import", recovery.toString(), "--db", db);

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.err()).doesNotContain("stopped waiting");
        List<String> usageAlert = store().withHandle(h -> h.createQuery("SELECT status FROM alerts"
                + " WHERE account_id = 'acme' AND rule_id = 'usage_drop'").mapTo(String.class).list());
        assertThat(usageAlert).containsExactly("resolved");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'alert-resolved'"
                + " AND account_id = 'acme' AND detail LIKE 'usage_drop%'")).isEqualTo(1);
        List<String> updates = store().withHandle(h -> h.createQuery("SELECT message_id FROM outbox"
                        + " WHERE account_id = 'acme' AND operation = 'update' AND state = 'pending' AND item_id = :notice")
                .bind("notice", acmePost.entry().itemId()).mapTo(String.class).list());
        assertThat(updates).as("the message that showed the alert is queued to be updated")
                .containsExactly(posted.messageId());
        assertThat(of(scan("--dry-run"), "acme")).as("nothing is left for a scan to resolve")
                .noneMatch(l -> l.path("rule").asText().equals("usage_drop"));
    }

    @Test
    @Order(4)
    void alertsListsAnAccountsAlertsWithTheirStateAndNothingFailedWithoutAService() {
        CliRun acme = csbot("ask", "/alerts acme", "--db", db);
        assertThat(acme.exitCode()).as(acme.err()).isZero();
        assertThat(acme.out()).contains("Alerts for Acme", "Champion left, no replacement (high, open)",
                "Usage down", "resolved");
        CliRun failed = csbot("ask", "/alerts failed", "--db", db);
        assertThat(failed.out()).contains("No failed deliveries");
        CliRun mine = csbot("ask", "/alerts mine", "--as", "dana.cho@csbot.example", "--db", db);
        assertThat(mine.out()).contains("Your open alerts", "Acme: Champion left");
    }

    @Test
    @Order(5)
    void aBadRulesFileStopsTheCommandNamingTheFileTheRuleAndTheField() throws IOException {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), "rules:\n  usage_drop:\n    min_drop: 3\n");

        CliRun run = csbot("scan", "--db", db, "--dry-run", "--rules", rules.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(rules.toAbsolutePath() + ": rule 'usage_drop', field 'min_drop': must be a"
                + " fraction between 0 and 1 (got 3.0)");
    }

    @Test
    @Order(6)
    void aBadDateOrFormatIsAUsageError() {
        CliRun date = csbot("scan", "--db", db, "--as-of", "yesterday");
        assertThat(date.exitCode()).isEqualTo(CsbotCli.USAGE_ERROR);
        assertThat(date.err()).contains("--as-of 'yesterday' is not a date; use YYYY-MM-DD");
        assertThat(csbot("scan", "--db", db, "--format", "xml").exitCode()).isEqualTo(CsbotCli.USAGE_ERROR);
    }
}
