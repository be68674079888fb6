package dev.csbot.voc;

import java.util.Optional;

/** What moving an item or a theme along the loop did, or why it could not be done. */
public sealed interface LoopMove {

    /**
     * @param subjectName how the CSM's reply names it ("fb-1a2b3c4d5e6f", "Reports, dashboards and exports")
     * @param accountId the item's account (empty for a theme)
     * @param items the items it concerns; {@code customersTold} the loop-closing messages newly recorded
     */
    record Moved(LoopSubject subject, String subjectName, Optional<String> accountId, LoopStage from, LoopStage to,
            int items, int customersTold) implements LoopMove {}

    record Rejected(String reason) implements LoopMove {}
}
