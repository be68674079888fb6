package dev.csbot.alerts;

import java.util.List;
import java.util.Map;

/** Every conversation linked to an account (by {@code /csbot link}), read once for a whole-book scan. */
public interface LinkedConversations {

    /** By account id, Slack links first, then Teams. */
    Map<String, List<DeliveryTarget>> all();
}
