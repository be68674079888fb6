package dev.csbot.chat;

import java.util.Locale;
import java.util.Optional;

/**
 * A parsed command: its verb and the rest of the line. Accepts "/health acme", "health acme",
 * "/csbot health acme" and "@csbot health acme" (once the channel has removed the mention).
 */
record TypedCommand(String verb, String argument) {

    static Optional<TypedCommand> parse(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (line.startsWith("/")) {
            line = line.substring(1);
        }
        if (line.toLowerCase(Locale.ROOT).startsWith("csbot")
                && (line.length() == 5 || line.charAt(5) == ' ')) {
            line = line.substring(5).strip();
            if (line.isEmpty()) {
                line = "help";
            }
        }
        if (line.isEmpty()) {
            return Optional.empty();
        }
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toLowerCase(Locale.ROOT);
        String argument = space < 0 ? "" : line.substring(space + 1).strip();
        return Optional.of(new TypedCommand(verb, argument));
    }
}
