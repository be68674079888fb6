package dev.csbot.chat;

import java.util.stream.Collectors;

/** A reply as plain lines, for assertions on what a reader would see whatever the channel. */
final class ReplyText {

    private ReplyText() {}

    static String of(Reply reply) {
        return reply.title() + "\n" + reply.blocks().stream().map(ReplyText::of).collect(Collectors.joining("\n"));
    }

    static String of(ReplyBlock block) {
        if (block instanceof ReplyBlock.Heading h) {
            return "# " + h.text();
        } else if (block instanceof ReplyBlock.Paragraph p) {
            return p.text();
        } else if (block instanceof ReplyBlock.Facts f) {
            return f.facts().stream().map(x -> x.label() + ": " + x.value()).collect(Collectors.joining("\n"));
        } else if (block instanceof ReplyBlock.Items i) {
            return i.items().stream().map(x -> x.text() + x.detail().map(d -> " | " + d).orElse(""))
                    .collect(Collectors.joining("\n"));
        } else if (block instanceof ReplyBlock.Trend t) {
            return t.label() + ": " + t.fromLabel() + " " + Sparkline.of(t.points(), t.scale()) + " " + t.toLabel();
        } else if (block instanceof ReplyBlock.Notice n) {
            return "! " + n.text();
        } else if (block instanceof ReplyBlock.Quote q) {
            return "> " + q.text();
        } else if (block instanceof ReplyBlock.Context c) {
            return String.join(" · ", c.lines());
        } else if (block instanceof ReplyBlock.Actions a) {
            return a.actions().stream().map(x -> "[" + x.id() + ":" + x.value() + "]").collect(Collectors.joining(" "));
        }
        return block.toString();
    }
}
