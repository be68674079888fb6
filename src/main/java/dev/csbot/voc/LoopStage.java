package dev.csbot.voc;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a piece of feedback (or a whole theme) stands: new, acknowledged, then planned, shipped or declined.
 * The last three close the loop: the customers who raised it are told, each once.
 */
public enum LoopStage {
    NEW("new"),
    ACKNOWLEDGED("acknowledged"),
    PLANNED("planned"),
    SHIPPED("shipped"),
    DECLINED("declined");

    private final String label;

    LoopStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Planned, shipped and declined are what customers hear about. */
    public boolean closesTheLoop() {
        return this == PLANNED || this == SHIPPED || this == DECLINED;
    }

    /** Forward only: new -> acknowledged -> planned -> shipped or declined; shipped and declined are final. */
    public boolean canMoveTo(LoopStage next) {
        return switch (this) {
            case NEW -> next != NEW;
            case ACKNOWLEDGED -> next.closesTheLoop();
            case PLANNED -> next == SHIPPED || next == DECLINED;
            case SHIPPED, DECLINED -> false;
        };
    }

    public static Optional<LoopStage> fromLabel(String text) {
        return Arrays.stream(values()).filter(s -> s.label.equalsIgnoreCase(text.trim())).findFirst();
    }
}
