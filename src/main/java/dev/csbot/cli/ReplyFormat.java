package dev.csbot.cli;

import dev.csbot.chat.Reply;

/** One way of printing a reply on the command line: text, the Slack payload, the Teams attachment. */
public interface ReplyFormat {

    /** The value of {@code --format} that selects this one. */
    String name();

    String render(Reply reply);
}
