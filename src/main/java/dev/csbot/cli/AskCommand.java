package dev.csbot.cli;

import dev.csbot.chat.Caller;
import dev.csbot.chat.ChatRequest;
import dev.csbot.chat.ChatService;
import dev.csbot.chat.Conversation;
import dev.csbot.chat.Reply;
import dev.csbot.ingest.StoreMetadata;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code csbot ask "/health acme"}: one command, answered as the operator (or {@code --as EMAIL}). An empty
 * store is named, with how to fill it, so that a wrong {@code --db} is not mistaken for missing accounts.
 */
@Component
class AskCommand {

    /** "/risks mine", "risks 20 me": the caller's own book, which the operator does not have. */
    private static final Pattern OWN_BOOK = Pattern.compile("(?i)^\\s*/?(csbot\\s+)?risks\\b.*\\b(mine|me)\\b.*");

    private final ChatService chat;
    private final List<ReplyFormat> formats;
    private final StoreMetadata store;

    AskCommand(ChatService chat, List<ReplyFormat> formats, StoreMetadata store) {
        this.chat = chat;
        this.formats = formats;
        this.store = store;
    }

    int run(String command, String as, String formatName, StoreLocation location, PrintWriter out, PrintWriter err) {
        Optional<ReplyFormat> format = formats.stream().filter(f -> f.name().equals(formatName)).findFirst();
        if (format.isEmpty()) {
            err.println("csbot: unknown --format '" + formatName + "'; use one of: "
                    + formats.stream().map(ReplyFormat::name).sorted().collect(Collectors.joining(", ")));
            return CsbotCli.USAGE_ERROR;
        }
        if (as == null && OWN_BOOK.matcher(command).matches()) {
            err.println("csbot: \"mine\" means the accounts of whoever asks, and the command line does not know who"
                    + " you are: add --as EMAIL, for example: csbot ask \"" + command.strip() + "\" --as"
                    + " dana.cho@example.com");
            return CsbotCli.USAGE_ERROR;
        }
        if (store.accounts() == 0) {
            err.println("csbot: the store " + location.describe() + " holds no accounts yet: csbot import DIR loads"
                    + " your data; csbot demo loads the demo portfolio" + (location.sqlite()
                            ? " (into ./data/demo.db, then ask with --db data/demo.db)"
                            : " (into this database, CSBOT_DATABASE_URL)"));
        }
        // Whoever runs the CLI on the server is an operator: internal by definition.
        String email = as == null ? null : as.trim();
        Caller caller = Caller.internal(email == null ? "cli" : email, email, email == null ? "operator" : email);
        Reply reply = chat.handle(new ChatRequest(command, caller, Conversation.cli()));
        String rendered = format.get().render(reply);
        switch (reply.status()) {
            case ANSWER -> {
                out.print(rendered);
                out.flush();
                return 0;
            }
            case USAGE_ERROR -> {
                err.print(rendered);
                err.flush();
                return CsbotCli.USAGE_ERROR;
            }
            default -> {
                err.print(rendered);
                err.flush();
                return 1;
            }
        }
    }
}
