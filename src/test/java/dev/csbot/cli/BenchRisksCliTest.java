package dev.csbot.cli;

import static dev.csbot.cli.CliRun.csbot;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code csbot bench-risks} on a store already loaded: every row timed, and the writes it says it makes made. */
class BenchRisksCliTest {

    @TempDir
    Path dir;

    @Test
    void itTimesRisksOnTheStoreAfterWritesOfOneAccountAndOfTheWholeBook() {
        String db = dir.resolve("demo.db").toString();
        CliRun demo = csbot("demo", "--db", db);
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        long before = version(db);
        long arrBefore = count(db, "SELECT SUM(arr) FROM accounts WHERE :v >= 0", before);
        long seatsBefore = count(db, "SELECT SUM(seats_purchased) FROM accounts WHERE :v >= 0", before);
        String segmentsBefore = segments(db);

        CliRun bench = csbot("bench-risks", "--db", db);

        assertThat(bench.exitCode()).as(bench.err()).isZero();
        assertThat(bench.out()).contains("Store " + db + ": 200 accounts")
                .containsPattern("first /risks after a one-account write, median of 5 \\(ms\\) +[0-9.]+ +< 1000 PASS")
                .containsPattern("first /risks after a whole-book write, median of 3 \\(ms\\) +[0-9]+ +< 1000 PASS")
                .containsPattern("the whole-book write itself \\(REST upserts\\), median of 3 \\(ms\\) +[0-9]+")
                .containsPattern("whole-book write to its alerts evaluated, median of 3 \\(ms\\) +[0-9]+")
                .containsPattern("a CRM sync of every account \\(REST upserts\\), median of 3 \\(ms\\) +[0-9]+")
                .containsPattern("first /risks after a CRM sync of every account, median of 3 \\(ms\\) +[0-9]+ +< 1000 PASS")
                .containsPattern("\\.\\.\\. that moves every account's seats, median of 3 \\(ms\\) +[0-9]+ +< 1000 PASS")
                .containsPattern("\\.\\.\\. that moves every account's segment, median of 3 \\(ms\\) +[0-9]+ +< 1000 PASS")
                .containsPattern("first /risks after a ticket of every account is imported, median of 3 \\(ms\\) +[0-9]+ +< 1000 PASS")
                .containsPattern("first /risks after an NPS response of every account is imported, median of 3 \\(ms\\)"
                        + " +[0-9]+ +< 1000 PASS");
        // Five one-account writes and three of the whole book (200 rows: one request each), each of usage alone; then
        // nine CRM syncs of every account, three ticket imports and three feedback imports, each without usage.
        assertThat(version(db)).isEqualTo(before + 23);
        assertThat(count(db, "SELECT COUNT(*) FROM portfolio_usage_writes WHERE version > :v", before)).isEqualTo(8);
        assertThat(count(db, "SELECT COUNT(*) FROM portfolio_writes_without_usage WHERE version > :v AND table_name = 'accounts'",
                before)).isEqualTo(9);
        assertThat(segments(db)).as("each account moved three segments along: back where it was").isEqualTo(segmentsBefore);
        assertThat(count(db, "SELECT SUM(arr) FROM accounts WHERE :v >= 0", before)).as("each ARR raised by 1, 2 and 3")
                .isEqualTo(arrBefore + 6 * 200);
        assertThat(count(db, "SELECT SUM(seats_purchased) FROM accounts WHERE :v >= 0", before)).as("+1, -1, +1")
                .isEqualTo(seatsBefore + 200);
        assertThat(count(db, "SELECT COUNT(*) FROM portfolio_writes_without_usage WHERE version > :v AND table_name = 'tickets'",
                before)).isEqualTo(3);
        assertThat(count(db, "SELECT COUNT(*) FROM tickets WHERE ticket_id LIKE 'bench-%' AND closed_on IS NOT NULL"
                + " AND severity = 3 AND :v >= 0", before)).as("one ticket an account, the last round closed it")
                .isEqualTo(200);
        assertThat(count(db, "SELECT COUNT(*) FROM portfolio_writes_without_usage WHERE version > :v AND table_name = 'feedback_responses'",
                before)).isEqualTo(3);
        assertThat(count(db, "SELECT COUNT(*) FROM feedback_responses WHERE contact_email = 'bench.survey@example.com'"
                + " AND score = 10 AND :v >= 0", before)).as("one response an account, the last round's score")
                .isEqualTo(200);
    }

    private static String segments(String db) {
        return Jdbi.create("jdbc:sqlite:" + db).withHandle(h -> h.createQuery(
                "SELECT group_concat(account_id || '=' || segment, ',') FROM (SELECT account_id, segment FROM accounts"
                        + " ORDER BY account_id)").mapTo(String.class).one());
    }

    @Test
    void withoutAStoreItSaysHowToMakeOne() {
        CliRun bench = csbot("bench-risks", "--db", dir.resolve("missing.db").toString());

        assertThat(bench.exitCode()).isEqualTo(2);
        assertThat(bench.err()).contains("bench-risks needs an existing store (--db)").contains("csbot demo --db");
    }

    private static long count(String db, String sql, long version) {
        return Jdbi.create("jdbc:sqlite:" + db).withHandle(h -> h.createQuery(sql).bind("v", version).mapTo(Long.class)
                .one());
    }

    private static long version(String db) {
        return Jdbi.create("jdbc:sqlite:" + db).withHandle(h -> h.createQuery(
                "SELECT version FROM portfolio_version WHERE id = 1").mapTo(Long.class).one());
    }
}
