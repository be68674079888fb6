package dev.csbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csbot.chat.ChannelLinks;
import dev.csbot.chat.Platform;
import dev.csbot.support.FakeTeams;
import dev.csbot.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What broken or hostile senders get at {@code POST /api/messages}, through the running app (authenticated
 * mode, tokens signed by the local fake): what the caller gets, that nothing was sent or stored, and that the
 * log never carries the body. And what happens when our reply cannot be sent: Teams' redelivery is answered.
 */
@ExtendWith(OutputCaptureExtension.class)
class TeamsHostileInputTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ChannelLinks links;

    private String marker;
    private String conversation;

    @BeforeEach
    void setUp() {
        marker = "MARK" + UUID.randomUUID().toString().replace("-", "");
        conversation = "a:personal-" + UUID.randomUUID();
    }

    private HttpResponse<String> post(byte[] body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(ObjectNode activity) throws Exception {
        return post(activity.toString().getBytes(StandardCharsets.UTF_8), FakeTeams.channelToken(FakeTeams.serviceUrl()));
    }

    private void assertNothingSentOrLogged(CapturedOutput output) {
        assertThat(TeamsMessagesTest.repliesTo(conversation)).isEmpty();
        assertThat(output.getAll()).doesNotContain(marker);
    }

    @Test
    void anActivityOverTheCapIs413AndNothingIsSent(CapturedOutput output) throws Exception {
        ObjectNode activity = TeamsActivities.personalMessage(conversation, "29:member-ana",
                "health acme " + marker + "x".repeat(TeamsMessagesController.MAX_BODY_BYTES));

        HttpResponse<String> response = post(activity);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains(String.valueOf(TeamsMessagesController.MAX_BODY_BYTES));
        assertNothingSentOrLogged(output);
    }

    @Test
    void bodiesThatAreNotActivitiesAre400(CapturedOutput output) throws Exception {
        String token = FakeTeams.channelToken(FakeTeams.serviceUrl());
        byte[][] bodies = {
            ("{\"type\": \"message\", \"text\": \"" + marker).getBytes(StandardCharsets.UTF_8),
            ("[{\"type\": \"message\", \"text\": \"" + marker + "\"}]").getBytes(StandardCharsets.UTF_8),
            ("\"" + marker + "\"").getBytes(StandardCharsets.UTF_8),
            new byte[0],
            ("{\"text\": \"" + marker + "\"}").getBytes(StandardCharsets.UTF_8),
            concat(("{\"type\": \"message\", \"text\": \"" + marker).getBytes(StandardCharsets.UTF_8),
                    new byte[] {(byte) 0xC3, (byte) 0x28, '"', '}'}),
            ("{\"type\": \"message\", \"text\": \"" + marker + "\", \"nested\": " + "[".repeat(5_000)
                    + "]".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8),
        };
        for (byte[] body : bodies) {
            HttpResponse<String> response = post(body, token);
            assertThat(response.statusCode()).as(new String(body, 0, Math.min(60, body.length), StandardCharsets.UTF_8))
                    .isEqualTo(400);
        }
        assertNothingSentOrLogged(output);
    }

    @Test
    void anActivityWithoutAConversationOrASenderIs400(CapturedOutput output) throws Exception {
        ObjectNode noConversation = TeamsActivities.personalMessage(conversation, "29:member-ana", "health " + marker);
        noConversation.remove("conversation");
        ObjectNode noConversationId = TeamsActivities.personalMessage(conversation, "29:member-ana", "health " + marker);
        ((ObjectNode) noConversationId.get("conversation")).remove("id");
        ObjectNode noSender = TeamsActivities.personalMessage(conversation, "29:member-ana", "health " + marker);
        noSender.remove("from");

        HttpResponse<String> first = post(noConversation);
        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(first.body()).contains("no conversation");
        assertThat(post(noConversationId).statusCode()).isEqualTo(400);
        HttpResponse<String> third = post(noSender);
        assertThat(third.statusCode()).isEqualTo(400);
        assertThat(third.body()).contains("no sender");
        assertNothingSentOrLogged(output);
    }

    @Test
    void aForgedGuestOfAnotherTenantWithoutATokenLinksNothing(CapturedOutput output) throws Exception {
        String team = "19:team-" + UUID.randomUUID() + "@thread.skype";
        ObjectNode activity = TeamsActivities.channelMessage(team, "29:other-tenant-guest", "link globex " + marker);
        ((ObjectNode) activity.get("conversation")).put("tenantId", FakeTeams.OTHER_TENANT_ID);

        assertThat(post(activity.toString().getBytes(StandardCharsets.UTF_8), null).statusCode()).isEqualTo(401);
        assertThat(post(activity.toString().getBytes(StandardCharsets.UTF_8), "junk." + marker + ".junk").statusCode())
                .isEqualTo(401);

        assertThat(links.accountFor(Platform.TEAMS, team)).isEmpty();
        assertThat(TeamsMessagesTest.repliesTo(team)).isEmpty();
        assertThat(output.getAll()).doesNotContain(marker);
    }

    @Test
    void aReplyThatCouldNotBeSentLeavesTheActivityToTeamsRedelivery() throws Exception {
        ObjectNode activity = TeamsActivities.personalMessage(conversation, "29:member-ana", "health acme");
        FakeTeams.failRepliesTo(conversation, Integer.MAX_VALUE);

        HttpResponse<String> failed = post(activity);

        assertThat(failed.statusCode()).isEqualTo(500);
        int refusedAttempts = TeamsMessagesTest.repliesTo(conversation).size();
        assertThat(refusedAttempts).isPositive();

        // The connector is back; Teams redelivers the same activity, and this time it is answered.
        FakeTeams.failRepliesTo(conversation, 0);
        assertThat(post(activity).statusCode()).isEqualTo(202);
        assertThat(TeamsMessagesTest.repliesTo(conversation)).hasSize(refusedAttempts + 1);
        assertThat(TeamsMessagesTest.repliesTo(conversation).get(refusedAttempts).body()).contains("Acme");

        // Once answered, a further redelivery is a repeat again.
        assertThat(post(activity).statusCode()).isEqualTo(202);
        assertThat(TeamsMessagesTest.repliesTo(conversation)).hasSize(refusedAttempts + 1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
