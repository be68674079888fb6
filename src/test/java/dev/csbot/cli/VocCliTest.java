package dev.csbot.cli;

import static dev.csbot.cli.CliRun.csbot;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Voice of the Customer as a user types it, against the demo portfolio in a store on disk. */
class VocCliTest {

    @TempDir
    static Path dir;

    private static String db;

    @BeforeAll
    static void loadTheDemo() {
        db = dir.resolve("demo.db").toString();
        CliRun demo = csbot("demo", "--db", db);
        assertThat(demo.exitCode()).as(demo.err()).isZero();
    }

    @Test
    void feedbackForAcmeShowsItsScoresCommentsAndThemesFromTheDemo() {
        CliRun run = csbot("ask", "/feedback acme", "--db", db);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Feedback: Acme")
                .containsPattern("NPS +-?\\d+ from \\d+ answers?")
                .contains("Prompts answered (90 days)")
                .contains("Too slow since the update, and exports time out.")
                .contains("Sync has failed three days in a row, again.")
                .contains("- Speed and performance: 1 comment (1 negative)")
                .contains("Data sync and integrations");
    }

    @Test
    void vocRanksTheDemosThemesByArrAffectedWithQuotes() {
        CliRun run = csbot("ask", "/voc", "--db", db);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Voice of the Customer: the portfolio")
                .containsPattern("Loop closed +\\d+ of \\d+ items")
                .containsPattern("1\\. [A-Z].*\\n-+\\n. \\$[\\d.]+[Mk] ARR affected · \\d+ comments from \\d+ accounts")
                .contains("Reports, dashboards and exports")
                .contains("Data sync and integrations");
        assertThat(csbot("ask", "/voc smb", "--db", db).out()).startsWith("Voice of the Customer: smb accounts");
        assertThat(csbot("ask", "/voc sync", "--db", db).out()).startsWith("Theme: Data sync and integrations")
                .contains("Acme");
    }

    @Test
    void aSendIsStoredSoTheNextOneIsHeldBackAndClosingAThemeCountsInTheClosureRate() {
        CliRun first = csbot("ask", "/feedback send nps globex", "--db", db);
        CliRun second = csbot("ask", "/feedback send product-request globex nina.patel@globex.example", "--db", db);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("NPS prompt queued for Globex").contains("Nina Patel (nina.patel@globex.example)");
        assertThat(second.out()).startsWith("PRODUCT-REQUEST prompt held back for Globex")
                .contains("got the nps prompt on");

        CliRun closed = csbot("ask", "/voc set mobile planned \"An offline-first mobile app is planned for Q2.\"",
                "--db", db);
        assertThat(closed.exitCode()).as(closed.err()).isZero();
        assertThat(closed.out()).containsPattern("\\d+ loop-closing messages queued");
        // Closed back to the customer means delivered: the command line only queues, the service's outbox delivers.
        assertThat(csbot("ask", "/voc", "--db", db).out()).contains("Loop closed             0 of");
        org.jdbi.v3.core.Jdbi.create("jdbc:sqlite:" + db).useHandle(h -> h.execute("UPDATE outbox SET state ="
                + " 'delivered' WHERE item_kind = 'voc-loop'"));
        assertThat(csbot("ask", "/voc", "--db", db).out()).doesNotContain("Loop closed             0 of")
                .containsPattern("Median days to close +\\d");
    }

    @Test
    void customerTextIsEscapedInTheSlackPayload() throws IOException {
        Path csv = dir.resolve("import");
        Files.createDirectories(csv);
        Files.writeString(csv.resolve("feedback.csv"), "account_id,contact_email,date,kind,score,comment\n"
                + "initech,maya.lindqvist@initech.example," + java.time.LocalDate.now() + ",nps,2,"
                + "\"<!channel> <@U123> <https://evil.example|click> the SSO login fails\"\n");
        assertThat(csbot("import", csv.toString(), "--db", db).exitCode()).isZero();

        CliRun slack = csbot("ask", "/feedback initech", "--db", db, "--format", "slack");

        // The comment is plain text: Slack formats, mentions and links nothing in it; no mrkdwn holds it.
        com.google.gson.JsonArray blocks = com.google.gson.JsonParser.parseString(slack.out()).getAsJsonObject()
                .getAsJsonArray("blocks");
        com.google.gson.JsonObject quote = null;
        for (com.google.gson.JsonElement block : blocks) {
            com.google.gson.JsonObject text = block.getAsJsonObject().getAsJsonObject("text");
            if (text != null && text.get("text").getAsString().contains("the SSO login fails")) {
                quote = text;
            }
            if (text != null && text.get("type").getAsString().equals("mrkdwn")) {
                assertThat(text.get("text").getAsString()).doesNotContain("<!channel>").doesNotContain("<@U123>");
            }
        }
        assertThat(quote).as(slack.out()).isNotNull();
        assertThat(quote.get("type").getAsString()).isEqualTo("plain_text");
        assertThat(quote.get("text").getAsString()).startsWith("“<!channel> <@U123> <https:\u2060//evil.example|click>");
    }

    @Test
    void aBrokenPromptDirectoryStopsTheServiceWithFileFieldAndReason() throws IOException {
        Path prompts = Files.createDirectories(dir.resolve("prompts"));
        Files.writeString(prompts.resolve("nps.yaml"), "id: nps\nkind: nps\nwording: Hi\nthank_you: Thanks\n"
                + "scale: {min: 1, max: 10}\n");
        System.setProperty("csbot.prompts", prompts.toString());
        try {
            CliRun run = csbot("ask", "/help", "--db", db);

            assertThat(run.exitCode()).isEqualTo(1);
            // First the store it was opening (every command says that first), then why it stopped.
            assertThat(run.err().strip().lines()).containsExactly("csbot: store " + db, "csbot: "
                    + prompts.resolve("nps.yaml") + ": field 'scale': NPS is scored 0-10 everywhere in csbot (got 1-10)");
        } finally {
            System.clearProperty("csbot.prompts");
        }
    }
}
