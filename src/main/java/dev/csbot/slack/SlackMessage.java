package dev.csbot.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * One Slack message body: the blocks and the fallback text Slack shows in notifications and to
 * clients that cannot render blocks. Both are already escaped. {@code blockJson} is each block as Slack
 * receives it: the renderer serialises every block anyway to keep within Slack's size limit, so the
 * acknowledgement of a command is written from these instead of serialising the blocks a second time.
 */
public record SlackMessage(String text, List<LayoutBlock> blocks, List<String> blockJson) {

    public SlackMessage {
        blocks = List.copyOf(blocks);
        blockJson = List.copyOf(blockJson);
        if (blocks.size() != blockJson.size()) {
            throw new IllegalArgumentException(blocks.size() + " blocks but " + blockJson.size() + " serialised");
        }
    }

    /** This message with more blocks at the end. */
    SlackMessage plus(List<LayoutBlock> more) {
        List<LayoutBlock> allBlocks = new ArrayList<>(blocks);
        allBlocks.addAll(more);
        List<String> allJson = new ArrayList<>(blockJson);
        more.forEach(block -> allJson.add(SlackPayloads.json(block)));
        return new SlackMessage(text, allBlocks, allJson);
    }

    /** The message as the JSON body of a command's acknowledgement or a {@code response_url} post. */
    String responseJson(String responseType) {
        return json(responseType, false);
    }

    /** The same for a button's {@code response_url}: a new message, leaving the one with the button alone. */
    String actionResponseJson(String responseType) {
        return json(responseType, true);
    }

    private String json(String responseType, boolean keepOriginal) {
        StringBuilder json = new StringBuilder(96 + blockJson.stream().mapToInt(String::length).sum());
        json.append("{\"response_type\":").append(SlackPayloads.json(responseType));
        if (keepOriginal) {
            json.append(",\"replace_original\":false");
        }
        json.append(",\"text\":").append(SlackPayloads.json(text))
                .append(",\"blocks\":[").append(String.join(",", blockJson)).append("]}");
        return json.toString();
    }
}
