package dev.csbot.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.builder.teams.TeamsInfo;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.PagedMembersResult;
import com.microsoft.bot.schema.teams.TeamsChannelAccount;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TeamsPagedMembersResult;
import dev.csbot.chat.Caller;
import dev.csbot.chat.Conversation;
import dev.csbot.chat.Platform;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is asking and who else can read the answer, as Teams tells it. The rules (docs/teams.md):
 * <ul>
 *   <li>A caller is internal when the activity comes from one of our tenants and the connector says the
 *       user is a member there: not a guest ({@code userRole} "guest") and not from another tenant.</li>
 *   <li>A conversation is shared externally when it lives in another tenant, or when its roster (the team's
 *       for a channel, plus the channel's own for a private or shared channel) has a guest or someone from a
 *       tenant that is not ours. A personal chat holds only the caller and the bot.</li>
 *   <li>When the connector cannot answer, the answer is the safe one: not internal, shared externally.</li>
 * </ul>
 * The roster is read on every request on purpose: a guest added a minute ago must not see the next answer.
 */
class TeamsAccess {

    private static final Logger log = LoggerFactory.getLogger(TeamsAccess.class);
    /** Enough for teams of 25,000 members at the connector's default page size. */
    private static final int MAX_ROSTER_PAGES = 500;

    private final TeamsSettings settings;

    TeamsAccess(TeamsSettings settings) {
        this.settings = settings;
    }

    Caller caller(TurnContext turn) {
        Activity activity = turn.getActivity();
        ChannelAccount from = activity.getFrom();
        String userId = from == null || from.getId() == null ? "unknown" : from.getId();
        String name = from == null || from.getName() == null ? "someone" : from.getName();
        if (!settings.authenticated()) {
            // Local development (Bot Framework Emulator on this machine): there is no tenant to check.
            return Caller.internal(userId, null, name);
        }
        if (!"msteams".equals(activity.getChannelId())) {
            return Caller.external(userId, name);
        }
        if (!settings.isInternalTenant(tenantOf(activity))) {
            return customer(turn, userId, name);
        }
        try {
            TeamsChannelAccount member = TeamsInfo.getMember(turn, userId).join();
            if (member == null) {
                return Caller.external(userId, name);
            }
            if (isGuest(member) || isOtherTenant(member)) {
                return Caller.customer(userId, emailOf(member), tenantOf(member, activity), name);
            }
            return Caller.internal(userId, emailOf(member), member.getName() != null ? member.getName() : name);
        } catch (RuntimeException e) {
            log.warn("Teams: could not look up member {} in conversation {}; treating them as external: {}", userId,
                    conversationIdOf(activity), e.toString());
            return Caller.external(userId, name);
        }
    }

    /**
     * A guest or someone of another tenant: refused everything but answering a prompt addressed to them, for which
     * the connector's email (else the user principal name) and their tenant say who they are.
     */
    private Caller customer(TurnContext turn, String userId, String name) {
        try {
            TeamsChannelAccount member = TeamsInfo.getMember(turn, userId).join();
            return Caller.customer(userId, member == null ? null : emailOf(member),
                    member == null ? tenantOf(turn.getActivity()) : tenantOf(member, turn.getActivity()), name);
        } catch (RuntimeException e) {
            log.info("Teams: could not look up external member {}: {}", userId, e.toString());
            return Caller.customer(userId, null, tenantOf(turn.getActivity()), name);
        }
    }

    private static String emailOf(TeamsChannelAccount member) {
        return member.getEmail() != null ? member.getEmail() : member.getUserPrincipalName();
    }

    private static String tenantOf(TeamsChannelAccount member, Activity activity) {
        return member.getTenantId() != null ? member.getTenantId() : tenantOf(activity);
    }

    Conversation conversation(TurnContext turn) {
        Activity activity = turn.getActivity();
        String id = conversationIdOf(activity);
        if (!settings.authenticated()) {
            return new Conversation(Platform.TEAMS, id, false);
        }
        if (!settings.isInternalTenant(tenantOf(activity))) {
            return new Conversation(Platform.TEAMS, id, true);
        }
        if ("personal".equals(conversationTypeOf(activity))) {
            return new Conversation(Platform.TEAMS, id, false);
        }
        boolean outsiders = rosterHasOutsiders(turn);
        String teamId = activity.teamsGetTeamId();
        if (!outsiders && "channel".equals(conversationTypeOf(activity)) && teamId != null && !teamId.equals(id)) {
            // Private and shared channels have members of their own (people of other tenants, in a shared
            // channel) that the team roster does not list; the General channel's id is the team's.
            outsiders = channelRosterHasOutsiders(turn, id);
        }
        return new Conversation(Platform.TEAMS, id, outsiders);
    }

    /** The team's roster for a channel, the chat's roster for a group chat. */
    private boolean rosterHasOutsiders(TurnContext turn) {
        return pagesHaveOutsiders(turn, continuation -> {
            TeamsPagedMembersResult result = TeamsInfo.getPagedMembers(turn, continuation).join();
            return result == null || result.getMembers() == null ? new Page(List.of(), null)
                    : new Page(result.getMembers().stream().map(m -> new Member(m.getUserRole(), m.getTenantId()))
                            .toList(), result.getContinuationToken());
        });
    }

    private boolean channelRosterHasOutsiders(TurnContext turn, String channelId) {
        ConnectorClient connector = turn.getTurnState().get(BotFrameworkAdapter.CONNECTOR_CLIENT_KEY);
        if (connector == null) {
            log.warn("Teams: no connector to read the roster of channel {}; treating it as shared externally",
                    channelId);
            return true;
        }
        return pagesHaveOutsiders(turn, continuation -> {
            // The SDK refuses a null continuation token: the first page is asked for without one.
            PagedMembersResult result = (continuation == null
                    ? connector.getConversations().getConversationPagedMembers(channelId)
                    : connector.getConversations().getConversationPagedMembers(channelId, continuation)).join();
            return result == null || result.getMembers() == null ? new Page(List.of(), null)
                    : new Page(result.getMembers().stream().map(m -> new Member(text(m.getProperties().get("userRole")),
                            text(m.getProperties().get("tenantId")))).toList(), result.getContinuationToken());
        });
    }

    private record Member(String userRole, String tenantId) {}

    private record Page(List<Member> members, String continuation) {}

    private boolean pagesHaveOutsiders(TurnContext turn, Function<String, Page> fetch) {
        try {
            String continuation = null;
            for (int page = 0; page < MAX_ROSTER_PAGES; page++) {
                Page result = fetch.apply(continuation);
                if (result.members().stream().anyMatch(m -> isGuest(m.userRole()) || isOtherTenant(m.tenantId()))) {
                    return true;
                }
                continuation = result.continuation();
                if (continuation == null || continuation.isBlank()) {
                    return false;
                }
            }
            log.warn("Teams: roster of {} has more than {} pages; treating it as shared externally",
                    conversationIdOf(turn.getActivity()), MAX_ROSTER_PAGES);
            return true;
        } catch (RuntimeException e) {
            log.warn("Teams: could not read the roster of {}; treating it as shared externally: {}",
                    conversationIdOf(turn.getActivity()), e.toString());
            return true;
        }
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static boolean isGuest(TeamsChannelAccount member) {
        return isGuest(member.getUserRole());
    }

    private static boolean isGuest(String userRole) {
        return "guest".equalsIgnoreCase(userRole);
    }

    private boolean isOtherTenant(TeamsChannelAccount member) {
        return isOtherTenant(member.getTenantId());
    }

    private boolean isOtherTenant(String tenantId) {
        // The connector leaves tenantId out for members of the conversation's own tenant in some payloads.
        return tenantId != null && !settings.isInternalTenant(tenantId);
    }

    /** The tenant the conversation lives in: conversation.tenantId, else channelData.tenant.id. */
    static String tenantOf(Activity activity) {
        if (activity.getConversation() != null && activity.getConversation().getTenantId() != null) {
            return activity.getConversation().getTenantId();
        }
        return channelData(activity).map(TeamsChannelData::getTenant).map(t -> t.getId()).orElse(null);
    }

    static String conversationTypeOf(Activity activity) {
        String type = activity.getConversation() == null ? null : activity.getConversation().getConversationType();
        return type == null ? "personal" : type;
    }

    /**
     * The id of the conversation as a place: a channel's id without the ";messageid=..." of the thread the
     * message was posted in, so "link acme" links the channel, not one thread.
     */
    static String conversationIdOf(Activity activity) {
        String id = activity.getConversation() == null || activity.getConversation().getId() == null ? ""
                : activity.getConversation().getId();
        int thread = id.indexOf(";messageid=");
        return thread < 0 ? id : id.substring(0, thread);
    }

    static Optional<TeamsChannelData> channelData(Activity activity) {
        if (activity.getChannelData() == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(activity.getChannelData(TeamsChannelData.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
