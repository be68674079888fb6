package dev.csbot.chat;

import dev.csbot.chat.ReplyBlock.Item;
import dev.csbot.chat.ReplyBlock.Tone;
import dev.csbot.voc.AccountVoc;
import dev.csbot.voc.FeedbackRecord;
import dev.csbot.voc.LoopStage;
import dev.csbot.voc.LoopSubject;
import dev.csbot.voc.PromptKind;
import dev.csbot.voc.TaggedFeedback;
import dev.csbot.voc.ThemeCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code /feedback <account>}: NPS, CSAT and CES with trend, response rate, recent comments and themes. */
final class AccountFeedbackAnswer {

    static final int QUOTE_LENGTH = 280;

    private AccountFeedbackAnswer() {}

    static Reply of(AccountVoc voc, ThemeCatalog catalog) {
        List<ReplyBlock> blocks = new ArrayList<>();
        List<ReplyBlock.Fact> facts = new ArrayList<>();
        for (AccountVoc.SurveyTrend survey : voc.surveys()) {
            facts.add(new ReplyBlock.Fact(survey.kind().label().toUpperCase(Locale.ROOT), survey(survey)));
        }
        facts.add(new ReplyBlock.Fact("Prompts answered (90 days)", voc.promptsSent() == 0 ? "none sent yet"
                : voc.promptsAnswered() + " of " + voc.promptsSent() + " ("
                        + Formats.percent((double) voc.promptsAnswered() / voc.promptsSent()) + ")"));
        blocks.add(new ReplyBlock.Facts(facts));

        Map<String, String> labels = catalog.themes().stream()
                .collect(Collectors.toMap(ThemeCatalog.Theme::key, ThemeCatalog.Theme::label));
        blocks.add(new ReplyBlock.Heading("Recent comments"));
        if (voc.recentComments().isEmpty()) {
            blocks.add(new ReplyBlock.Paragraph("No comments since " + voc.from() + "."));
        }
        for (TaggedFeedback comment : voc.recentComments()) {
            blocks.add(new ReplyBlock.Quote(shorten(comment.record().comment().orElse(""), QUOTE_LENGTH),
                    attribution(comment, labels::get, true)));
            LoopButtons.forSubject(LoopSubject.item(comment.record().itemId()), comment.stage()).ifPresent(blocks::add);
        }
        blocks.add(new ReplyBlock.Heading("Themes"));
        if (voc.themes().isEmpty()) {
            blocks.add(new ReplyBlock.Paragraph("No comment since " + voc.from() + " matches a theme."));
        } else {
            blocks.add(new ReplyBlock.Items(voc.themes().stream().map(t -> Item.of(t.theme().label() + ": "
                    + Formats.plural(t.items(), "comment") + (t.negative() > 0 ? " (" + t.negative() + " negative)" : ""),
                    "theme " + t.theme().key() + " · " + t.stage().label(),
                    t.negative() * 2 > t.items() ? Tone.BAD : Tone.NEUTRAL)).toList()));
        }
        blocks.add(new ReplyBlock.Context(List.of("Scores: the last 90 days against the 90 before. Comments since "
                + voc.from() + ", imported and answered in chat.",
                "Move an item or theme with /voc set <id> <acknowledged|planned|shipped|declined> \"message\".")));
        return Reply.answer("Feedback: " + voc.account().name(), blocks);
    }

    /** "NPS 3 · jane.doe@acme.example · 2026-11-13 · Speed and performance · fb-1a2b3c4d5e6f · new". */
    static String attribution(TaggedFeedback item, Function<String, String> themeLabel, boolean withPerson) {
        FeedbackRecord record = item.record();
        List<String> parts = new ArrayList<>();
        parts.add(record.kind().label().toUpperCase(Locale.ROOT)
                + (record.score().isPresent() ? " " + record.score().getAsInt() : ""));
        if (withPerson) {
            parts.add(record.anonymous() ? "anonymous" : record.contactEmail().orElse("unknown contact"));
        }
        parts.add(record.date().toString());
        if (!item.themes().isEmpty()) {
            parts.add(item.themes().stream().map(themeLabel).collect(Collectors.joining(", ")));
        }
        parts.add(record.itemId());
        parts.add(item.stage() == LoopStage.NEW ? "new" : item.stage().label());
        return String.join(" · ", parts);
    }

    static String survey(AccountVoc.SurveyTrend survey) {
        if (survey.current().isEmpty()) {
            return "no answers in the last 90 days" + (survey.previous().isPresent()
                    ? " (" + value(survey.kind(), survey.previous()) + " the 90 days before)" : "");
        }
        String now = value(survey.kind(), survey.current()) + " from " + Formats.plural(survey.currentCount(), "answer");
        if (survey.previous().isEmpty()) {
            return now + ", none the 90 days before";
        }
        double change = survey.current().getAsDouble() - survey.previous().getAsDouble();
        boolean nps = survey.kind() == PromptKind.NPS;
        long rounded = Math.round(nps ? change : change * 10);
        if (rounded == 0) {
            return now + ", flat";
        }
        String amount = nps ? String.valueOf(Math.abs(rounded)) : String.format(Locale.ROOT, "%.1f", Math.abs(rounded) / 10.0);
        return now + ", " + (rounded > 0 ? "up " : "down ") + amount + " from " + value(survey.kind(), survey.previous());
    }

    /** NPS as a signed whole number (+20, -33); CSAT and CES as the mean "of 5" or "of 7". */
    static String value(PromptKind kind, OptionalDouble value) {
        double v = value.getAsDouble();
        return switch (kind) {
            case NPS -> {
                long n = Math.round(v);
                yield (n > 0 ? "+" : "") + n;
            }
            case CSAT -> String.format(Locale.ROOT, "%.1f of 5", v);
            case CES -> String.format(Locale.ROOT, "%.1f of 7", v);
            default -> String.format(Locale.ROOT, "%.1f", v);
        };
    }

    static String shorten(String text, int max) {
        String oneLine = text.strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1).stripTrailing() + "…";
    }
}
