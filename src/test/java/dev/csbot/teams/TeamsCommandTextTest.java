package dev.csbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import org.junit.jupiter.api.Test;

class TeamsCommandTextTest {

    private static Activity parse(ObjectNode json) {
        return Serialization.treeToValue(json, Activity.class);
    }

    @Test
    void theBotsMentionIsStrippedUsingTheMentionEntities() {
        Activity activity = parse(TeamsActivities.channelMessage("19:t@thread.skype", "29:u", "health acme"));

        assertThat(TeamsCommandText.mentionsBot(activity)).isTrue();
        assertThat(TeamsCommandText.command(activity)).contains("health acme");
    }

    @Test
    void aMentionOfSomeoneElseIsNotTheBotsMention() {
        ObjectNode json = TeamsActivities.channelMessage("19:t@thread.skype", "29:u", "health acme");
        ((ObjectNode) json.get("entities").get(0).get("mentioned")).put("id", "29:someone-else");

        Activity activity = parse(json);

        assertThat(TeamsCommandText.mentionsBot(activity)).isFalse();
        assertThat(TeamsCommandText.command(activity)).contains("My Combined health acme");
    }

    @Test
    void linkAndUnlinkBecomeTheCoresCsbotCommands() {
        assertThat(TeamsCommandText.command(parse(TeamsActivities.channelMessage("19:t@thread.skype", "29:u",
                "link acme")))).contains("/csbot link acme");
        assertThat(TeamsCommandText.command(parse(TeamsActivities.channelMessage("19:t@thread.skype", "29:u",
                "unlink")))).contains("/csbot unlink");
        assertThat(TeamsCommandText.command(parse(TeamsActivities.personalMessage("a:1", "29:u", "/health acme"))))
                .contains("/health acme");
    }

    @Test
    void aMessageWithOnlyTheMentionHasNoCommand() {
        ObjectNode json = TeamsActivities.channelMessage("19:t@thread.skype", "29:u", "");
        assertThat(TeamsCommandText.command(parse(json))).isEmpty();
    }

    @Test
    void theThreadOfAChannelMessageIsNotPartOfTheConversationId() {
        Activity activity = parse(TeamsActivities.channelMessage("19:abc@thread.skype", "29:u", "x"));
        assertThat(activity.getConversation().getId()).contains(";messageid=");
        assertThat(TeamsAccess.conversationIdOf(activity)).isEqualTo("19:abc@thread.skype");
    }

    @Test
    void inLocalDevelopmentModeOnlyLocalServiceUrlsAreAccepted() {
        assertThat(TeamsMessagesController.isLocal("http://localhost:53810")).isTrue();
        assertThat(TeamsMessagesController.isLocal("http://127.0.0.1:3978/")).isTrue();
        assertThat(TeamsMessagesController.isLocal("https://smba.trafficmanager.net/amer/")).isFalse();
        assertThat(TeamsMessagesController.isLocal("http://localhost.evil.example/")).isFalse();
        assertThat(TeamsMessagesController.isLocal(null)).isFalse();
    }
}
