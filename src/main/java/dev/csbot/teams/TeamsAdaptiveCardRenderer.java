package dev.csbot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csbot.chat.Reply;
import dev.csbot.chat.ReplyBlock;
import dev.csbot.chat.Sparkline;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Reply} as Adaptive Cards 1.5 (the newest version Teams renders), built as a Jackson tree.
 * A pure function: the same reply always gives the same cards. Every string is escaped for Teams markdown.
 * A reply too big for one Teams message becomes several cards ("part 1 of 3"), at most {@link #MAX_CARDS};
 * what does not fit in those is left out with a note that says so, never silently. Rendering stops once
 * that much is rendered, so a huge reply costs no more than three cards' worth of work.
 */
public final class TeamsAdaptiveCardRenderer {

    public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    public static final String VERSION = "1.5";

    /**
     * Budget for one card, in UTF-16 bytes of its JSON. Teams rejects messages over about 100 KB (UTF-16)
     * and older documentation said 40 KB; the card stays well under the stricter figure, leaving room for
     * the activity envelope.
     */
    public static final int MAX_CARD_UTF16_BYTES = 36 * 1024;

    /** Long paragraphs are cut at whitespace into blocks of at most this many characters. */
    static final int MAX_TEXT_BLOCK_CHARS = 2000;

    /** The most cards (messages) one reply becomes; long lists page with buttons instead (as /risks does). */
    public static final int MAX_CARDS = 3;

    static final String CUT_NOTE = "This answer is longer than csbot sends at once (" + MAX_CARDS
            + " cards): the rest is left out. Ask for less, for example a smaller risks limit.";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int maxCardBytes;

    public TeamsAdaptiveCardRenderer() {
        this(MAX_CARD_UTF16_BYTES);
    }

    /** A smaller budget lets tests exercise splitting without building huge replies. */
    TeamsAdaptiveCardRenderer(int maxCardBytes) {
        this.maxCardBytes = maxCardBytes;
    }

    /** The card contents (the {@code content} of each attachment), in the order they are to be sent. */
    public List<ObjectNode> render(Reply reply) {
        // Elements up to what MAX_CARDS cards can hold, and no further: beyond that nothing would be sent.
        List<ObjectNode> elements = new ArrayList<>();
        long bytes = 0;
        boolean more = false;
        for (int i = 0; i < reply.blocks().size() && !more; i++) {
            for (ObjectNode element : reply.blocks().get(i).accept(ELEMENTS)) {
                if (bytes > (long) MAX_CARDS * maxCardBytes) {
                    more = true;
                    break;
                }
                elements.add(element);
                bytes += utf16Bytes(element) + 2;
            }
        }
        if (!more) {
            ObjectNode single = card(reply.title(), elements, 1, 1);
            if (utf16Bytes(single) <= maxCardBytes) {
                return List.of(single);
            }
        }
        return split(reply.title(), elements, more);
    }

    /** One attachment as Teams expects it: content type plus the card. */
    public static ObjectNode attachment(ObjectNode card) {
        ObjectNode attachment = JSON.objectNode();
        attachment.put("contentType", CONTENT_TYPE);
        attachment.set("content", card);
        return attachment;
    }

    public static int utf16Bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node).length() * 2;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a card", e);
        }
    }

    /** @param leftOut whether elements beyond {@code elements} were left out already */
    private List<ObjectNode> split(String title, List<ObjectNode> elements, boolean leftOut) {
        List<List<ObjectNode>> parts = new ArrayList<>();
        List<ObjectNode> current = new ArrayList<>();
        // Reserve room for the title and the "part i of n" line; measured with a generous n.
        int overhead = utf16Bytes(card(title, List.of(), 999, 999));
        ObjectNode cutNote = note(CUT_NOTE);
        int noteSize = utf16Bytes(cutNote) + 2;
        int size = overhead;
        boolean cut = false;
        for (ObjectNode element : elements) {
            int elementSize = utf16Bytes(element) + 2;
            if (overhead + noteSize + elementSize > maxCardBytes) {
                throw new IllegalStateException("one card element is larger than a Teams message: "
                        + elementSize + " bytes");
            }
            boolean lastCard = parts.size() == MAX_CARDS - 1;
            int limit = maxCardBytes - (lastCard ? noteSize : 0);
            if (size + elementSize > limit && !current.isEmpty()) {
                if (lastCard) {
                    cut = true;
                    break;
                }
                parts.add(current);
                current = new ArrayList<>();
                size = overhead;
            }
            current.add(element);
            size += elementSize;
        }
        if (cut || leftOut) {
            current.add(cutNote);
        }
        parts.add(current);
        List<ObjectNode> cards = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            cards.add(card(title, parts.get(i), i + 1, parts.size()));
        }
        return cards;
    }

    private static ObjectNode card(String title, List<ObjectNode> elements, int part, int parts) {
        ObjectNode card = JSON.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", VERSION);
        ArrayNode body = card.putArray("body");
        ObjectNode heading = textBlock(title);
        heading.put("size", "Large");
        heading.put("weight", "Bolder");
        body.add(heading);
        if (parts > 1) {
            ObjectNode partLine = textBlock("Part " + part + " of " + parts);
            partLine.put("size", "Small");
            partLine.put("isSubtle", true);
            partLine.put("spacing", "None");
            body.add(partLine);
        }
        elements.forEach(body::add);
        return card;
    }

    /** Card elements for each kind of reply block; a new kind does not compile until it has one. */
    private static final ReplyBlock.Visitor<List<ObjectNode>> ELEMENTS = new ReplyBlock.Visitor<>() {
        @Override
        public List<ObjectNode> heading(ReplyBlock.Heading h) {
            ObjectNode heading = textBlock(h.text());
            heading.put("size", "Medium");
            heading.put("weight", "Bolder");
            heading.put("separator", true);
            heading.put("spacing", "Medium");
            return List.of(heading);
        }

        @Override
        public List<ObjectNode> paragraph(ReplyBlock.Paragraph p) {
            return chunks(p.text()).stream().map(TeamsAdaptiveCardRenderer::textBlock).toList();
        }

        @Override
        public List<ObjectNode> facts(ReplyBlock.Facts f) {
            if (f.facts().isEmpty()) {
                return List.of();
            }
            ObjectNode factSet = JSON.objectNode();
            factSet.put("type", "FactSet");
            ArrayNode facts = factSet.putArray("facts");
            for (ReplyBlock.Fact fact : f.facts()) {
                facts.addObject().put("title", TeamsMarkdown.escape(fact.label()))
                        .put("value", TeamsMarkdown.escape(fact.value()));
            }
            return List.of(factSet);
        }

        @Override
        public List<ObjectNode> items(ReplyBlock.Items items) {
            return items.items().stream().map(TeamsAdaptiveCardRenderer::item).toList();
        }

        @Override
        public List<ObjectNode> trend(ReplyBlock.Trend t) {
            ObjectNode trend = textBlock(t.label() + ": " + t.fromLabel() + " " + Sparkline.of(t.points(), t.scale()) + " "
                    + t.toLabel());
            trend.put("fontType", "Monospace");
            return List.of(trend);
        }

        @Override
        public List<ObjectNode> quote(ReplyBlock.Quote q) {
            ObjectNode container = container("emphasis");
            ArrayNode items = container.putArray("items");
            for (String chunk : chunks("“" + q.text() + "”")) {
                items.add(textBlock(chunk));
            }
            ObjectNode attribution = textBlock("— " + q.attribution());
            attribution.put("size", "Small");
            attribution.put("isSubtle", true);
            attribution.put("spacing", "None");
            items.add(attribution);
            return List.of(container);
        }

        @Override
        public List<ObjectNode> notice(ReplyBlock.Notice n) {
            ObjectNode container = container(containerStyle(n.tone()));
            ArrayNode items = container.putArray("items");
            for (String chunk : chunks(n.text())) {
                ObjectNode text = textBlock(chunk);
                String color = color(n.tone());
                if (color != null) {
                    text.put("color", color);
                }
                items.add(text);
            }
            return List.of(container);
        }

        @Override
        public List<ObjectNode> context(ReplyBlock.Context c) {
            if (c.lines().isEmpty()) {
                return List.of();
            }
            return chunks(String.join(" · ", c.lines())).stream().map(TeamsAdaptiveCardRenderer::note).toList();
        }

        @Override
        public List<ObjectNode> actions(ReplyBlock.Actions a) {
            if (a.actions().isEmpty()) {
                return List.of();
            }
            ObjectNode actionSet = JSON.objectNode();
            actionSet.put("type", "ActionSet");
            ArrayNode actions = actionSet.putArray("actions");
            for (ReplyBlock.Action action : a.actions()) {
                actions.add(submit(action.label(), action.id(), action.value()));
            }
            return List.of(actionSet);
        }

        @Override
        public List<ObjectNode> form(ReplyBlock.Form form) {
            return TeamsAdaptiveCardRenderer.form(form);
        }
    };

    /** One reply block as card elements. */
    static List<ObjectNode> elements(ReplyBlock block) {
        return block.accept(ELEMENTS);
    }

    /** Small print: subtle, small text. */
    private static ObjectNode note(String text) {
        ObjectNode note = textBlock(text);
        note.put("size", "Small");
        note.put("isSubtle", true);
        return note;
    }

    private static ObjectNode item(ReplyBlock.Item item) {
        ObjectNode container = JSON.objectNode();
        container.put("type", "Container");
        container.put("spacing", "Small");
        ArrayNode items = container.putArray("items");
        ObjectNode line = textBlock(marker(item.tone()) + " " + item.text());
        String color = color(item.tone());
        if (color != null) {
            line.put("color", color);
        }
        items.add(line);
        item.detail().ifPresent(detail -> {
            for (String chunk : chunks(detail)) {
                ObjectNode evidence = textBlock(chunk);
                evidence.put("size", "Small");
                evidence.put("isSubtle", true);
                evidence.put("spacing", "None");
                items.add(evidence);
            }
        });
        return container;
    }

    /**
     * A form as card inputs: a score as an {@code Input.ChoiceSet} of every point of its scale (labels beside the
     * labelled points), text as a multi-line {@code Input.Text} within its length, a checkbox as an
     * {@code Input.Toggle}; and one Action.Submit whose data names the form and carries its token. Teams merges
     * the inputs' values into that data, by input id, when it is pressed.
     */
    private static List<ObjectNode> form(ReplyBlock.Form form) {
        List<ObjectNode> out = new ArrayList<>();
        ObjectNode title = textBlock(form.title());
        title.put("weight", "Bolder");
        out.add(title);
        for (ReplyBlock.FormField field : form.fields()) {
            out.add(input(field));
        }
        ObjectNode actionSet = JSON.objectNode();
        actionSet.put("type", "ActionSet");
        ObjectNode submit = JSON.objectNode();
        submit.put("type", "Action.Submit");
        submit.put("title", plain(form.submitLabel()));
        submit.put("style", "positive");
        ObjectNode data = submit.putObject("data");
        data.put(TeamsFormData.FORM, form.id());
        data.put(TeamsFormData.TOKEN, form.token() == null ? "" : form.token());
        actionSet.putArray("actions").add(submit);
        out.add(actionSet);
        return out;
    }

    private static ObjectNode input(ReplyBlock.FormField field) {
        ObjectNode input = JSON.objectNode();
        input.put("id", field.id());
        switch (field.kind()) {
            case SCALE -> {
                input.put("type", "Input.ChoiceSet");
                input.put("label", plain(field.label()));
                input.put("style", "compact");
                input.put("placeholder", "Pick " + field.min() + " to " + field.max());
                java.util.Map<Integer, String> labels = new java.util.HashMap<>();
                field.scaleLabels().forEach(l -> labels.put(l.value(), l.label()));
                ArrayNode choices = input.putArray("choices");
                for (int point = field.min(); point <= field.max(); point++) {
                    String label = labels.get(point);
                    choices.addObject().put("title", point + (label == null ? "" : " - " + plain(label)))
                            .put("value", String.valueOf(point));
                }
                if (field.required()) {
                    input.put("errorMessage", "Pick a score from " + field.min() + " to " + field.max() + ".");
                }
            }
            case TEXT -> {
                input.put("type", "Input.Text");
                input.put("label", plain(field.label()));
                input.put("isMultiline", true);
                input.put("maxLength", field.maxLength() > 0 ? field.maxLength() : MAX_TEXT_BLOCK_CHARS);
                if (field.required()) {
                    input.put("errorMessage", "Please fill this in.");
                }
            }
            case CHECKBOX -> {
                input.put("type", "Input.Toggle");
                input.put("title", plain(field.label()));
                input.put("value", "false");
                input.put("valueOn", "true");
                input.put("valueOff", "false");
            }
            default -> throw new IllegalStateException("unknown field kind " + field.kind());
        }
        input.put("isRequired", field.required());
        return input;
    }

    /**
     * A plain Action.Submit: Teams posts a message activity whose {@code value} is this data (merged with
     * any inputs of the card), which the bot routes to the core as a button press.
     */
    private static ObjectNode submit(String label, String actionId, String value) {
        ObjectNode submit = JSON.objectNode();
        submit.put("type", "Action.Submit");
        submit.put("title", plain(label));
        ObjectNode data = submit.putObject("data");
        data.put(TeamsActionData.ACTION, actionId);
        data.put(TeamsActionData.VALUE, value == null ? "" : value);
        return submit;
    }

    private static ObjectNode textBlock(String text) {
        ObjectNode block = JSON.objectNode();
        block.put("type", "TextBlock");
        block.put("text", TeamsMarkdown.escape(text));
        block.put("wrap", true);
        return block;
    }

    private static ObjectNode container(String style) {
        ObjectNode container = JSON.objectNode();
        container.put("type", "Container");
        container.put("style", style);
        return container;
    }

    /** Button titles and input labels are not markdown: they only need to stay on one line. */
    private static String plain(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    /** Text cut at spaces into pieces of at most {@link #MAX_TEXT_BLOCK_CHARS}, in one pass (nothing copied twice). */
    static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        String all = text == null ? "" : text;
        int start = 0;
        while (all.length() - start > MAX_TEXT_BLOCK_CHARS) {
            int cut = start + MAX_TEXT_BLOCK_CHARS;
            // Look back for a space no further than this chunk's own start.
            int space = cut;
            while (space > start && all.charAt(space) != ' ') {
                space--;
            }
            if (space > start) {
                cut = space;
            }
            out.add(all.substring(start, cut));
            start = cut;
            while (start < all.length() && Character.isWhitespace(all.charAt(start))) {
                start++;
            }
        }
        out.add(all.substring(start));
        return out;
    }

    private static String marker(ReplyBlock.Tone tone) {
        switch (tone) {
            case GOOD:
                return "▲";
            case WARNING:
                return "◆";
            case BAD:
                return "▼";
            default:
                return "•";
        }
    }

    private static String color(ReplyBlock.Tone tone) {
        switch (tone) {
            case GOOD:
                return "Good";
            case WARNING:
                return "Warning";
            case BAD:
                return "Attention";
            default:
                return null;
        }
    }

    private static String containerStyle(ReplyBlock.Tone tone) {
        switch (tone) {
            case GOOD:
                return "good";
            case WARNING:
                return "warning";
            case BAD:
                return "attention";
            default:
                return "emphasis";
        }
    }

}
