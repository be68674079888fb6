package dev.csbot.chat;

import dev.csbot.voc.SendTarget;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /feedback send <prompt> <account> [@contact|#channel]}, parsed. The target is the last word when it
 * is a Slack mention ({@code <@U123>}, {@code <@U123|jane>}, {@code <#C123|acme-shared>}) or an email; the
 * account is everything between, so names with spaces work.
 */
record FeedbackSendCommand(String promptId, String account, SendTarget target) {

    static final int MAX_ARGUMENT = 400;

    static final String USAGE = "Usage: /feedback send <prompt> <account> [@contact|#channel|email], for example"
            + " /feedback send nps acme, or /feedback send csat acme jane@acme.example.";

    private static final Pattern SLACK_USER = Pattern.compile("<@([UW][A-Z0-9]{2,20})(?:\\|([^<>|]{0,80}))?>");
    private static final Pattern SLACK_CHANNEL = Pattern.compile("<#([CG][A-Z0-9]{2,20})(?:\\|([^<>|]{0,80}))?>");
    /** Slack escapes an email in a command's text as a link: {@code <mailto:jane@acme.example|jane@acme.example>}. */
    private static final Pattern SLACK_MAILTO = Pattern.compile("<mailto:([^<>|\\s]{3,254})(?:\\|[^<>]{0,254})?>");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>]{1,64}@[^\\s@<>]{1,190}\\.[^\\s@<>.]{1,63}");

    /** The parsed command, or the usage error to show. */
    static ParseResult parse(String argument) {
        if (argument.length() > MAX_ARGUMENT) {
            return new ParseResult(Optional.empty(), "That command is too long (" + argument.length()
                    + " characters, at most " + MAX_ARGUMENT + "). " + USAGE);
        }
        String[] words = argument.strip().split(" ");
        // words[0] is "send"
        if (words.length < 3) {
            return new ParseResult(Optional.empty(), USAGE);
        }
        String promptId = words[1];
        String last = words[words.length - 1];
        Optional<SendTarget> target = target(last);
        if (target.isEmpty() && (last.startsWith("@") || last.startsWith("#") || last.startsWith("<"))) {
            return new ParseResult(Optional.empty(), "\"" + last + "\" is not a contact or a channel csbot can address."
                    + " Pick the person or channel from Slack's list as you type @ or #, or give the contact's email.");
        }
        int accountEnd = target.isPresent() ? words.length - 1 : words.length;
        String account = String.join(" ", Arrays.copyOfRange(words, 2, accountEnd)).strip();
        if (account.isEmpty()) {
            return new ParseResult(Optional.empty(), "Which account? " + USAGE);
        }
        return new ParseResult(Optional.of(new FeedbackSendCommand(promptId, account,
                target.orElse(new SendTarget.Audience()))), "");
    }

    record ParseResult(Optional<FeedbackSendCommand> command, String problem) {}

    static Optional<SendTarget> target(String word) {
        Matcher user = SLACK_USER.matcher(word);
        if (user.matches()) {
            return Optional.of(new SendTarget.ChatUser("slack", user.group(1), nameOf(user.group(2))));
        }
        Matcher channel = SLACK_CHANNEL.matcher(word);
        if (channel.matches()) {
            return Optional.of(new SendTarget.Channel("slack", channel.group(1), nameOf(channel.group(2))));
        }
        Matcher mailto = SLACK_MAILTO.matcher(word);
        if (mailto.matches() && EMAIL.matcher(mailto.group(1)).matches()) {
            return Optional.of(new SendTarget.Email(mailto.group(1)));
        }
        if (word.length() <= 254 && EMAIL.matcher(word).matches()) {
            return Optional.of(new SendTarget.Email(word));
        }
        return Optional.empty();
    }

    private static String nameOf(String group) {
        return group == null ? "" : group.strip();
    }
}
