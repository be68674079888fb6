package dev.csbot.chat;

import dev.csbot.chat.ReplyBlock.Item;
import java.util.List;

/** {@code /help}: every command with an example. */
final class HelpAnswer {

    private HelpAnswer() {}

    static final List<Item> COMMANDS = List.of(
            Item.of("/health <account>", "Health score 0-100, band, trend, drivers and the playbook. e.g. /health acme",
                    ReplyBlock.Tone.NEUTRAL),
            Item.of("/qbr <account>", "A QBR brief: outcomes, value, risks, next-quarter plan, expansion. e.g. /qbr acme",
                    ReplyBlock.Tone.NEUTRAL),
            Item.of("/account <account>", "Deal-review context: ARR, renewal, stakeholders, tickets, feedback."
                    + " e.g. /account globex", ReplyBlock.Tone.NEUTRAL),
            Item.of("/risks [segment|csm-email|mine] [limit]", "The book of business ranked by ARR at risk."
                    + " e.g. /risks enterprise 20", ReplyBlock.Tone.NEUTRAL),
            Item.of("/alerts [account|mine|failed]", "Risk alerts with their state and who acted; failed lists"
                    + " deliveries that could not be sent. e.g. /alerts acme", ReplyBlock.Tone.NEUTRAL),
            Item.of("/csbot link <account>", "Make this channel the account's channel (alerts go here)."
                    + " e.g. /csbot link acme", ReplyBlock.Tone.NEUTRAL),
            Item.of("/csbot unlink", "Stop using this channel for its account.", ReplyBlock.Tone.NEUTRAL),
            Item.of("/help", "This list.", ReplyBlock.Tone.NEUTRAL));

    static Reply of() {
        return Reply.answer("csbot commands", List.of(
                new ReplyBlock.Items(COMMANDS),
                new ReplyBlock.Context(List.of("Accounts can be named by id, name, the start of a name or a word"
                        + " of it; small typos are forgiven. In an account's linked channel the account can be"
                        + " left out."))));
    }

    static Reply usage(String problem) {
        return new Reply(Reply.Status.USAGE_ERROR, problem, List.of(new ReplyBlock.Paragraph(problem),
                new ReplyBlock.Items(COMMANDS)));
    }
}
