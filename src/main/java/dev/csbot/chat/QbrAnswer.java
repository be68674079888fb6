package dev.csbot.chat;

import dev.csbot.account.ObjectiveStatus;
import dev.csbot.account.SuccessPlanObjective;
import dev.csbot.chat.ReplyBlock.Action;
import dev.csbot.chat.ReplyBlock.Fact;
import dev.csbot.chat.ReplyBlock.Item;
import dev.csbot.chat.ReplyBlock.Tone;
import dev.csbot.review.QbrBrief;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The reply to {@code /qbr}: the five agenda sections in order, ending with next milestone, owner, date. */
final class QbrAnswer {

    static final String OUTCOMES = "1. Outcomes recap";
    static final String VALUE = "2. Value proof";
    static final String RISKS = "3. Risks and blockers";
    static final String PLAN = "4. Next-quarter plan";
    static final String EXPANSION = "5. Expansion";

    private QbrAnswer() {}

    static Reply of(QbrBrief brief) {
        var health = brief.health();
        var account = health.account();
        List<ReplyBlock> blocks = new ArrayList<>();
        blocks.add(new ReplyBlock.Facts(List.of(
                new Fact("Health", Formats.scoreWithCap(health) + ", " + Formats.trend(health)),
                new Fact("ARR", Formats.money(account.arr())),
                new Fact("Renewal", Formats.dateWithDistance(account.renewalDate(), health.asOf())),
                new Fact("CSM", Formats.owner(account.csmEmail())))));

        blocks.add(new ReplyBlock.Heading(OUTCOMES));
        if (brief.outcomes().isEmpty()) {
            blocks.add(new ReplyBlock.Paragraph("No success plan on record. Agree two or three objectives, in the"
                    + " customer's words, during this QBR."));
        } else {
            blocks.add(new ReplyBlock.Items(brief.outcomes().stream().map(QbrAnswer::objective).toList()));
        }

        blocks.add(new ReplyBlock.Heading(VALUE));
        partialData(brief.value()).ifPresent(blocks::add);
        blocks.add(new ReplyBlock.Items(valueItems(brief.value())));

        blocks.add(new ReplyBlock.Heading(RISKS));
        var risks = brief.risks();
        if (risks.isEmpty()) {
            blocks.add(new ReplyBlock.Paragraph("No open risks: no support themes, adoption gaps or stakeholder"
                    + " changes this quarter."));
        } else {
            List<Item> items = new ArrayList<>();
            risks.supportThemes().forEach(t -> items.add(Item.of("Support: " + t, null, Tone.WARNING)));
            risks.adoptionGaps().forEach(t -> items.add(Item.of("Adoption: " + t, null, Tone.WARNING)));
            risks.stakeholderChanges().forEach(t -> items.add(Item.of("Stakeholders: " + t, null, Tone.BAD)));
            risks.voiceOfCustomer().forEach(t -> items.add(Item.of("Sentiment: " + t, null, Tone.BAD)));
            blocks.add(new ReplyBlock.Items(items));
        }

        blocks.add(new ReplyBlock.Heading(PLAN));
        blocks.add(new ReplyBlock.Items(brief.plan().stream()
                .map(p -> Item.of(p.what(), "Owner " + Formats.owner(p.owner()) + " · due " + p.due() + " · why: "
                        + p.why(),
                        Tone.NEUTRAL))
                .toList()));

        blocks.add(new ReplyBlock.Heading(EXPANSION));
        blocks.add(new ReplyBlock.Notice(brief.expansion().proven() ? Tone.GOOD : Tone.NEUTRAL,
                brief.expansion().reason()));

        QbrBrief.Priority next = brief.plan().get(0);
        blocks.add(new ReplyBlock.Paragraph("Next milestone: " + next.what() + ". Owner: " + Formats.owner(next.owner())
                + ". Date: " + next.due() + "."));
        blocks.add(new ReplyBlock.Context(HealthAnswer.freshness(health)));
        blocks.add(new ReplyBlock.Actions(List.of(
                new Action(ActionIds.SHOW_HEALTH, "Health", account.id(), Tone.NEUTRAL),
                new Action(ActionIds.OPEN_ACCOUNT, "Account context", account.id(), Tone.NEUTRAL))));
        return Reply.answer("QBR brief: " + account.name(), blocks);
    }

    private static Item objective(SuccessPlanObjective o) {
        Tone tone = o.status() == ObjectiveStatus.DONE ? Tone.GOOD
                : o.status() == ObjectiveStatus.AT_RISK ? Tone.BAD : Tone.NEUTRAL;
        return Item.of(o.objective() + ": " + o.status().label(),
                o.metric() + ", target " + o.target() + ", due " + o.dueDate(), tone);
    }

    /**
     * A quarter with only part of its usage is said as such, and the quarters are not compared: 1 day of
     * events against 90 is no "+6067%".
     */
    private static java.util.Optional<ReplyBlock> partialData(QbrBrief.ValueProof value) {
        List<String> notes = new ArrayList<>();
        for (QbrBrief.Quarter quarter : List.of(value.lastQuarter(), value.thisQuarter())) {
            if (!quarter.complete()) {
                String which = quarter == value.thisQuarter() ? "This quarter" : "Last quarter";
                notes.add(quarter.hasData()
                        ? which + " (" + quarter.from() + " to " + quarter.to() + ") has usage data for only "
                                + quarter.daysCovered() + " of its " + quarter.days() + " days (from "
                                + quarter.firstDataDay().orElseThrow() + ")"
                        : which + " (" + quarter.from() + " to " + quarter.to() + ") has no usage data");
            }
        }
        if (notes.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ReplyBlock.Notice(Tone.WARNING, String.join("; ", notes)
                + ". The quarters are not compared until both have their data."));
    }

    private static List<Item> valueItems(QbrBrief.ValueProof value) {
        QbrBrief.Quarter now = value.thisQuarter();
        QbrBrief.Quarter before = value.lastQuarter();
        List<Item> items = new ArrayList<>();
        if (value.comparable()) {
            items.add(Item.of("Active users a day: " + compare(before.activeUsers(), now.activeUsers(), false)));
            items.add(Item.of("License utilization: " + compare(before.utilization(), now.utilization(), true)));
            items.add(Item.of("Key features in use: " + before.keyFeatures() + " last quarter -> " + now.keyFeatures()
                    + " this quarter"));
            items.add(Item.of("Events: " + String.format(Locale.ROOT, "%,d", before.events()) + " last quarter -> "
                    + String.format(Locale.ROOT, "%,d", now.events()) + " this quarter"
                    + change(before.events(), now.events())));
        } else if (now.hasData()) {
            String span = now.complete() ? " this quarter" : " in the " + now.daysCovered() + " days with data";
            items.add(Item.of("Active users a day: " + show(now.activeUsers(), false) + span));
            items.add(Item.of("License utilization: " + show(now.utilization(), true) + span));
            items.add(Item.of("Key features in use: " + now.keyFeatures() + span));
            items.add(Item.of("Events: " + String.format(Locale.ROOT, "%,d", now.events()) + span));
        }
        if (value.keyWins().isEmpty()) {
            items.add(Item.of("Key wins: none on record this quarter (no objective achieved, no measured gain)", null,
                    Tone.WARNING));
        } else {
            value.keyWins().forEach(win -> items.add(Item.of("Win: " + win, null, Tone.GOOD)));
        }
        value.advocacy().forEach(promoter -> items.add(Item.of(promoter, null, Tone.GOOD)));
        return items;
    }

    private static String compare(OptionalDouble before, OptionalDouble after, boolean asPercent) {
        String delta = before.isPresent() && after.isPresent()
                ? change(before.getAsDouble(), after.getAsDouble()) : "";
        return show(before, asPercent) + " last quarter -> " + show(after, asPercent) + " this quarter" + delta;
    }

    private static String show(OptionalDouble value, boolean asPercent) {
        if (value.isEmpty()) {
            return "no data";
        }
        return asPercent ? Formats.percent(value.getAsDouble()) : String.valueOf(Math.round(value.getAsDouble()));
    }

    private static String change(double before, double after) {
        if (before == 0) {
            return "";
        }
        long percent = Math.round((after - before) / before * 100);
        return percent == 0 ? " (flat)" : " (" + (percent > 0 ? "+" : "") + percent + "%)";
    }
}
