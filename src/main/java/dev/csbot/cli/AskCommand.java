package dev.csbot.cli;

import dev.csbot.chat.Caller;
import dev.csbot.chat.ChatRequest;
import dev.csbot.chat.ChatService;
import dev.csbot.chat.Conversation;
import dev.csbot.chat.Reply;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@code csbot ask "/health acme"}: one command, answered as the operator (or {@code --as EMAIL}). */
@Component
class AskCommand {

    private final ChatService chat;
    private final List<ReplyFormat> formats;

    AskCommand(ChatService chat, List<ReplyFormat> formats) {
        this.chat = chat;
        this.formats = formats;
    }

    int run(String command, String as, String formatName, PrintWriter out, PrintWriter err) {
        Optional<ReplyFormat> format = formats.stream().filter(f -> f.name().equals(formatName)).findFirst();
        if (format.isEmpty()) {
            err.println("csbot: unknown --format '" + formatName + "'; use one of: "
                    + formats.stream().map(ReplyFormat::name).sorted().collect(Collectors.joining(", ")));
            return CsbotCli.USAGE_ERROR;
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
