package dev.csbot.teams;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import dev.csbot.chat.Reply;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Sends a reply into the conversation of a turn: one message per card the renderer made. */
class TeamsSender {

    private final TeamsAdaptiveCardRenderer renderer;

    TeamsSender(TeamsAdaptiveCardRenderer renderer) {
        this.renderer = renderer;
    }

    CompletableFuture<Void> send(TurnContext turn, Reply reply) {
        return turn.sendActivities(activities(reply)).thenApply(sent -> null);
    }

    List<Activity> activities(Reply reply) {
        return renderer.render(reply).stream().map(card -> {
            Attachment attachment = new Attachment();
            attachment.setContentType(TeamsAdaptiveCardRenderer.CONTENT_TYPE);
            attachment.setContent(card);
            Activity message = MessageFactory.attachment(attachment);
            // The summary is what Teams shows in notifications and the chat list.
            message.setSummary(reply.title());
            return message;
        }).toList();
    }
}
