package dev.csbot.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csbot.support.FakeTeams;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * Activities as Teams sends them, built from the recordings in conformance/teams/bot-framework: a recorded
 * request body with the parts a test cares about (text, conversation, user, tenant) replaced.
 */
public final class TeamsActivities {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The recorded channel message that @mentions the bot ("<at>My Combined</at>1"). */
    private static final String MENTION_MESSAGE = "20191020020553704-request-integrationBot.json";
    /** The recorded "bot added to a group chat" conversationUpdate. */
    private static final String ADDED_TO_GROUP_CHAT = "20191019235900304-request-integrationBot.json";
    static final String BOT_ID = "28:eac5e5c6-ab14-4f50-80cb-49213fe51b1a";
    static final String BOT_MENTION = "<at>My Combined</at>";

    private TeamsActivities() {}

    public static ObjectNode personalMessage(String conversationId, String userId, String text) {
        ObjectNode activity = recording(MENTION_MESSAGE);
        activity.put("id", newId());
        activity.put("text", text);
        activity.remove("attachments");
        ArrayNode entities = activity.putArray("entities");
        entities.addObject().put("locale", "en-US").put("country", "US").put("platform", "Windows")
                .put("type", "clientInfo");
        activity.putObject("conversation").put("conversationType", "personal").put("tenantId", FakeTeams.TENANT_ID)
                .put("id", conversationId);
        activity.putObject("channelData").putObject("tenant").put("id", FakeTeams.TENANT_ID);
        return common(activity, userId);
    }

    /** A message in a team's General channel (whose id is the team's) that starts with the bot's @mention. */
    static ObjectNode channelMessage(String teamId, String userId, String textAfterMention) {
        return channelMessage(teamId, teamId, userId, textAfterMention);
    }

    /** A message in a channel of a team that starts with the bot's @mention, as Teams sends it. */
    static ObjectNode channelMessage(String teamId, String channelId, String userId, String textAfterMention) {
        ObjectNode activity = recording(MENTION_MESSAGE);
        String id = newId();
        activity.put("id", id);
        activity.put("text", BOT_MENTION + " " + textAfterMention + "\n");
        activity.remove("attachments");
        ((ObjectNode) activity.get("conversation")).put("id", channelId + ";messageid=" + id)
                .put("tenantId", FakeTeams.TENANT_ID);
        ObjectNode channelData = activity.putObject("channelData");
        channelData.put("teamsChannelId", channelId).put("teamsTeamId", teamId);
        channelData.putObject("channel").put("id", channelId);
        channelData.putObject("team").put("id", teamId);
        channelData.putObject("tenant").put("id", FakeTeams.TENANT_ID);
        return common(activity, userId);
    }

    /** A channel message with no @mention of the bot (Teams sends those only with extra permissions). */
    static ObjectNode channelMessageWithoutMention(String teamId, String userId, String text) {
        ObjectNode activity = channelMessage(teamId, userId, text);
        activity.put("text", text);
        ArrayNode entities = activity.putArray("entities");
        entities.addObject().put("type", "clientInfo").put("locale", "en-US");
        return activity;
    }

    /** What Teams posts when someone presses an Action.Submit button: a message whose value is the data. */
    static ObjectNode buttonPress(String conversationId, String userId, String actionId, String value) {
        ObjectNode activity = personalMessage(conversationId, userId, "");
        activity.remove("text");
        activity.putObject("value").put("action", actionId).put("value", value);
        activity.put("replyToId", "1:card-" + UUID.randomUUID());
        return activity;
    }

    /** The same press delivered as an invoke (buttons with msteams type "invoke"). */
    static ObjectNode buttonInvoke(String conversationId, String userId, String actionId, String value) {
        ObjectNode activity = buttonPress(conversationId, userId, actionId, value);
        activity.put("type", "invoke");
        return activity;
    }

    /** The bot was added to a group chat (the recorded conversationUpdate, with the bot among membersAdded). */
    static ObjectNode botAddedToGroupChat(String conversationId) {
        ObjectNode activity = recording(ADDED_TO_GROUP_CHAT);
        activity.put("id", "f:" + UUID.randomUUID());
        activity.putArray("membersAdded").addObject().put("id", BOT_ID);
        ((ObjectNode) activity.get("conversation")).put("id", conversationId).put("tenantId", FakeTeams.TENANT_ID);
        activity.put("serviceUrl", FakeTeams.serviceUrl());
        return activity;
    }

    static ObjectNode personalInstall(String conversationId, String userId) {
        ObjectNode activity = personalMessage(conversationId, userId, "");
        activity.remove("text");
        activity.put("type", "installationUpdate");
        activity.put("action", "add");
        return activity;
    }

    private static ObjectNode common(ObjectNode activity, String userId) {
        activity.put("serviceUrl", FakeTeams.serviceUrl());
        ((ObjectNode) activity.get("from")).put("id", userId).put("name", "Ana Internal")
                .put("aadObjectId", "6b703ce3-6d14-4fe6-b90c-dc5f03657ae4");
        activity.putObject("recipient").put("id", BOT_ID).put("name", "csbot");
        return activity;
    }

    static String newId() {
        return "1" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L);
    }

    private static ObjectNode recording(String file) {
        String resource = "/conformance/teams/bot-framework/teams-recordings/" + file;
        try (InputStream in = TeamsActivities.class.getResourceAsStream(resource)) {
            return (ObjectNode) JSON.readTree(in).get("body").deepCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
