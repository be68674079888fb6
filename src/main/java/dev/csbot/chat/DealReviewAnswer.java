package dev.csbot.chat;

import dev.csbot.account.Contact;
import dev.csbot.chat.ReplyBlock.Action;
import dev.csbot.chat.ReplyBlock.Fact;
import dev.csbot.chat.ReplyBlock.Item;
import dev.csbot.chat.ReplyBlock.Tone;
import dev.csbot.review.DealReview;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The reply to {@code /account}: the context sales and product need in a deal review. */
final class DealReviewAnswer {

    private DealReviewAnswer() {}

    static Reply of(DealReview review) {
        var health = review.health();
        var account = health.account();
        var today = health.asOf();
        List<ReplyBlock> blocks = new ArrayList<>();
        blocks.add(new ReplyBlock.Facts(List.of(
                new Fact("ARR", Formats.money(account.arr())),
                new Fact("Segment", account.segment().label()),
                new Fact("Stage", account.lifecycleStage().label()),
                new Fact("Renewal", Formats.dateWithDistance(account.renewalDate(), today)),
                new Fact("CSM", Formats.owner(account.csmEmail())),
                new Fact("Health", Formats.scoreWithCap(health) + ", " + Formats.trend(health)),
                new Fact("Seats", String.valueOf(account.seatsPurchased())),
                new Fact("Customer since", account.contractStart().toString()))));
        HealthAnswer.heldBy(health).ifPresent(blocks::add);
        Formats.mainRisk(health).ifPresent(risk -> blocks.add(new ReplyBlock.Paragraph("Main risk: " + risk)));

        blocks.add(new ReplyBlock.Heading("Stakeholders"));
        List<Item> people = new ArrayList<>();
        people.add(review.champions().isEmpty() ? Item.of("Champion: none in place", null, Tone.BAD)
                : Item.of("Champion: " + names(review.champions()), null, Tone.GOOD));
        people.add(review.sponsors().isEmpty() ? Item.of("Executive sponsor: none in place", null, Tone.WARNING)
                : Item.of("Executive sponsor: " + names(review.sponsors()), null, Tone.GOOD));
        for (Contact gone : review.departed()) {
            people.add(Item.of("Left: " + gone.name() + " (" + gone.title() + ") on " + gone.leftOn().orElseThrow()
                    + (gone.champion() ? ", was champion" : gone.execSponsor() ? ", was executive sponsor" : ""),
                    null, gone.champion() || gone.execSponsor() ? Tone.BAD : Tone.NEUTRAL));
        }
        blocks.add(new ReplyBlock.Items(people));

        blocks.add(new ReplyBlock.Heading("Open urgent and high tickets"));
        if (review.openUrgentTickets().isEmpty()) {
            blocks.add(new ReplyBlock.Paragraph("None."));
        } else {
            blocks.add(new ReplyBlock.Items(review.openUrgentTickets().stream()
                    .map(t -> Item.of((t.severity() == 1 ? "Urgent " : "High ") + t.id() + ": " + t.subject(),
                            "open since " + Formats.dateWithDistance(t.openedOn(), today), Tone.BAD))
                    .toList()));
        }

        blocks.add(new ReplyBlock.Heading("Latest feedback"));
        review.latestFeedback().ifPresentOrElse(feedback -> {
            blocks.add(new ReplyBlock.Paragraph(feedback.kind().label().toUpperCase(Locale.ROOT) + " "
                    + feedback.score() + " on " + feedback.date() + (feedback.detractor() ? " (detractor)" : "")));
            feedback.comment().ifPresent(comment -> blocks.add(new ReplyBlock.Quote(comment,
                    feedback.contactEmail() + ", " + feedback.date())));
        }, () -> blocks.add(new ReplyBlock.Paragraph("No survey responses on record.")));

        blocks.add(new ReplyBlock.Heading("Success plan"));
        if (review.objectives().isEmpty()) {
            blocks.add(new ReplyBlock.Paragraph("No success plan on record."));
        } else {
            blocks.add(new ReplyBlock.Items(review.objectives().stream()
                    .map(o -> Item.of(o.objective() + ": " + o.status().label(), "due " + o.dueDate(),
                            switch (o.status()) {
                                case DONE -> Tone.GOOD;
                                case AT_RISK -> Tone.BAD;
                                case ON_TRACK -> Tone.NEUTRAL;
                            }))
                    .toList()));
        }

        List<Fact> more = new ArrayList<>();
        more.add(new Fact("Last QBR", review.lastQbr().map(m -> Formats.dateWithDistance(m.date(), today)
                + (m.execAttended() ? ", executive attended" : "")).orElse("none on record")));
        more.add(new Fact("Open alerts", review.openAlerts().isEmpty() ? "none"
                : review.openAlerts().stream().map(a -> a.summary()).collect(Collectors.joining("; "))));
        blocks.add(new ReplyBlock.Facts(more));
        blocks.add(new ReplyBlock.Context(HealthAnswer.freshness(health)));
        blocks.add(new ReplyBlock.Actions(List.of(
                new Action(ActionIds.SHOW_HEALTH, "Health", account.id(), Tone.NEUTRAL),
                new Action(ActionIds.OPEN_QBR, "Open QBR", account.id(), Tone.NEUTRAL))));
        return Reply.answer("Account context: " + account.name(), blocks);
    }

    private static String names(List<Contact> contacts) {
        return contacts.stream().map(c -> c.name() + " (" + c.title() + ")").collect(Collectors.joining(", "));
    }
}
