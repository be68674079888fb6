package dev.csbot.chat;

import dev.csbot.chat.ReplyBlock.Fact;
import dev.csbot.chat.ReplyBlock.Item;
import dev.csbot.chat.ReplyBlock.Tone;
import dev.csbot.health.Band;
import dev.csbot.health.HealthScore;
import dev.csbot.health.HealthService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The reply to {@code /risks}: the book of business ranked by ARR at risk, a page at a time. */
final class RisksAnswer {

    private RisksAnswer() {}

    /** {@code /risks ...} as typed: a usage error names the word that does not fit and the allowed range. */
    static Reply command(String argument, Caller caller, HealthService health) {
        ListArguments.Outcome parsed = RiskQuery.parse(argument, caller);
        if (parsed.arguments().isEmpty()) {
            return HelpAnswer.usage(parsed.problem(), RiskQuery.USAGE);
        }
        RiskQuery query = RiskQuery.of(parsed.arguments().get());
        List<HealthScore> ranked = query.rank(health.all());
        int shown = Math.min(query.limit(), ranked.size());
        if (shown > 0 && query.offset() >= shown) {
            int pages = new Paging(0, shown).pages();
            return HelpAnswer.usage("There is no page " + parsed.arguments().get().page() + ": the " + query.limit()
                    + " most at risk of " + query.describe() + " fill " + Formats.plural(pages, "page") + "."
                    + (shown < ranked.size() ? " Ask for more, e.g. " + query.withLimit(Math.min(RiskQuery.MAX_LIMIT,
                            ranked.size())).command(parsed.arguments().get().page()) + "." : ""), RiskQuery.USAGE);
        }
        return of(query, ranked, health);
    }

    /** A Previous/Next button. */
    static Reply page(String buttonValue, HealthService health) {
        return RiskQuery.fromButton(buttonValue)
                .map(query -> of(query, query.rank(health.all()), health))
                .orElseGet(() -> HelpAnswer.usage("That page of /risks is no longer available; run /risks again."));
    }

    private static Reply of(RiskQuery query, List<HealthScore> ranked, HealthService health) {
        LocalDate today = health.today();
        if (ranked.isEmpty()) {
            return Reply.of(Reply.Status.ANSWER, "Risks: no accounts", "No " + query.describe()
                    + " in the portfolio.");
        }
        Paging paging = new Paging(query.offset(), Math.min(query.limit(), ranked.size()));
        int renewalDays = health.scorecard().renewalRisk().withinDays();
        List<ReplyBlock> blocks = new ArrayList<>();
        List<Fact> facts = new ArrayList<>(List.of(
                bandFact(ranked, Band.RED), bandFact(ranked, Band.YELLOW), bandFact(ranked, Band.GREEN)));
        if (renewalDays > 0) {
            facts.add(new Fact("Renewing in " + renewalDays + " days, not green",
                    countAndArr(ranked.stream().filter(h -> h.renewalRisk().isPresent()).toList())));
        }
        List<HealthScore> unassigned = ranked.stream().filter(BookFilter.of(BookFilter.UNASSIGNED).orElseThrow()::matches)
                .toList();
        if (!unassigned.isEmpty() && !query.filter().text().equals(BookFilter.UNASSIGNED)) {
            facts.add(new Fact("Unassigned (no CSM)", countAndArr(unassigned) + "; /risks unassigned lists them"));
        }
        blocks.add(new ReplyBlock.Facts(facts));
        List<Item> items = new ArrayList<>();
        for (int i = paging.from(); i < paging.to(); i++) {
            items.add(item(i + 1, ranked.get(i), today));
        }
        blocks.add(new ReplyBlock.Items(items));
        int total = paging.total();
        blocks.add(new ReplyBlock.Context(List.of(
                paging.showing(query::command) + (total < ranked.size() ? " (" + ranked.size() + " match; /risks "
                        + Math.min(RiskQuery.MAX_LIMIT, ranked.size()) + " pages through "
                        + (ranked.size() > RiskQuery.MAX_LIMIT ? "the first " + RiskQuery.MAX_LIMIT : "them all") + ")"
                        : ""),
                "Ranked by ARR at risk: ARR x (100 - health) / 100",
                "As of " + today)));
        paging.buttons(ActionIds.RISKS_PAGE, query::toButton).ifPresent(blocks::add);
        return Reply.answer("Risks: " + query.describe() + " by ARR at risk", blocks);
    }

    private static Fact bandFact(List<HealthScore> ranked, Band band) {
        return new Fact(HealthAnswer.capitalize(band.label()),
                countAndArr(ranked.stream().filter(h -> h.band() == band).toList()));
    }

    /** "3 accounts, $2.1M ARR". */
    static String countAndArr(List<HealthScore> scores) {
        long arr = scores.stream().mapToLong(h -> h.account().arr()).sum();
        return Formats.plural(scores.size(), "account") + ", " + Formats.money(arr) + " ARR";
    }

    private static Item item(int rank, HealthScore health, LocalDate today) {
        var account = health.account();
        String line = rank + ". " + account.name() + ": " + Formats.scoreAndTrend(health) + ", "
                + Formats.money(account.arr()) + " ARR, renews "
                + Formats.dateWithDistance(account.renewalDate(), today);
        String detail = Formats.mainRisk(health).map(risk -> "Main risk: " + risk)
                .orElse("No driver costs more than a few points")
                + (account.csmEmail().isBlank() ? " · Owner: " + Formats.UNASSIGNED : "");
        return Item.of(line, detail, Formats.tone(health.band()));
    }
}
