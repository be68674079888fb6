package dev.csbot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.BlockElements;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.Views;
import dev.csbot.chat.Reply;
import dev.csbot.chat.ReplyBlock;
import dev.csbot.chat.Sparkline;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the core's channel-neutral {@link Reply} into Block Kit. A pure function: no I/O, no state.
 *
 * <p>Every string from the reply is escaped ({@code &}, {@code <}, {@code >}) and every mrkdwn object is
 * {@code verbatim}, so no text can become a mention, a channel broadcast or a link. Block Kit's limits
 * are respected by splitting, never by silent truncation: a long answer becomes several pages (messages),
 * each marked "part i of n", at most {@link #MAX_MESSAGES} of them (Slack takes five posts to a
 * {@code response_url}); what does not fit in those is left out with a note that says so, and where
 * something must be shortened (a button label), the ellipsis says so. Rendering stops where the last page
 * is full, so a huge reply costs no more than three messages' worth of work.
 */
public final class SlackBlockKitRenderer {

    // Block Kit limits (see src/test/resources/conformance/slack/blockkit/limits.json).
    static final int MESSAGE_BLOCKS = 50;
    static final int HOME_BLOCKS = 100;
    static final int TEXT_OBJECT = 3000;
    static final int SECTION_FIELDS = 10;
    static final int FIELD_TEXT = 2000;
    static final int HEADER_TEXT = 150;
    static final int BUTTON_TEXT = 75;
    static final int BUTTON_VALUE = 2000;
    static final int ACTION_ID = 255;
    static final int ACTIONS_ELEMENTS = 25;
    static final int CONTEXT_ELEMENTS = 10;
    /** Slack rejects messages whose blocks hold much more than ~13,200 characters (msg_blocks_too_long). */
    static final int MESSAGE_CHARS = 11_000;
    /** Fallback text: Slack truncates beyond 40,000; a notification needs far less. */
    static final int FALLBACK_TEXT = 3000;
    /** Blocks kept free on every page for the adapter (share button, "part i of n"). */
    static final int RESERVED_BLOCKS = 3;
    static final int SPARKLINE_POINTS = 60;
    /** The most messages one reply becomes; long lists page with buttons instead (as /risks does). */
    public static final int MAX_MESSAGES = 3;
    /** Room kept on the last page for the note that the rest was left out. */
    static final int CUT_NOTE_CHARS = 400;
    static final String CUT_NOTE = ":warning: This answer is longer than csbot posts at once (" + MAX_MESSAGES
            + " messages): the rest is left out. Ask for less, for example a smaller /risks limit.";
    static final String HOME_CUT_NOTE = ":information_source: This list is longer than the Home tab can show: it"
            + " stops here. Run /risks or /account in any channel for the rest.";

    /** How much one page may hold. */
    record Budget(int blocks, int chars) {
        static final Budget MESSAGE = new Budget(MESSAGE_BLOCKS - RESERVED_BLOCKS, MESSAGE_CHARS);
        static final Budget HOME = new Budget(HOME_BLOCKS - RESERVED_BLOCKS, 60_000);
    }

    /** The reply as one to {@link #MAX_MESSAGES} messages, each within Block Kit's message limits. */
    public List<SlackMessage> renderMessages(Reply reply) {
        List<Page> pages = paginate(reply, Budget.MESSAGE, MAX_MESSAGES, CUT_NOTE);
        List<SlackMessage> messages = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            SlackMessage page = pages.get(i).message(i == 0 ? reply.title()
                    : reply.title() + " (part " + (i + 1) + " of " + pages.size() + ")");
            if (pages.size() > 1) {
                page = page.plus(List.of(contextLine("Part " + (i + 1) + " of " + pages.size()
                        + (i + 1 < pages.size() ? ": continued in the next message" : ""))));
            }
            messages.add(page);
        }
        return List.copyOf(messages);
    }

    /** The first message, for callers that can only send one (with a visible note if more exist). */
    public SlackMessage renderMessage(Reply reply) {
        return renderMessages(reply).get(0);
    }

    /** The reply as an App Home view (up to 100 blocks); anything beyond is announced, not dropped silently. */
    public View renderHome(Reply reply) {
        List<LayoutBlock> blocks = paginate(reply, Budget.HOME, 1, HOME_CUT_NOTE).get(0).blocks();
        return Views.view(v -> v.type("home").blocks(blocks));
    }

    /** One page's blocks, each with its JSON (measured for the budget, kept for the acknowledgement). */
    record Page(List<LayoutBlock> blocks, List<String> json) {
        SlackMessage message(String title) {
            return new SlackMessage(fallbackText(title), blocks, json);
        }
    }

    /**
     * Renders the blocks in order and packs them into at most {@code maxPages} pages within the budget. When
     * the last page is full, rendering stops there and {@code cutNote} ends that page.
     */
    List<Page> paginate(Reply reply, Budget budget, int maxPages, String cutNote) {
        List<Page> pages = new ArrayList<>();
        Page page = new Page(new ArrayList<>(), new ArrayList<>());
        int chars = 0;
        boolean cut = false;
        // The title, then one reply block at a time, so nothing past the last page is ever rendered.
        for (int i = -1; i < reply.blocks().size() && !cut; i++) {
            List<LayoutBlock> rendered = i < 0 ? title(reply.title()) : reply.blocks().get(i).accept(BLOCKS);
            for (LayoutBlock block : rendered) {
                // The serialised size is what Slack's message ceiling sees.
                String json = SlackPayloads.json(block);
                boolean lastPage = pages.size() == maxPages - 1;
                int blockLimit = budget.blocks() - (lastPage ? 1 : 0);
                int charLimit = budget.chars() - (lastPage ? CUT_NOTE_CHARS : 0);
                if (!page.blocks().isEmpty() && (page.blocks().size() + 1 > blockLimit
                        || chars + json.length() > charLimit)) {
                    if (lastPage) {
                        cut = true;
                        break;
                    }
                    pages.add(page);
                    page = new Page(new ArrayList<>(), new ArrayList<>());
                    chars = 0;
                }
                page.blocks().add(block);
                page.json().add(json);
                chars += json.length();
            }
        }
        if (cut) {
            LayoutBlock note = contextLine(cutNote);
            page.blocks().add(note);
            page.json().add(SlackPayloads.json(note));
        }
        pages.add(page);
        return pages;
    }

    /** Block Kit for each kind of reply block; a new kind does not compile until it has one. */
    private final ReplyBlock.Visitor<List<LayoutBlock>> BLOCKS = new ReplyBlock.Visitor<>() {
        @Override
        public List<LayoutBlock> heading(ReplyBlock.Heading heading) {
            return SlackBlockKitRenderer.this.heading(heading);
        }

        @Override
        public List<LayoutBlock> paragraph(ReplyBlock.Paragraph paragraph) {
            return SlackBlockKitRenderer.this.paragraph(paragraph);
        }

        @Override
        public List<LayoutBlock> facts(ReplyBlock.Facts facts) {
            return SlackBlockKitRenderer.this.facts(facts);
        }

        @Override
        public List<LayoutBlock> items(ReplyBlock.Items items) {
            return SlackBlockKitRenderer.this.items(items);
        }

        @Override
        public List<LayoutBlock> trend(ReplyBlock.Trend trend) {
            return SlackBlockKitRenderer.this.trend(trend);
        }

        @Override
        public List<LayoutBlock> quote(ReplyBlock.Quote quote) {
            return SlackBlockKitRenderer.this.quote(quote);
        }

        @Override
        public List<LayoutBlock> notice(ReplyBlock.Notice notice) {
            return SlackBlockKitRenderer.this.notice(notice);
        }

        @Override
        public List<LayoutBlock> context(ReplyBlock.Context context) {
            return smallPrint(context);
        }

        @Override
        public List<LayoutBlock> actions(ReplyBlock.Actions actions) {
            return actionBlocks(actions.actions());
        }

        @Override
        public List<LayoutBlock> form(ReplyBlock.Form form) {
            return SlackBlockKitRenderer.this.form(form);
        }
    };

    /** One reply block as Block Kit blocks. */
    List<LayoutBlock> blocks(ReplyBlock block) {
        return block.accept(BLOCKS);
    }

    List<LayoutBlock> title(String title) {
        if (title == null || title.isBlank()) {
            return List.of();
        }
        if (title.length() <= HEADER_TEXT) {
            return List.of(header(h -> h.text(plainText(title, true))));
        }
        // Too long for a header: shorten it visibly there and show it whole just below.
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(shorten(title, HEADER_TEXT), true))));
        blocks.addAll(mrkdwnSections(escape(title)));
        return blocks;
    }

    List<LayoutBlock> heading(ReplyBlock.Heading heading) {
        return mrkdwnSections(bold(heading.text()));
    }

    List<LayoutBlock> paragraph(ReplyBlock.Paragraph paragraph) {
        return mrkdwnSections(escape(paragraph.text()));
    }

    /** Label/value pairs as section fields: at most ten per section, each field within 2,000 characters. */
    List<LayoutBlock> facts(ReplyBlock.Facts facts) {
        List<LayoutBlock> blocks = new ArrayList<>();
        List<TextObject> fields = new ArrayList<>();
        for (ReplyBlock.Fact fact : facts.facts()) {
            String label = bold(fact.label());
            for (String chunk : split(escape(fact.value()), FIELD_TEXT - label.length() - 1)) {
                fields.add(mrkdwn(label + "\n" + chunk));
                if (fields.size() == SECTION_FIELDS) {
                    List<TextObject> full = List.copyOf(fields);
                    blocks.add(section(s -> s.fields(full)));
                    fields.clear();
                }
            }
        }
        if (!fields.isEmpty()) {
            List<TextObject> rest = List.copyOf(fields);
            blocks.add(section(s -> s.fields(rest)));
        }
        return blocks;
    }

    /** A bulleted list packed into as few sections as the 3,000-character limit allows. */
    List<LayoutBlock> items(ReplyBlock.Items items) {
        List<String> lines = new ArrayList<>();
        for (ReplyBlock.Item item : items.items()) {
            StringBuilder line = new StringBuilder(toneEmoji(item.tone())).append(' ').append(escape(item.text()));
            item.detail().filter(d -> !d.isBlank()).ifPresent(d -> line.append("\n        ").append(escape(d)));
            lines.add(line.toString());
        }
        return packLines(lines);
    }

    /** A compact sparkline with the ends labelled and the latest value. */
    List<LayoutBlock> trend(ReplyBlock.Trend trend) {
        List<Double> points = trend.points();
        String note = "";
        if (points.size() > SPARKLINE_POINTS) {
            points = downsample(points, SPARKLINE_POINTS);
            note = " (" + trend.points().size() + " points, averaged to " + SPARKLINE_POINTS + ")";
        }
        String last = trend.points().isEmpty() ? "no data" : formatNumber(trend.points().get(trend.points().size() - 1));
        String text = bold(trend.label()) + "\n" + escape(trend.fromLabel()) + " `" + (points.isEmpty() ? "-" : Sparkline.of(points, trend.scale())) + "` "
                + escape(trend.toLabel()) + " (now " + last + ")" + note;
        return mrkdwnSections(text);
    }

    /**
     * Customer text, as a quotation in {@code plain_text} (emoji off): Slack formats nothing in plain text, so no
     * {@code *}, {@code _}, {@code ~} or backtick formats, and no {@code <!channel>}, {@code <@U123>} or
     * {@code <https://...|link>} notifies or links; bare web addresses are defused too ({@link #inert}).
     */
    List<LayoutBlock> quote(ReplyBlock.Quote quote) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (String chunk : split(inert("“" + quote.text().strip() + "”"), TEXT_OBJECT)) {
            blocks.add(section(s -> s.text(plainText(p -> p.text(chunk).emoji(false)))));
        }
        if (quote.attribution() != null && !quote.attribution().isBlank()) {
            blocks.add(Blocks.context(List.<ContextBlockElement>of(plainText(p -> p.text(shorten(inert("— "
                    + quote.attribution()), TEXT_OBJECT)).emoji(false)))));
        }
        return blocks;
    }

    /**
     * Text that came from a customer, for a {@code plain_text} object: a word joiner after each "://" so that no
     * client turns a web address into a link. Nothing else is needed: plain text has no markup to escape.
     */
    static String inert(String text) {
        return text == null ? "" : text.replace("://", ":\u2060//");
    }

    List<LayoutBlock> notice(ReplyBlock.Notice notice) {
        String emoji = notice.tone() == ReplyBlock.Tone.NEUTRAL ? ":information_source:" : toneEmoji(notice.tone());
        return mrkdwnSections(emoji + " " + escape(notice.text()));
    }

    /** Small print: up to ten elements per context block (extra lines share the last element). */
    List<LayoutBlock> smallPrint(ReplyBlock.Context context) {
        List<String> lines = context.lines().stream().map(SlackBlockKitRenderer::escape).toList();
        if (lines.isEmpty()) {
            return List.of();
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        List<ContextBlockElement> elements = new ArrayList<>();
        for (String line : lines) {
            for (String chunk : split(line, TEXT_OBJECT)) {
                if (elements.size() == CONTEXT_ELEMENTS) {
                    List<ContextBlockElement> full = List.copyOf(elements);
                    blocks.add(Blocks.context(c -> c.elements(full)));
                    elements.clear();
                }
                elements.add(mrkdwn(chunk));
            }
        }
        List<ContextBlockElement> rest = List.copyOf(elements);
        blocks.add(Blocks.context(c -> c.elements(rest)));
        return blocks;
    }

    /**
     * Buttons, at most 25 per actions block and never the same action id twice in one block (Slack rejects
     * duplicates), so a list with an "Open account" button per row still renders.
     */
    List<LayoutBlock> actionBlocks(List<ReplyBlock.Action> actions) {
        List<LayoutBlock> blocks = new ArrayList<>();
        List<BlockElement> elements = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ReplyBlock.Action action : actions) {
            if (elements.size() == ACTIONS_ELEMENTS || ids.contains(action.id())) {
                blocks.add(actions(List.copyOf(elements)));
                elements.clear();
                ids.clear();
            }
            elements.add(buttonFor(action));
            ids.add(action.id());
        }
        if (!elements.isEmpty()) {
            blocks.add(actions(List.copyOf(elements)));
        }
        return blocks;
    }

    ButtonElement buttonFor(ReplyBlock.Action action) {
        if (action.id().length() > ACTION_ID) {
            throw new IllegalArgumentException("action id longer than " + ACTION_ID + ": " + action.id());
        }
        if (action.value() != null && action.value().length() > BUTTON_VALUE) {
            // The value is what the button carries back; cutting it would change its meaning.
            throw new IllegalArgumentException("button value longer than " + BUTTON_VALUE + " for " + action.id());
        }
        String style = switch (action.tone()) {
            case GOOD -> "primary";
            case BAD -> "danger";
            case NEUTRAL, WARNING -> null;
        };
        return button(b -> b.actionId(action.id())
                .text(plainText(shorten(action.label(), BUTTON_TEXT), true))
                .value(action.value())
                .style(style));
    }

    /**
     * A form inside a message (where a modal cannot be opened): its description and a button carrying the opaque
     * token. Slack opens forms as modals ({@link #modal}); this is what a message shows of one.
     */
    List<LayoutBlock> form(ReplyBlock.Form form) {
        List<String> lines = new ArrayList<>();
        lines.add(bold(form.title()));
        for (ReplyBlock.FormField field : form.fields()) {
            String scale = field.kind() == ReplyBlock.FieldKind.SCALE ? " (" + field.min() + "-" + field.max() + ")" : "";
            lines.add("• " + escape(field.label()) + scale + (field.required() ? "" : " (optional)"));
        }
        List<LayoutBlock> blocks = new ArrayList<>(packLines(lines));
        blocks.addAll(actionBlocks(List.of(new ReplyBlock.Action(form.id(), form.submitLabel(), form.token(),
                ReplyBlock.Tone.GOOD))));
        return blocks;
    }

    // ---- modals --------------------------------------------------------------------------------------

    /** The {@code callback_id} of every csbot form modal; {@code private_metadata} says which form it is. */
    public static final String FORM_CALLBACK = "feedback-form";
    /** Every input's {@code action_id}; its {@code block_id} is the form field's id. */
    public static final String INPUT_ACTION = "value";
    static final int MODAL_TITLE = 24;
    static final int MODAL_BLOCKS = 100;
    static final int PRIVATE_METADATA = 3000;
    static final int INPUT_LABEL = 2000;
    static final int OPTION_TEXT = 75;
    static final int STATIC_SELECT_OPTIONS = 100;

    /**
     * A form as a modal ({@code views.open}, or a {@code response_action: update} to its next step): one input
     * block per field, {@code block_id} the field id, so that field errors come back by field id. A score is a
     * {@code static_select} of every point of its scale (labels beside the labelled ones), text a multi-line
     * {@code plain_text_input} within its length, a checkbox one {@code checkboxes} option. Every label is
     * {@code plain_text}: nothing in a modal formats or mentions.
     *
     * @param privateMetadata what the submission needs back (form, token, conversation); at most 3,000 characters
     */
    public View modal(ReplyBlock.Form form, String privateMetadata) {
        if (privateMetadata.length() > PRIVATE_METADATA) {
            throw new IllegalArgumentException("private_metadata longer than " + PRIVATE_METADATA + " characters");
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        for (ReplyBlock.FormField field : form.fields()) {
            if (blocks.size() == MODAL_BLOCKS) {
                throw new IllegalArgumentException("a form of more than " + MODAL_BLOCKS + " fields");
            }
            blocks.add(input(field));
        }
        return Views.view(v -> v.type("modal").callbackId(FORM_CALLBACK).privateMetadata(privateMetadata)
                .title(Views.viewTitle(t -> t.type("plain_text").text(shorten(form.title(), MODAL_TITLE))))
                .submit(Views.viewSubmit(t -> t.type("plain_text").text(shorten(form.submitLabel(), MODAL_TITLE))))
                .close(Views.viewClose(t -> t.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    private static LayoutBlock input(ReplyBlock.FormField field) {
        BlockElement element = switch (field.kind()) {
            case SCALE -> {
                java.util.Map<Integer, String> labels = new java.util.HashMap<>();
                field.scaleLabels().forEach(l -> labels.put(l.value(), l.label()));
                List<OptionObject> options = new ArrayList<>();
                for (int point = field.min(); point <= field.max() && options.size() < STATIC_SELECT_OPTIONS; point++) {
                    String label = labels.get(point);
                    String text = shorten(point + (label == null ? "" : " - " + label), OPTION_TEXT);
                    options.add(OptionObject.builder().text(plainText(text)).value(String.valueOf(point)).build());
                }
                yield BlockElements.staticSelect(e -> e.actionId(INPUT_ACTION).options(options)
                        .placeholder(plainText("Pick " + field.min() + " to " + field.max())));
            }
            case TEXT -> BlockElements.plainTextInput(e -> e.actionId(INPUT_ACTION).multiline(true)
                    .maxLength(field.maxLength() > 0 ? field.maxLength() : TEXT_OBJECT));
            case CHECKBOX -> BlockElements.checkboxes(e -> e.actionId(INPUT_ACTION).options(List.of(OptionObject.builder()
                    .text(plainText(shorten(field.label(), OPTION_TEXT))).value("true").build())));
        };
        return Blocks.input(i -> i.blockId(field.id()).label(plainText(shorten(field.label(), INPUT_LABEL)))
                .optional(!field.required()).element(element));
    }

    /**
     * A reply shown in a modal in place of the form it answers (the thank-you, a refusal, what a change did): its
     * title as the modal's, its blocks as a message's, a Close button and nothing to submit.
     */
    public View resultModal(Reply reply) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (ReplyBlock block : reply.blocks()) {
            for (LayoutBlock rendered : block.accept(BLOCKS)) {
                if (blocks.size() < MODAL_BLOCKS) {
                    blocks.add(rendered);
                }
            }
        }
        if (blocks.isEmpty()) {
            blocks.addAll(mrkdwnSections(escape(reply.title())));
        }
        return Views.view(v -> v.type("modal").callbackId(FORM_CALLBACK)
                .title(Views.viewTitle(t -> t.type("plain_text").text(shorten(reply.title(), MODAL_TITLE))))
                .close(Views.viewClose(t -> t.type("plain_text").text("Close")))
                .blocks(blocks));
    }

    // ---- small helpers -------------------------------------------------------------------------------

    /** Escapes the three characters Slack's mrkdwn treats as control characters. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String bold(String text) {
        String escaped = escape(text).replace("*", "");
        return escaped.isBlank() ? escaped : "*" + escaped + "*";
    }

    static MarkdownTextObject mrkdwn(String text) {
        // verbatim: Slack must not turn bare URLs, #channels or @names into links or mentions.
        return markdownText(m -> m.text(text).verbatim(true));
    }

    static LayoutBlock contextLine(String escapedText) {
        return Blocks.context(List.<ContextBlockElement>of(mrkdwn(escapedText)));
    }

    /** Already-escaped mrkdwn text as one or more sections of at most 3,000 characters. */
    static List<LayoutBlock> mrkdwnSections(String text) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (String chunk : split(text, TEXT_OBJECT)) {
            blocks.add(section(s -> s.text(mrkdwn(chunk))));
        }
        return blocks;
    }

    /** Lines packed into sections of at most 3,000 characters; a longer line is split across sections. */
    static List<LayoutBlock> packLines(List<String> lines) {
        List<LayoutBlock> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            for (String chunk : split(line, TEXT_OBJECT)) {
                if (current.length() > 0 && current.length() + 1 + chunk.length() > TEXT_OBJECT) {
                    blocks.addAll(mrkdwnSections(current.toString()));
                    current.setLength(0);
                }
                if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(chunk);
            }
        }
        if (current.length() > 0) {
            blocks.addAll(mrkdwnSections(current.toString()));
        }
        return blocks;
    }

    /**
     * Splits already-escaped text into chunks of at most {@code max} characters, preferring line breaks and
     * spaces, never cutting an entity such as {@code &amp;} in two. Nothing is dropped.
     */
    static List<String> split(String text, int max) {
        if (text.isEmpty()) {
            return List.of(" ");
        }
        // One pass: each chunk looks back at most max/2 characters for a break, and nothing is copied twice.
        List<String> chunks = new ArrayList<>();
        int start = 0;
        while (text.length() - start > max) {
            int limit = start + max;
            int earliest = start + max / 2;
            int cut = lastIndexOf(text, '\n', limit, earliest);
            if (cut < 0) {
                cut = lastIndexOf(text, ' ', limit, earliest);
            }
            if (cut < 0) {
                cut = limit;
                int amp = lastIndexOf(text, '&', cut - 1, cut - 4);
                // An entity (&amp; &lt; &gt;) is at most five characters: keep one that straddles the cut whole.
                int semicolon = amp < 0 ? -1 : indexOf(text, ';', amp, amp + 4);
                if (amp > start && semicolon >= cut) {
                    cut = amp;
                }
            }
            chunks.add(text.substring(start, cut));
            start = cut;
            while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
        }
        if (start < text.length()) {
            chunks.add(text.substring(start));
        }
        return chunks;
    }

    /** The first {@code c} at or after {@code from} and not after {@code latest}, or -1. */
    private static int indexOf(String text, char c, int from, int latest) {
        for (int i = Math.max(0, from); i <= Math.min(latest, text.length() - 1); i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** The last {@code c} at or before {@code from} and not before {@code earliest}, or -1. */
    private static int lastIndexOf(String text, char c, int from, int earliest) {
        for (int i = Math.min(from, text.length() - 1); i >= Math.max(0, earliest); i--) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** Shortens plain text to {@code max} characters with a visible ellipsis. */
    static String shorten(String text, int max) {
        String t = text == null || text.isBlank() ? "-" : text;
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }

    static String fallbackText(String title) {
        String escaped = escape(title == null ? "" : title);
        return escaped.length() <= FALLBACK_TEXT ? escaped : split(escaped, FALLBACK_TEXT - 1).get(0) + "…";
    }

    static String toneEmoji(ReplyBlock.Tone tone) {
        return switch (tone) {
            case GOOD -> ":large_green_circle:";
            case WARNING -> ":large_yellow_circle:";
            case BAD -> ":red_circle:";
            case NEUTRAL -> "•";
        };
    }

    static List<Double> downsample(List<Double> points, int target) {
        List<Double> out = new ArrayList<>(target);
        for (int i = 0; i < target; i++) {
            int from = (int) ((long) i * points.size() / target);
            int to = (int) ((long) (i + 1) * points.size() / target);
            out.add(points.subList(from, Math.max(to, from + 1)).stream().mapToDouble(Double::doubleValue)
                    .average().orElse(0));
        }
        return out;
    }

    static String formatNumber(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format("%.1f", value);
    }
}
