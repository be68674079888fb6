package dev.csbot.cli;

import dev.csbot.chat.Reply;
import dev.csbot.chat.ReplyBlock;
import dev.csbot.chat.Sparkline;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Plain text for the terminal: headings underlined, facts aligned, buttons listed as hints. */
@Component
class TextReplyFormat implements ReplyFormat {

    @Override
    public String name() {
        return "text";
    }

    @Override
    public String render(Reply reply) {
        StringBuilder out = new StringBuilder(reply.title()).append('\n');
        out.append("=".repeat(Math.min(72, reply.title().length()))).append('\n');
        for (ReplyBlock block : reply.blocks()) {
            render(block, out);
        }
        return out.toString();
    }

    // Java 17 has no pattern switch yet; the final else keeps a new block type from passing unseen.
    private static void render(ReplyBlock block, StringBuilder out) {
        if (block instanceof ReplyBlock.Heading h) {
            out.append('\n').append(h.text()).append('\n').append("-".repeat(Math.min(72, h.text().length())))
                    .append('\n');
        } else if (block instanceof ReplyBlock.Paragraph p) {
            out.append(p.text()).append('\n');
        } else if (block instanceof ReplyBlock.Facts f) {
            int width = f.facts().stream().mapToInt(x -> x.label().length()).max().orElse(0);
            for (ReplyBlock.Fact fact : f.facts()) {
                out.append(String.format("%-" + width + "s  %s%n", fact.label(), fact.value()));
            }
        } else if (block instanceof ReplyBlock.Items items) {
            for (ReplyBlock.Item item : items.items()) {
                out.append(marker(item.tone())).append(' ').append(item.text()).append('\n');
                item.detail().ifPresent(d -> out.append("    ").append(d).append('\n'));
            }
        } else if (block instanceof ReplyBlock.Trend t) {
            out.append(t.label()).append(": ").append(t.fromLabel()).append(' ').append(Sparkline.of(t.points(), t.scale()))
                    .append(' ').append(t.toLabel()).append('\n');
        } else if (block instanceof ReplyBlock.Quote q) {
            out.append("  \"").append(q.text().replace("\n", "\n   ")).append("\"\n    (").append(q.attribution())
                    .append(")\n");
        } else if (block instanceof ReplyBlock.Notice n) {
            out.append("! ").append(n.text()).append('\n');
        } else if (block instanceof ReplyBlock.Context c) {
            out.append(String.join(" · ", c.lines())).append('\n');
        } else if (block instanceof ReplyBlock.Actions a) {
            out.append("Next: ").append(a.actions().stream().map(ReplyBlock.Action::label)
                    .collect(Collectors.joining(" | "))).append('\n');
        } else if (block instanceof ReplyBlock.Form form) {
            out.append(form.title()).append('\n');
            for (ReplyBlock.FormField field : form.fields()) {
                out.append("  [").append(field.label()).append(field.kind() == ReplyBlock.FieldKind.SCALE
                        ? " (" + field.min() + "-" + field.max() + ")" : "").append("]\n");
            }
        } else {
            throw new IllegalArgumentException("no text rendering for " + block.getClass().getSimpleName());
        }
    }

    private static char marker(ReplyBlock.Tone tone) {
        return switch (tone) {
            case GOOD -> '+';
            case WARNING -> '~';
            case BAD -> '-';
            case NEUTRAL -> '*';
        };
    }

}
