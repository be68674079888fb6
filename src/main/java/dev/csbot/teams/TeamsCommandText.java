package dev.csbot.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Mention;
import java.util.Locale;
import java.util.Optional;

/** Turns what a user typed in Teams into the core's command text. */
final class TeamsCommandText {

    private TeamsCommandText() {}

    /** True when the bot itself is @mentioned (by its id) in the activity's mention entities. */
    static boolean mentionsBot(Activity activity) {
        String botId = activity.getRecipient() == null ? null : activity.getRecipient().getId();
        return botId != null && activity.getMentions().stream()
                .anyMatch(m -> m.getMentioned() != null && botId.equals(m.getMentioned().getId()));
    }

    /**
     * The command in a message: the text without the bot's @mention (found through the mention entities,
     * as Teams sends {@code <at>Bot name</at>} inline), other mention tags reduced to their names, and
     * "link acme" / "unlink" spelled as the core's "/csbot link acme" / "/csbot unlink".
     */
    static Optional<String> command(Activity activity) {
        String text = activity.getText() == null ? "" : activity.getText();
        String botId = activity.getRecipient() == null ? null : activity.getRecipient().getId();
        for (Mention mention : activity.getMentions()) {
            if (mention.getText() != null && mention.getMentioned() != null && botId != null
                    && botId.equals(mention.getMentioned().getId())) {
                text = text.replace(mention.getText(), " ");
            }
        }
        text = text.replaceAll("(?i)</?at>", "").replace('\u00a0', ' ').replace("&nbsp;", " ").strip()
                .replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("unlink") || lower.startsWith("link ") || lower.equals("link")) {
            return Optional.of("/csbot " + text);
        }
        return Optional.of(text);
    }
}
