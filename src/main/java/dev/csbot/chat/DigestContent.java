package dev.csbot.chat;

import dev.csbot.alerts.AlertStore;
import dev.csbot.alerts.Digests;
import dev.csbot.alerts.OutboundMessage;
import dev.csbot.alerts.OutboxContent;
import dev.csbot.alerts.StoredAlert;
import dev.csbot.chat.ReplyBlock.Item;
import dev.csbot.chat.ReplyBlock.Tone;
import dev.csbot.health.Band;
import dev.csbot.health.HealthScore;
import dev.csbot.health.HealthService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A CSM's weekly digest as it stands when sent: their accounts with open alerts (low ones included) or a
 * renewal in the next 90 days, ranked by ARR at risk.
 */
public final class DigestContent implements OutboxContent {

    static final int RENEWAL_DAYS = 90;
    static final int MAX_ACCOUNTS = 20;
    private static final int MAX_ALERTS = 500;

    private final Digests digests;
    private final AlertStore alerts;
    private final HealthService health;

    public DigestContent(Digests digests, AlertStore alerts, HealthService health) {
        this.digests = digests;
        this.alerts = alerts;
        this.health = health;
    }

    @Override
    public String itemKind() {
        return Digests.ITEM_KIND;
    }

    @Override
    public Optional<OutboundMessage> render(String digestId) {
        return digests.find(digestId).map(digest -> new OutboundMessage(reply(digest), Optional.empty()));
    }

    private Reply reply(Digests.Digest digest) {
        Map<String, List<StoredAlert>> open = alerts.search(Optional.empty(), Optional.empty(),
                Optional.of(digest.csmEmail()), true, MAX_ALERTS).stream()
                .collect(Collectors.groupingBy(StoredAlert::accountId));
        Map<String, HealthScore> byAccount = new java.util.HashMap<>();
        health.all().stream()
                .filter(h -> h.account().csmEmail().equalsIgnoreCase(digest.csmEmail()))
                .filter(h -> open.containsKey(h.account().id()) || renewsSoon(h, digest))
                .forEach(h -> byAccount.put(h.account().id(), h));
        // An alert's account is in the digest even if the book's scores were computed before it existed.
        open.keySet().stream().filter(id -> !byAccount.containsKey(id))
                .forEach(id -> health.forAccount(id).ifPresent(h -> byAccount.put(id, h)));
        List<HealthScore> mine = byAccount.values().stream()
                .sorted(Comparator.comparingDouble(HealthScore::arrAtRisk).reversed())
                .toList();
        long renewals = mine.stream().filter(h -> renewsSoon(h, digest)).count();
        int alertCount = open.values().stream().mapToInt(List::size).sum();
        String title = "Your week, " + digest.weekOf() + ": " + Formats.plural(alertCount, "open alert") + ", "
                + Formats.plural(renewals, "renewal") + " in the next " + RENEWAL_DAYS + " days";
        List<ReplyBlock> blocks = new ArrayList<>();
        if (mine.isEmpty()) {
            blocks.add(new ReplyBlock.Paragraph("Nothing needs you this week: no open alerts and no renewals in the"
                    + " next " + RENEWAL_DAYS + " days."));
        } else {
            blocks.add(new ReplyBlock.Items(mine.stream().limit(MAX_ACCOUNTS).map(h -> item(h, open, digest)).toList()));
        }
        if (mine.size() > MAX_ACCOUNTS) {
            blocks.add(new ReplyBlock.Context(List.of("The " + MAX_ACCOUNTS + " with most ARR at risk of " + mine.size()
                    + "; /alerts mine and /risks mine list them all.")));
        }
        blocks.add(new ReplyBlock.Context(List.of("Ranked by ARR at risk · as of " + digest.asOf())));
        return Reply.answer(title, blocks);
    }

    private static boolean renewsSoon(HealthScore h, Digests.Digest digest) {
        long days = h.account().daysToRenewal(digest.asOf());
        return days >= 0 && days <= RENEWAL_DAYS;
    }

    private static Item item(HealthScore h, Map<String, List<StoredAlert>> open, Digests.Digest digest) {
        List<String> parts = new ArrayList<>();
        parts.add(Formats.money(h.account().arr()) + " ARR, " + Formats.money(Math.round(h.arrAtRisk())) + " at risk");
        parts.add("renews " + Formats.dateWithDistance(h.account().renewalDate(), digest.asOf()));
        open.getOrDefault(h.account().id(), List.of()).forEach(a -> parts.add(a.headline() + " (" + a.severity().label()
                + ")"));
        Tone tone = h.band() == Band.RED ? Tone.BAD : h.band() == Band.YELLOW ? Tone.WARNING : Tone.NEUTRAL;
        return Item.of(h.account().name() + ": " + Formats.score(h), String.join(" · ", parts), tone);
    }
}
