package dev.csbot.chat;

import dev.csbot.chat.ReplyBlock.Action;
import dev.csbot.chat.ReplyBlock.Tone;
import dev.csbot.voc.LoopStage;
import dev.csbot.voc.LoopSubject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The buttons that move a feedback item or a theme along the loop, and the form that asks for the message the
 * customers will read when it closes (planned, shipped, declined). A button's value names the subject
 * ({@code item:fb-1a2b3c4d5e6f}, {@code theme:reporting}); the form's token adds the stage.
 */
final class LoopButtons {

    static final String MESSAGE = "message";
    private static final Pattern SUBJECT = Pattern.compile("(item|theme):([a-z0-9-]{1,64})");

    private LoopButtons() {}

    /** The buttons for the stages {@code subject} may move on to from {@code stage}; none once it is final. */
    static Optional<ReplyBlock.Actions> forSubject(LoopSubject subject, LoopStage stage) {
        String value = subject.kind().label() + ":" + subject.id();
        List<Action> actions = new ArrayList<>();
        for (LoopStage next : List.of(LoopStage.ACKNOWLEDGED, LoopStage.PLANNED, LoopStage.SHIPPED, LoopStage.DECLINED)) {
            if (stage.canMoveTo(next)) {
                actions.add(new Action(actionId(next), next == LoopStage.ACKNOWLEDGED ? "Acknowledge"
                        : capitalised(next.label()) + "…", value, next == LoopStage.DECLINED ? Tone.NEUTRAL : Tone.GOOD));
            }
        }
        return actions.isEmpty() ? Optional.empty() : Optional.of(new ReplyBlock.Actions(actions));
    }

    static String actionId(LoopStage stage) {
        return switch (stage) {
            case ACKNOWLEDGED -> ActionIds.VOC_ACKNOWLEDGE;
            case PLANNED -> ActionIds.VOC_PLANNED;
            case SHIPPED -> ActionIds.VOC_SHIPPED;
            case DECLINED -> ActionIds.VOC_DECLINED;
            case NEW -> throw new IllegalArgumentException("nothing moves back to new");
        };
    }

    static Optional<LoopStage> stageOf(String actionId) {
        return switch (actionId) {
            case ActionIds.VOC_ACKNOWLEDGE -> Optional.of(LoopStage.ACKNOWLEDGED);
            case ActionIds.VOC_PLANNED -> Optional.of(LoopStage.PLANNED);
            case ActionIds.VOC_SHIPPED -> Optional.of(LoopStage.SHIPPED);
            case ActionIds.VOC_DECLINED -> Optional.of(LoopStage.DECLINED);
            default -> Optional.empty();
        };
    }

    /** The subject a button's value names, if it is one. */
    static Optional<LoopSubject> subject(String value) {
        var m = SUBJECT.matcher(value == null ? "" : value);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1).equals("item") ? LoopSubject.item(m.group(2)) : LoopSubject.theme(m.group(2)));
    }

    /** The form asking what customers should read as {@code subject} moves to {@code stage}. */
    static ReplyBlock.Form form(LoopSubject subject, LoopStage stage, String subjectName) {
        String token = subject.kind().label() + ":" + subject.id() + "|" + stage.label();
        return new ReplyBlock.Form(FormIds.LOOP_MESSAGE, capitalised(stage.label()) + ": tell customers",
                List.of(new ReplyBlock.FormField(MESSAGE, "What every customer who raised " + subjectName
                        + " reads (plain text, at most 500 characters)", ReplyBlock.FieldKind.TEXT, 0, 0, true, List.of(),
                        500)), "Send", token);
    }

    /** The subject and stage a loop form's token names. */
    static Optional<Target> target(String token) {
        String t = token == null ? "" : token;
        int bar = t.lastIndexOf('|');
        if (bar < 0) {
            return Optional.empty();
        }
        Optional<LoopSubject> subject = subject(t.substring(0, bar));
        Optional<LoopStage> stage = LoopStage.fromLabel(t.substring(bar + 1)).filter(LoopStage::closesTheLoop);
        return subject.isEmpty() || stage.isEmpty() ? Optional.empty()
                : Optional.of(new Target(subject.get(), stage.get()));
    }

    record Target(LoopSubject subject, LoopStage stage) {}

    private static String capitalised(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
