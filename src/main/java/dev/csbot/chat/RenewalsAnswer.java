package dev.csbot.chat;

import dev.csbot.chat.ReplyBlock.Fact;
import dev.csbot.chat.ReplyBlock.Item;
import dev.csbot.health.Band;
import dev.csbot.health.HealthScore;
import dev.csbot.health.HealthService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code /renewals [days] [segment|csm-email|mine|unassigned] [page N]}: the renewals due in the next
 * days, soonest first, each with ARR, health, trend, main risk and owner, and what is renewing and at risk.
 */
final class RenewalsAnswer {

    static final int DEFAULT_DAYS = 90;
    static final int MIN_DAYS = 1;
    static final int MAX_DAYS = 730;
    static final ListArguments.NumberRule DAYS = new ListArguments.NumberRule("number of days", MIN_DAYS, MAX_DAYS);
    static final String USAGE = "Usage: /renewals [days] [segment|csm-email|mine|unassigned] [page N], for example"
            + " /renewals, /renewals 30 or /renewals 180 enterprise page 2 (days " + DAYS.range() + ", default "
            + DEFAULT_DAYS + ").";

    /** The window, the slice of the book and where the page starts; round-trips as "days|filter|offset". */
    record Query(int days, BookFilter filter, int offset) {

        String toButton(int newOffset) {
            return days + "|" + filter.text() + "|" + newOffset;
        }

        static Optional<Query> fromButton(String value) {
            String[] parts = value.split("\\|", -1);
            if (parts.length != 3 || !parts[0].matches("\\d{1,3}") || !parts[2].matches("\\d{1,4}")) {
                return Optional.empty();
            }
            int days = Integer.parseInt(parts[0]);
            Optional<BookFilter> filter = parts[1].isEmpty() ? Optional.of(BookFilter.ALL) : BookFilter.of(parts[1]);
            if (filter.isEmpty() || days < DAYS.min() || days > DAYS.max()) {
                return Optional.empty();
            }
            return Optional.of(new Query(days, filter.get(), Integer.parseInt(parts[2])));
        }

        String command(int page) {
            return "/renewals " + days + (filter.isAll() ? "" : " " + filter.text()) + " page " + page;
        }
    }

    /** Soonest first; the same day, the larger ARR first. */
    static final Comparator<HealthScore> SOONEST = Comparator
            .comparing((HealthScore h) -> h.account().renewalDate())
            .thenComparing(Comparator.comparingLong((HealthScore h) -> h.account().arr()).reversed())
            .thenComparing(h -> h.account().name());

    private RenewalsAnswer() {}

    static Reply command(String argument, Caller caller, HealthService health) {
        ListArguments.Outcome parsed = ListArguments.parse(argument, caller, DAYS);
        if (parsed.arguments().isEmpty()) {
            return HelpAnswer.usage(parsed.problem(), USAGE);
        }
        ListArguments arguments = parsed.arguments().get();
        Query query = new Query(arguments.number().orElse(DEFAULT_DAYS), arguments.filter(),
                (arguments.page() - 1) * Paging.PAGE_SIZE);
        List<HealthScore> due = due(query, health);
        if (!due.isEmpty() && query.offset() >= due.size()) {
            return HelpAnswer.usage("There is no page " + arguments.page() + ": the "
                    + Formats.plural(due.size(), "renewal") + " fill " + Formats.plural(new Paging(0, due.size()).pages(),
                    "page") + ".", USAGE);
        }
        return of(query, due, health.today());
    }

    static Reply page(String buttonValue, HealthService health) {
        return Query.fromButton(buttonValue)
                .map(query -> of(query, due(query, health), health.today()))
                .orElseGet(() -> HelpAnswer.usage("That page of /renewals is no longer available; run /renewals again."));
    }

    private static List<HealthScore> due(Query query, HealthService health) {
        return due(health.all(), health.today(), query.days(), query.filter()::matches);
    }

    /** The slice's accounts renewing from {@code today} to {@code days} later, soonest first. */
    static List<HealthScore> due(List<HealthScore> book, LocalDate today, int days,
            java.util.function.Predicate<HealthScore> slice) {
        LocalDate last = today.plusDays(days);
        return book.stream()
                .filter(slice)
                .filter(h -> !h.account().renewalDate().isBefore(today) && !h.account().renewalDate().isAfter(last))
                .sorted(SOONEST)
                .toList();
    }

    private static Reply of(Query query, List<HealthScore> due, LocalDate today) {
        String title = "Renewals in the next " + query.days() + " days"
                + (query.filter().isAll() ? "" : ": " + query.filter().describe());
        if (due.isEmpty()) {
            return Reply.of(Reply.Status.ANSWER, title, "No " + query.filter().describe() + " renew between " + today
                    + " and " + today.plusDays(query.days()) + ".");
        }
        List<HealthScore> atRisk = due.stream().filter(h -> h.band() != Band.GREEN).toList();
        List<ReplyBlock> blocks = new ArrayList<>();
        blocks.add(new ReplyBlock.Facts(List.of(
                new Fact("Renewing", RisksAnswer.countAndArr(due)),
                new Fact("At risk (not green)", RisksAnswer.countAndArr(atRisk)),
                new Fact("Red", RisksAnswer.countAndArr(due.stream().filter(h -> h.band() == Band.RED).toList())))));
        Paging paging = new Paging(query.offset(), due.size());
        List<Item> items = new ArrayList<>();
        for (int i = paging.from(); i < paging.to(); i++) {
            items.add(item(i + 1, due.get(i), today));
        }
        blocks.add(new ReplyBlock.Items(items));
        blocks.add(new ReplyBlock.Context(List.of(paging.showing(query::command), "Soonest first", "As of " + today)));
        paging.buttons(ActionIds.RENEWALS_PAGE, query::toButton).ifPresent(blocks::add);
        return Reply.answer(title, blocks);
    }

    private static Item item(int rank, HealthScore health, LocalDate today) {
        var account = health.account();
        String line = rank + ". " + account.name() + ": renews " + Formats.dateWithDistance(account.renewalDate(), today)
                + ", " + Formats.money(account.arr()) + " ARR";
        String detail = "Health " + Formats.scoreAndTrend(health) + " · "
                + Formats.mainRisk(health).map(risk -> "Main risk: " + risk).orElse("No major risk")
                + " · Owner: " + Formats.owner(account.csmEmail());
        return Item.of(line, detail, Formats.tone(health.band()));
    }
}
