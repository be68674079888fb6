package dev.csbot.chat;

import dev.csbot.alerts.OutboundMessage;
import dev.csbot.alerts.OutboxContent;
import dev.csbot.chat.ReplyBlock.Item;
import dev.csbot.chat.ReplyBlock.Tone;
import dev.csbot.voc.PromptSends;
import dev.csbot.voc.VocItems;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The note a CSM gets (a direct message, internal) when the daily campaign held prompts back for their accounts:
 * who was not asked what, and why, so that nobody wonders where an expected NPS went.
 */
public final class CampaignNoteContent implements OutboxContent {

    static final int SHOWN = 40;

    private final PromptSends sends;

    public CampaignNoteContent(PromptSends sends) {
        this.sends = sends;
    }

    @Override
    public String itemKind() {
        return VocItems.CAMPAIGN_NOTE;
    }

    @Override
    public Optional<OutboundMessage> render(String noteId) {
        return sends.note(noteId).filter(n -> !n.holds().isEmpty()).map(note -> {
            List<PromptSends.CampaignHold> holds = note.holds();
            List<ReplyBlock> blocks = new java.util.ArrayList<>();
            blocks.add(new ReplyBlock.Paragraph("Today's feedback campaign held back "
                    + Formats.plural(holds.size(), "prompt") + " for your accounts, so nobody is asked too often:"));
            blocks.add(new ReplyBlock.Items(holds.stream().limit(SHOWN).map(h -> Item.of(h.accountName() + ": "
                    + h.promptId().toUpperCase(Locale.ROOT) + " to " + h.contact(), h.reason() + " (" + origin(h.origin())
                    + ")", Tone.WARNING)).toList()));
            if (holds.size() > SHOWN) {
                blocks.add(new ReplyBlock.Context(List.of("and " + (holds.size() - SHOWN) + " more")));
            }
            blocks.add(new ReplyBlock.Context(List.of("The campaign asks them once the throttle allows it (on the"
                    + " day shown).")));
            return new OutboundMessage(Reply.answer("Feedback prompts held back", blocks), Optional.empty());
        });
    }

    private static String origin(String origin) {
        if (origin.startsWith("ticket:")) {
            return "after urgent ticket " + origin.substring("ticket:".length()) + " closed";
        }
        if (origin.startsWith("milestone:")) {
            return "onboarding day " + origin.substring("milestone:".length());
        }
        return "scheduled";
    }
}
