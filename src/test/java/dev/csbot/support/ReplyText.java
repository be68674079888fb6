package dev.csbot.support;

import dev.csbot.chat.Reply;
import dev.csbot.chat.ReplyBlock;
import java.util.stream.Collectors;

/** A reply as one string, every block's text in order: what a test asserts a reader would see. */
public final class ReplyText {

    private ReplyText() {}

    public static String of(Reply reply) {
        return reply.title() + "\n" + reply.blocks().stream().map(ReplyText::of).collect(Collectors.joining("\n"));
    }

    public static String of(ReplyBlock block) {
        if (block instanceof ReplyBlock.Heading h) {
            return "# " + h.text();
        } else if (block instanceof ReplyBlock.Paragraph p) {
            return p.text();
        } else if (block instanceof ReplyBlock.Facts f) {
            return f.facts().stream().map(x -> x.label() + ": " + x.value()).collect(Collectors.joining("\n"));
        } else if (block instanceof ReplyBlock.Items i) {
            return i.items().stream().map(x -> "* " + x.text() + x.detail().map(d -> " | " + d).orElse(""))
                    .collect(Collectors.joining("\n"));
        } else if (block instanceof ReplyBlock.Notice n) {
            return "! " + n.text();
        } else if (block instanceof ReplyBlock.Quote q) {
            return "> " + q.text() + " -- " + q.attribution();
        } else if (block instanceof ReplyBlock.Context c) {
            return String.join(" · ", c.lines());
        } else if (block instanceof ReplyBlock.Actions a) {
            return a.actions().stream().map(x -> "[" + x.id() + ":" + x.value() + "]").collect(Collectors.joining(" "));
        } else if (block instanceof ReplyBlock.Form f) {
            return "form " + f.id() + ": " + f.fields().stream().map(x -> x.id() + "=" + x.label())
                    .collect(Collectors.joining(", "));
        }
        return block.toString();
    }
}
