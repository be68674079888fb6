package dev.csbot.chat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;

/**
 * What a request is called when it is counted (metrics, logs): the verb of a command csbot knows, the id of one of
 * its buttons, or {@value #UNKNOWN}. Never the text itself, so that what callers type cannot grow the set of names.
 */
public final class CommandNames {

    public static final String UNKNOWN = "unknown";

    private static final Set<String> ACTION_IDS = actionIds();

    private CommandNames() {}

    /** "/health acme" is "health"; "/heath acme" and "" are "unknown". */
    public static String ofCommand(String text) {
        return TypedCommand.parse(text).map(TypedCommand::verb).filter(HelpAnswer.VERBS::contains).orElse(UNKNOWN);
    }

    /** A button press is named by its action id, when it is one of {@link ActionIds}. */
    public static String ofAction(String actionId) {
        return actionId != null && ACTION_IDS.contains(actionId) ? actionId : UNKNOWN;
    }

    /** Every id {@link ActionIds} declares, so that a button added there is named without a change here. */
    private static Set<String> actionIds() {
        Set<String> ids = new HashSet<>();
        for (Field field : ActionIds.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    ids.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Set.copyOf(ids);
    }
}
