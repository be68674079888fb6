package dev.csbot.alerts;

import dev.csbot.account.Account;
import dev.csbot.chat.ChannelLinks;
import dev.csbot.chat.Platform;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an account's alert message goes: the conversations linked with {@code /csbot link}, else the channels
 * the import named, else a direct message to the CSM on the first platform that is set up. Whether a
 * conversation is shared with another organisation is checked later, at send time, by the adapter.
 */
public final class AlertRouter {

    private final ChannelLinks links;
    private final List<Platform> platforms;

    /** @param platforms the chat platforms that are set up, in order of preference for direct messages */
    public AlertRouter(ChannelLinks links, List<Platform> platforms) {
        this.links = links;
        this.platforms = List.copyOf(platforms);
    }

    public List<DeliveryTarget> targets(Account account) {
        List<DeliveryTarget> linked = new ArrayList<>();
        for (Platform platform : List.of(Platform.SLACK, Platform.TEAMS)) {
            links.conversationsOf(platform, account.id())
                    .forEach(conversation -> linked.add(DeliveryTarget.conversation(platform, conversation)));
        }
        return targets(account, linked);
    }

    /** The same, with the account's linked conversations already read (a whole-book scan reads them at once). */
    public List<DeliveryTarget> targets(Account account, List<DeliveryTarget> linked) {
        List<DeliveryTarget> targets = new ArrayList<>(linked);
        if (targets.isEmpty()) {
            account.slackChannel().filter(c -> !c.isBlank())
                    .ifPresent(c -> targets.add(DeliveryTarget.conversation(Platform.SLACK, c.trim())));
            account.teamsChannel().filter(c -> !c.isBlank())
                    .ifPresent(c -> targets.add(DeliveryTarget.conversation(Platform.TEAMS, c.trim())));
        }
        if (targets.isEmpty()) {
            targets.add(directMessage(account.csmEmail()));
        }
        return targets;
    }

    /** A message to one person: on the preferred platform (Slack when nothing is set up: it parks visibly). */
    public DeliveryTarget directMessage(String email) {
        return DeliveryTarget.person(platforms.isEmpty() ? Platform.SLACK : platforms.get(0), email);
    }
}
