package dev.csbot.chat;

import dev.csbot.chat.ReplyBlock.Item;
import java.util.List;
import java.util.Locale;

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
            Item.of("/risks [segment|csm-email|mine|unassigned] [limit] [page N]", "The book of business ranked by"
                    + " ARR at risk, 10 a page. e.g. /risks enterprise 20, /risks 200 page 2", ReplyBlock.Tone.NEUTRAL),
            Item.of("/renewals [days] [segment|csm-email|mine|unassigned] [page N]", "Renewals in the next days"
                    + " (default 90), soonest first, with health, main risk and owner. e.g. /renewals 30",
                    ReplyBlock.Tone.NEUTRAL),
            Item.of("/feedback <account>", "NPS, CSAT and CES with trend, response rate, recent comments and themes."
                    + " e.g. /feedback acme", ReplyBlock.Tone.NEUTRAL),
            Item.of("/feedback send <prompt> <account> [@contact|#channel|email]", "Ask customers a prompt (nps,"
                    + " csat, ces, onboarding-checkin, product-request). e.g. /feedback send nps acme",
                    ReplyBlock.Tone.NEUTRAL),
            Item.of("/voc [segment|theme]", "Themes across the portfolio by ARR affected, and loop closure."
                    + " /voc set <theme|item> <stage> \"message\" tells the customers. e.g. /voc enterprise",
                    ReplyBlock.Tone.NEUTRAL),
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

    /**
     * Every verb {@code ChatService} answers, for "did you mean": a new command adds its verb here (and to
     * {@link #COMMANDS}).
     */
    static final List<String> VERBS = List.of("health", "qbr", "account", "risks", "renewals", "feedback", "voc", "alerts",
            "link", "unlink",
            "help");

    /** "Unknown command "heath". Did you mean /health?" (the verb is echoed back, but never at length). */
    static Reply unknownCommand(String verb) {
        String shown = ListArguments.shown(verb);
        String suggestion = Typos.nearest(verb.toLowerCase(Locale.ROOT), VERBS)
                .map(known -> " Did you mean /" + known + "?").orElse("");
        return usage("Unknown command \"" + shown + "\"." + suggestion);
    }

    /** The problem as the headline, then how the command is used, then every command. */
    static Reply usage(String problem, String usage) {
        return new Reply(Reply.Status.USAGE_ERROR, problem, List.of(new ReplyBlock.Paragraph(usage),
                new ReplyBlock.Items(COMMANDS)));
    }

    static Reply usage(String problem) {
        return new Reply(Reply.Status.USAGE_ERROR, problem, List.of(new ReplyBlock.Paragraph(problem),
                new ReplyBlock.Items(COMMANDS)));
    }
}
