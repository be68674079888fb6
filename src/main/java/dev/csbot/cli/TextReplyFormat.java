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

    private static void render(ReplyBlock block, StringBuilder out) {
        block.accept(new Lines(out));
    }

    /** Plain text for each kind of reply block; a new kind does not compile until it has one. */
    private record Lines(StringBuilder out) implements ReplyBlock.Visitor<Void> {
        @Override
        public Void heading(ReplyBlock.Heading h) {
            out.append('\n').append(h.text()).append('\n').append("-".repeat(Math.min(72, h.text().length())))
                    .append('\n');
            return null;
        }

        @Override
        public Void paragraph(ReplyBlock.Paragraph p) {
            out.append(p.text()).append('\n');
            return null;
        }

        @Override
        public Void facts(ReplyBlock.Facts f) {
            int width = f.facts().stream().mapToInt(x -> x.label().length()).max().orElse(0);
            for (ReplyBlock.Fact fact : f.facts()) {
                out.append(fact.label()).append(" ".repeat(width - fact.label().length())).append("  ")
                        .append(fact.value()).append('\n');
            }
            return null;
        }

        @Override
        public Void items(ReplyBlock.Items items) {
            for (ReplyBlock.Item item : items.items()) {
                out.append(marker(item.tone())).append(' ').append(item.text()).append('\n');
                item.detail().ifPresent(d -> out.append("    ").append(d).append('\n'));
            }
            return null;
        }

        @Override
        public Void trend(ReplyBlock.Trend t) {
            out.append(t.label()).append(": ").append(t.fromLabel()).append(' ').append(Sparkline.of(t.points(), t.scale()))
                    .append(' ').append(t.toLabel()).append('\n');
            return null;
        }

        @Override
        public Void quote(ReplyBlock.Quote q) {
            out.append("  \"").append(q.text().replace("\n", "\n   ")).append("\"\n    (").append(q.attribution())
                    .append(")\n");
            return null;
        }

        @Override
        public Void notice(ReplyBlock.Notice n) {
            out.append("! ").append(n.text()).append('\n');
            return null;
        }

        @Override
        public Void context(ReplyBlock.Context c) {
            out.append(String.join(" · ", c.lines())).append('\n');
            return null;
        }

        @Override
        public Void actions(ReplyBlock.Actions a) {
            out.append("Next: ").append(a.actions().stream().map(ReplyBlock.Action::label)
                    .collect(Collectors.joining(" | "))).append('\n');
            return null;
        }

        @Override
        public Void form(ReplyBlock.Form form) {
            out.append(form.title()).append('\n');
            for (ReplyBlock.FormField field : form.fields()) {
                out.append("  [").append(field.label()).append(field.kind() == ReplyBlock.FieldKind.SCALE
                        ? " (" + field.min() + "-" + field.max() + ")" : "").append("]\n");
            }
            return null;
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
