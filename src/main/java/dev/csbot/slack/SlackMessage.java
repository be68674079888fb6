package dev.csbot.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * One Slack message body: the blocks and the fallback text Slack shows in notifications and to
 * clients that cannot render blocks. Both are already escaped.
 */
public record SlackMessage(String text, List<LayoutBlock> blocks) {

    public SlackMessage {
        blocks = List.copyOf(blocks);
    }
}
