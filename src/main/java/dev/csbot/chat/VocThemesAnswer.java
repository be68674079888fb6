package dev.csbot.chat;

import dev.csbot.chat.ReplyBlock.Tone;
import dev.csbot.voc.LoopStage;
import dev.csbot.voc.LoopSubject;
import dev.csbot.voc.PortfolioVoc;
import dev.csbot.voc.TaggedFeedback;
import dev.csbot.voc.ThemeCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code /voc [segment]}: the portfolio's themes ranked by ARR affected, and how well the loop is closed. */
final class VocThemesAnswer {

    static final int THEMES_SHOWN = 8;

    private VocThemesAnswer() {}

    static Reply of(PortfolioVoc voc, ThemeCatalog catalog) {
        String scope = voc.segment().map(s -> s.label() + " accounts").orElse("the portfolio");
        List<ReplyBlock> blocks = new ArrayList<>();
        PortfolioVoc.Closure closure = voc.closure();
        blocks.add(new ReplyBlock.Facts(List.of(
                new ReplyBlock.Fact("Comments", voc.comments() + " since " + voc.from()),
                new ReplyBlock.Fact("Loop closed", closure.raised() == 0 ? "no items raised"
                        : closure.closed() + " of " + closure.raised() + " items ("
                                + Formats.percent((double) closure.closed() / closure.raised()) + ")"),
                new ReplyBlock.Fact("Median days to close", closure.medianDays().isEmpty() ? "none closed yet"
                        : days(closure.medianDays().getAsDouble())),
                new ReplyBlock.Fact("Not matched to a theme", String.valueOf(voc.untagged())))));
        if (voc.themes().isEmpty()) {
            blocks.add(new ReplyBlock.Paragraph("No comments from " + scope + " since " + voc.from()
                    + " match a theme."));
        }
        Map<String, String> labels = catalog.themes().stream()
                .collect(Collectors.toMap(ThemeCatalog.Theme::key, ThemeCatalog.Theme::label));
        int rank = 0;
        for (PortfolioVoc.ThemeSummary theme : voc.themes()) {
            if (++rank > THEMES_SHOWN) {
                break;
            }
            blocks.add(new ReplyBlock.Heading(rank + ". " + theme.theme().label()));
            blocks.add(new ReplyBlock.Items(List.of(ReplyBlock.Item.of(Formats.money(theme.arrAffected())
                    + " ARR affected · " + Formats.plural(theme.items(), "comment") + " from "
                    + Formats.plural(theme.accounts(), "account"), theme.negative() + " negative, " + theme.positive()
                    + " positive · theme " + theme.theme().key() + " · " + theme.stage().label(),
                    theme.negative() * 2 > theme.items() ? Tone.BAD : Tone.NEUTRAL))));
            for (PortfolioVoc.Example example : theme.examples()) {
                blocks.add(new ReplyBlock.Quote(AccountFeedbackAnswer.shorten(
                        example.item().record().comment().orElse(""), AccountFeedbackAnswer.QUOTE_LENGTH),
                        example.accountName() + " · " + AccountFeedbackAnswer.attribution(example.item(), labels::get,
                                false)));
            }
        }
        List<String> context = new ArrayList<>();
        if (voc.themes().size() > THEMES_SHOWN) {
            context.add("Showing the top " + THEMES_SHOWN + " of " + voc.themes().size() + " themes.");
        }
        context.add("Ranked by the ARR of the accounts that raised each theme, since " + voc.from() + ".");
        context.add("/voc <theme> lists its comments; /voc set <theme> planned \"message\" tells every customer who"
                + " raised it.");
        blocks.add(new ReplyBlock.Context(context));
        return Reply.answer("Voice of the Customer: " + scope, blocks);
    }

    /** "12" or "7.5": a median of an even count can fall between two whole days. */
    static String days(double days) {
        return days == Math.rint(days) ? String.valueOf((long) days) : String.format(Locale.ROOT, "%.1f", days);
    }

    /** {@code /voc <theme>}: the theme's latest comments with their ids, to act on one by one. */
    static Reply theme(ThemeCatalog.Theme theme, List<TaggedFeedback> items, Map<String, String> accountNames,
            ThemeCatalog catalog, int shown) {
        return theme(theme, LoopStage.NEW, items, accountNames, catalog, shown);
    }

    /** The same, with the buttons that move the whole theme on from {@code stage}. */
    static Reply theme(ThemeCatalog.Theme theme, LoopStage stage, List<TaggedFeedback> items,
            Map<String, String> accountNames, ThemeCatalog catalog, int shown) {
        Map<String, String> labels = catalog.themes().stream()
                .collect(Collectors.toMap(ThemeCatalog.Theme::key, ThemeCatalog.Theme::label));
        List<ReplyBlock> blocks = new ArrayList<>();
        if (items.isEmpty()) {
            blocks.add(new ReplyBlock.Paragraph("No recent comments match this theme. Its keywords: "
                    + String.join(", ", theme.keywords()) + "."));
        }
        for (TaggedFeedback item : items.subList(0, Math.min(shown, items.size()))) {
            blocks.add(new ReplyBlock.Quote(AccountFeedbackAnswer.shorten(item.record().comment().orElse(""),
                    AccountFeedbackAnswer.QUOTE_LENGTH), accountNames.getOrDefault(item.record().accountId(),
                    item.record().accountId()) + " · " + AccountFeedbackAnswer.attribution(item, labels::get, true)));
        }
        List<String> context = new ArrayList<>();
        if (items.size() > shown) {
            context.add("The latest " + shown + " of " + items.size() + " comments.");
        }
        context.add("/voc set " + theme.key() + " <acknowledged|planned|shipped|declined> \"message\" moves the whole"
                + " theme; /voc set <fb-id> ... one comment. The theme is " + stage.label() + ".");
        blocks.add(new ReplyBlock.Context(context));
        LoopButtons.forSubject(LoopSubject.theme(theme.key()), stage).ifPresent(blocks::add);
        return Reply.answer("Theme: " + theme.label(), blocks);
    }
}
