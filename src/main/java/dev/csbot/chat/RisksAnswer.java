package dev.csbot.chat;

import dev.csbot.chat.ReplyBlock.Action;
import dev.csbot.chat.ReplyBlock.Fact;
import dev.csbot.chat.ReplyBlock.Item;
import dev.csbot.chat.ReplyBlock.Tone;
import dev.csbot.health.Band;
import dev.csbot.health.HealthScore;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The reply to {@code /risks}: the book of business ranked by ARR at risk, a page at a time. */
final class RisksAnswer {

    private RisksAnswer() {}

    static Reply of(RiskQuery query, List<HealthScore> all, LocalDate today) {
        List<HealthScore> ranked = query.rank(all);
        if (ranked.isEmpty()) {
            return Reply.of(Reply.Status.ANSWER, "Risks: no accounts", "No " + query.describe()
                    + " in the portfolio.");
        }
        int shown = Math.min(query.limit(), ranked.size());
        int from = Math.min(query.offset(), shown);
        int to = Math.min(from + RiskQuery.PAGE_SIZE, shown);
        List<ReplyBlock> blocks = new ArrayList<>();
        blocks.add(new ReplyBlock.Facts(List.of(
                bandFact(ranked, Band.RED), bandFact(ranked, Band.YELLOW), bandFact(ranked, Band.GREEN),
                new Fact("Renewing in 90 days, not green", String.valueOf(ranked.stream()
                        .filter(h -> h.band() != Band.GREEN && renewsWithin(h, today, 90)).count())))));
        List<Item> items = new ArrayList<>();
        for (int i = from; i < to; i++) {
            items.add(item(i + 1, ranked.get(i), today));
        }
        blocks.add(new ReplyBlock.Items(items));
        List<Action> paging = new ArrayList<>();
        if (from > 0) {
            paging.add(new Action(ActionIds.RISKS_PAGE, "Previous " + RiskQuery.PAGE_SIZE,
                    query.toButton(Math.max(0, from - RiskQuery.PAGE_SIZE)), Tone.NEUTRAL));
        }
        if (to < shown) {
            paging.add(new Action(ActionIds.RISKS_PAGE, "Next " + Math.min(RiskQuery.PAGE_SIZE, shown - to),
                    query.toButton(to), Tone.NEUTRAL));
        }
        blocks.add(new ReplyBlock.Context(List.of(
                "Showing " + (from + 1) + "-" + to + " of " + shown + (shown < ranked.size()
                        ? " requested (" + ranked.size() + " match; ask /risks " + Math.min(RiskQuery.MAX_LIMIT,
                                ranked.size()) + " for all)" : ""),
                "Ranked by ARR at risk: ARR x (100 - health) / 100",
                "As of " + today)));
        if (!paging.isEmpty()) {
            blocks.add(new ReplyBlock.Actions(paging));
        }
        return Reply.answer("Risks: " + query.describe() + " by ARR at risk", blocks);
    }

    private static Fact bandFact(List<HealthScore> ranked, Band band) {
        List<HealthScore> inBand = ranked.stream().filter(h -> h.band() == band).toList();
        long arr = inBand.stream().mapToLong(h -> h.account().arr()).sum();
        return new Fact(HealthAnswer.capitalize(band.label()), Formats.plural(inBand.size(), "account") + ", "
                + Formats.money(arr) + " ARR");
    }

    private static boolean renewsWithin(HealthScore health, LocalDate today, int days) {
        long until = ChronoUnit.DAYS.between(today, health.account().renewalDate());
        return until >= 0 && until <= days;
    }

    private static Item item(int rank, HealthScore health, LocalDate today) {
        var account = health.account();
        String line = rank + ". " + account.name() + ": " + Formats.score(health) + " (" + Formats.trendArrow(health)
                + "), " + Formats.money(account.arr()) + " ARR, renews "
                + Formats.dateWithDistance(account.renewalDate(), today);
        String detail = health.drivers().isEmpty() ? "No driver costs more than a few points"
                : "Main driver: " + health.drivers().get(0).sentence();
        Tone tone = switch (health.band()) {
            case RED -> Tone.BAD;
            case YELLOW -> Tone.WARNING;
            case GREEN -> Tone.GOOD;
        };
        return Item.of(line, detail, tone);
    }
}
