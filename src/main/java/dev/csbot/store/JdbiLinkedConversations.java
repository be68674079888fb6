package dev.csbot.store;

import dev.csbot.alerts.DeliveryTarget;
import dev.csbot.alerts.LinkedConversations;
import dev.csbot.chat.Platform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

@Component
class JdbiLinkedConversations implements LinkedConversations {

    private final Jdbi jdbi;

    JdbiLinkedConversations(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Map<String, List<DeliveryTarget>> all() {
        Map<String, List<DeliveryTarget>> linked = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT account_id, platform, conversation_id FROM channel_links"
                        + " WHERE platform IN ('SLACK', 'TEAMS') ORDER BY account_id, platform, conversation_id")
                .map((rs, ctx) -> Map.entry(rs.getString(1), DeliveryTarget.conversation(
                        Platform.valueOf(rs.getString(2)), rs.getString(3))))
                .forEach(e -> linked.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
        return linked;
    }
}
