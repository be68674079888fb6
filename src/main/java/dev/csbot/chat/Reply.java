package dev.csbot.chat;

import java.util.List;

/**
 * A channel-neutral answer. The core builds it once; the Slack, Teams and text renderers each turn it
 * into their own format. Every string here is plain text: renderers escape it for their channel, so
 * nothing in a reply (least of all customer text) can mention people or inject markup.
 *
 * @param status what kind of answer this is (the CLI maps it to an exit code)
 * @param title a one-line headline, also used as the notification text
 * @param blocks the body, in display order
 */
public record Reply(Status status, String title, List<ReplyBlock> blocks) {

    public enum Status {
        /** The question was answered. */
        ANSWER,
        /** The command was malformed; the reply says how to use it. */
        USAGE_ERROR,
        /** The command was fine but names something that does not exist (an unknown account). */
        NOT_FOUND,
        /** The caller may not do this; the reply reveals nothing. */
        REFUSED,
        /** Something failed on our side (logged where it happened); the reply apologises. */
        FAILED
    }

    public Reply {
        blocks = List.copyOf(blocks);
    }

    public static Reply answer(String title, List<ReplyBlock> blocks) {
        return new Reply(Status.ANSWER, title, blocks);
    }

    public static Reply of(Status status, String title, String message) {
        return new Reply(status, title, List.of(new ReplyBlock.Paragraph(message)));
    }

    public boolean isAnswer() {
        return status == Status.ANSWER;
    }
}
