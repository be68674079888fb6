package dev.csbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csbot.cli.CsbotCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code csbot ask ... --format teams} prints the attachment the bot would send. */
class TeamsCliTest {

    @TempDir
    Path dir;

    @Test
    void askWithFormatTeamsPrintsAValidAdaptiveCardAttachment() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = CsbotCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "ask", "/help", "--format",
                "teams", "--db", dir.resolve("store.db").toString());

        assertThat(code).as(err.toString()).isZero();
        JsonNode attachment = TeamsActivities.JSON.readTree(out.toString());
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        AdaptiveCardSchema.assertValid(attachment.path("content").toString());
        assertThat(attachment.path("content").toString()).contains("/health").contains("/risks");
    }
}
