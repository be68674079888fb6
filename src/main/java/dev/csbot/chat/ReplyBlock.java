package dev.csbot.chat;

import java.util.List;
import java.util.Optional;

/**
 * The building blocks of a {@link Reply}. Every renderer handles every one through a {@link Visitor}: a new
 * block type means a new visitor method, so a renderer that does not handle it does not compile.
 */
public sealed interface ReplyBlock {

    /** What a renderer implements: one method per block type. */
    interface Visitor<R> {
        R heading(Heading heading);

        R paragraph(Paragraph paragraph);

        R facts(Facts facts);

        R items(Items items);

        R trend(Trend trend);

        R quote(Quote quote);

        R notice(Notice notice);

        R context(Context context);

        R actions(Actions actions);

        R form(Form form);
    }

    /** Hands this block to the visitor's method for its type. */
    <R> R accept(Visitor<R> visitor);

    /** A section heading, e.g. "Drivers" or "1. Outcomes recap". */
    record Heading(String text) implements ReplyBlock {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.heading(this);
        }
    }

    /** A paragraph of plain text. */
    record Paragraph(String text) implements ReplyBlock {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.paragraph(this);
        }
    }

    /** Label/value pairs shown side by side: Score, Band, ARR, Renewal... */
    record Facts(List<Fact> facts) implements ReplyBlock {
        public Facts {
            facts = List.copyOf(facts);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.facts(this);
        }
    }

    record Fact(String label, String value) {}

    /** A bulleted list; each item has a line of text and an optional detail line (the evidence). */
    record Items(List<Item> items) implements ReplyBlock {
        public Items {
            items = List.copyOf(items);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.items(this);
        }
    }

    record Item(String text, Optional<String> detail, Tone tone) {
        public static Item of(String text) {
            return new Item(text, Optional.empty(), Tone.NEUTRAL);
        }

        public static Item of(String text, String detail, Tone tone) {
            return new Item(text, Optional.ofNullable(detail), tone);
        }
    }

    /**
     * A numeric series, oldest first (health score by week, say), with the labels of its ends. With a
     * scale it is drawn on that fixed range (a health score on 0-100, so 100 -> 98 stays a small step);
     * without one, from its own lowest to its highest point.
     */
    record Trend(String label, List<Double> points, String fromLabel, String toLabel, Optional<Scale> scale)
            implements ReplyBlock {
        public Trend {
            points = List.copyOf(points);
        }

        public Trend(String label, List<Double> points, String fromLabel, String toLabel) {
            this(label, points, fromLabel, toLabel, Optional.empty());
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.trend(this);
        }
    }

    /** The fixed range a trend is drawn on. */
    record Scale(double min, double max) {}

    /** Text that came from a customer (a survey comment). Always shown as a quotation, always escaped. */
    record Quote(String text, String attribution) implements ReplyBlock {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.quote(this);
        }
    }

    /** Something the reader should not miss: stale data, a missing source, a held-back recommendation. */
    record Notice(Tone tone, String text) implements ReplyBlock {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.notice(this);
        }
    }

    /** Small print under the answer: owner, data freshness. */
    record Context(List<String> lines) implements ReplyBlock {
        public Context {
            lines = List.copyOf(lines);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.context(this);
        }
    }

    /** Buttons. Each action id is a stable kebab-case constant from {@link ActionIds}. */
    record Actions(List<Action> actions) implements ReplyBlock {
        public Actions {
            actions = List.copyOf(actions);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.actions(this);
        }
    }

    /**
     * A button. {@code value} is what the button carries back (an account id, say); it is opaque to the
     * channel and small (under 150 characters, so it fits every channel's limit).
     */
    record Action(String id, String label, String value, Tone tone) {}

    /**
     * A form the reader fills in (feedback prompts): a modal in Slack, a card with inputs in Teams.
     * {@code token} identifies the prompt opaquely and comes back with the submission; {@code title} is short
     * (Slack shows at most 24 characters of a modal's title).
     */
    record Form(String id, String title, List<FormField> fields, String submitLabel, String token)
            implements ReplyBlock {
        public Form {
            fields = List.copyOf(fields);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.form(this);
        }
    }

    /**
     * One input of a form: a score on a scale (some points labelled, e.g. 0 "Not at all likely"), free text
     * of at most {@code maxLength} characters, or a checkbox (its value comes back as "true" or "false").
     */
    record FormField(String id, String label, FieldKind kind, int min, int max, boolean required,
            List<ScaleLabel> scaleLabels, int maxLength) {
        public FormField {
            scaleLabels = List.copyOf(scaleLabels);
        }

        public FormField(String id, String label, FieldKind kind, int min, int max, boolean required) {
            this(id, label, kind, min, max, required, List.of(), kind == FieldKind.TEXT ? 2000 : 0);
        }
    }

    /** The label of one point of a scale: 10, "Extremely likely". */
    record ScaleLabel(int value, String label) {}

    enum FieldKind {
        SCALE,
        TEXT,
        CHECKBOX
    }

    /** How a piece of the answer should look: good news, a warning, bad news, or neither. */
    enum Tone {
        NEUTRAL,
        GOOD,
        WARNING,
        BAD
    }
}
