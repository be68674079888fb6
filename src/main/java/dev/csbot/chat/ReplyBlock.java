package dev.csbot.chat;

import java.util.List;
import java.util.Optional;

/** The building blocks of a {@link Reply}. Renderers must handle every one (the switch is exhaustive). */
public sealed interface ReplyBlock {

    /** A section heading, e.g. "Drivers" or "1. Outcomes recap". */
    record Heading(String text) implements ReplyBlock {}

    /** A paragraph of plain text. */
    record Paragraph(String text) implements ReplyBlock {}

    /** Label/value pairs shown side by side: Score, Band, ARR, Renewal... */
    record Facts(List<Fact> facts) implements ReplyBlock {
        public Facts {
            facts = List.copyOf(facts);
        }
    }

    record Fact(String label, String value) {}

    /** A bulleted list; each item has a line of text and an optional detail line (the evidence). */
    record Items(List<Item> items) implements ReplyBlock {
        public Items {
            items = List.copyOf(items);
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
    }

    /** The fixed range a trend is drawn on. */
    record Scale(double min, double max) {}

    /** Text that came from a customer (a survey comment). Always shown as a quotation, always escaped. */
    record Quote(String text, String attribution) implements ReplyBlock {}

    /** Something the reader should not miss: stale data, a missing source, a held-back recommendation. */
    record Notice(Tone tone, String text) implements ReplyBlock {}

    /** Small print under the answer: owner, data freshness. */
    record Context(List<String> lines) implements ReplyBlock {
        public Context {
            lines = List.copyOf(lines);
        }
    }

    /** Buttons. Each action id is a stable kebab-case constant from {@link ActionIds}. */
    record Actions(List<Action> actions) implements ReplyBlock {
        public Actions {
            actions = List.copyOf(actions);
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
