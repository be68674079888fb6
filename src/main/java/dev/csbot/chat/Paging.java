package dev.csbot.chat;

import dev.csbot.chat.ReplyBlock.Action;
import dev.csbot.chat.ReplyBlock.Tone;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * One page of a ranked list: which items it shows, the line that says so, how to ask for the next one
 * by typing (the CLI has no buttons), and the Previous/Next buttons for Slack and Teams.
 *
 * @param offset index of the first item shown (0-based)
 * @param total how many items there are to page through
 */
record Paging(int offset, int total) {

    static final int PAGE_SIZE = 10;

    /** The highest page a typed command may ask for: 500 items at 10 a page. */
    static final int MAX_PAGE = 50;

    Paging {
        offset = Math.max(0, Math.min(offset, Math.max(0, total - 1)));
    }

    static Paging page(int number, int total) {
        return new Paging((number - 1) * PAGE_SIZE, total);
    }

    int from() {
        return offset;
    }

    int to() {
        return Math.min(offset + PAGE_SIZE, total);
    }

    int number() {
        return offset / PAGE_SIZE + 1;
    }

    int pages() {
        return Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** "Showing 11-20 of 200", with how to type the next page: "next: /risks 200 page 3". */
    String showing(IntFunction<String> commandForPage) {
        return "Showing " + (from() + 1) + "-" + to() + " of " + total
                + (to() < total ? "; next page: " + commandForPage.apply(number() + 1) : "");
    }

    /** Previous and Next buttons; {@code valueForOffset} writes what the button carries. */
    Optional<ReplyBlock> buttons(String actionId, IntFunction<String> valueForOffset) {
        List<Action> actions = new ArrayList<>();
        if (from() > 0) {
            actions.add(new Action(actionId, "Previous " + PAGE_SIZE, valueForOffset.apply(Math.max(0, from() - PAGE_SIZE)),
                    Tone.NEUTRAL));
        }
        if (to() < total) {
            actions.add(new Action(actionId, "Next " + Math.min(PAGE_SIZE, total - to()), valueForOffset.apply(to()),
                    Tone.NEUTRAL));
        }
        return actions.isEmpty() ? Optional.empty() : Optional.of(new ReplyBlock.Actions(actions));
    }
}
