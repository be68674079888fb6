package dev.csbot.store;

import dev.csbot.alerts.OutboxEntry;
import dev.csbot.voc.ChatPlace;
import dev.csbot.voc.Destination;
import dev.csbot.voc.FeedbackLoop;
import dev.csbot.voc.LoopMessage;
import dev.csbot.voc.LoopStage;
import dev.csbot.voc.LoopState;
import dev.csbot.voc.LoopSubject;
import dev.csbot.voc.VocItems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.springframework.stereotype.Component;

@Component
class JdbiFeedbackLoop implements FeedbackLoop {

    private static final String STATE_COLUMNS = "subject_kind, subject_id, stage, message, updated_by, updated_at";

    private static final RowMapper<LoopState> STATE = (rs, ctx) -> {
        String stage = rs.getString(3);
        return new LoopState(new LoopSubject(kind(rs.getString(1)), rs.getString(2)),
                LoopStage.fromLabel(stage).orElseThrow(() -> new IllegalStateException("voc_loop_states: unknown stage "
                        + stage)),
                Optional.ofNullable(rs.getString(4)), rs.getString(5), StoredInstants.parse(rs.getString(6)));
    };

    private final Jdbi jdbi;

    JdbiFeedbackLoop(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<LoopState> state(LoopSubject subject) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + STATE_COLUMNS + " FROM voc_loop_states"
                        + " WHERE subject_kind = :kind AND subject_id = :id")
                .bind("kind", subject.kind().label()).bind("id", subject.id()).map(STATE).findOne());
    }

    @Override
    public Map<String, LoopState> states(LoopSubject.Kind kind) {
        Map<String, LoopState> states = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT " + STATE_COLUMNS + " FROM voc_loop_states WHERE subject_kind = :kind")
                .bind("kind", kind.label()).map(STATE).forEach(s -> states.put(s.subject().id(), s)));
        return states;
    }

    @Override
    public int transition(LoopState next, List<LoopMessage> messages) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO voc_loop_states (" + STATE_COLUMNS + ") VALUES (:kind, :id, :stage, :message,"
                            + " :by, :at) ON CONFLICT (subject_kind, subject_id) DO UPDATE SET stage = excluded.stage,"
                            + " message = excluded.message, updated_by = excluded.updated_by,"
                            + " updated_at = excluded.updated_at")
                    .bind("kind", next.subject().kind().label()).bind("id", next.subject().id())
                    .bind("stage", next.stage().label()).bind("message", next.message().orElse(null))
                    .bind("by", next.updatedBy()).bind("at", StoredInstants.format(next.updatedAt()))
                    .execute();
            int recorded = 0;
            List<OutboxEntry> deliveries = new ArrayList<>();
            for (LoopMessage m : messages) {
                int inserted = h.createUpdate("INSERT INTO voc_loop_messages (message_id, item_id, account_id,"
                                + " customer_key, contact_email, platform, conversation_id, subject_kind, subject_id,"
                                + " stage, text, raised_on, created_at, delivery) VALUES (:id, :item, :account,"
                                + " :customer, :email, :platform, :conversation, :subjectKind, :subjectId, :stage,"
                                + " :text, :raised, :at, 'queued')"
                                + " ON CONFLICT (item_id, customer_key, stage) DO NOTHING")
                        .bind("id", m.id()).bind("item", m.itemId()).bind("account", m.accountId())
                        .bind("customer", m.customerKey()).bind("email", m.contactEmail().orElse(null))
                        .bind("platform", m.destination().platform())
                        .bind("conversation", m.place().map(p -> p.conversationId()).orElse(null))
                        .bind("subjectKind", m.subject().kind().label()).bind("subjectId", m.subject().id())
                        .bind("stage", m.stage().label()).bind("text", m.text()).bind("raised", m.raisedOn().toString())
                        .bind("at", StoredInstants.format(m.createdAt()))
                        .execute();
                if (inserted == 1) {
                    recorded++;
                    deliveries.add(OutboxEntry.post(VocItems.LOOP, m.id(), VocTargets.of(m.destination()), m.accountId()));
                }
            }
            JdbiOutbox.insert(h, deliveries, next.updatedAt());
            return recorded;
        });
    }

    @Override
    public Optional<LoopMessage> message(String messageId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT message_id, item_id, account_id, customer_key, contact_email,"
                        + " platform, conversation_id, subject_kind, subject_id, stage, text, raised_on, created_at"
                        + " FROM voc_loop_messages WHERE message_id = :id")
                .bind("id", messageId)
                .map((rs, ctx) -> {
                    String platform = rs.getString("platform");
                    String conversation = rs.getString("conversation_id");
                    Optional<String> email = Optional.ofNullable(rs.getString("contact_email"));
                    Optional<ChatPlace> place = conversation == null ? Optional.empty()
                            : Optional.of(new ChatPlace(platform, conversation));
                    Destination destination = conversation != null
                            ? new Destination(platform, Destination.Kind.CONVERSATION, conversation)
                            : new Destination(platform == null ? "slack" : platform, Destination.Kind.PERSON,
                                    email.orElse("unknown"));
                    String stage = rs.getString("stage");
                    return new LoopMessage(rs.getString("message_id"), rs.getString("item_id"),
                            rs.getString("account_id"), rs.getString("customer_key"), email, place,
                            new LoopSubject(kind(rs.getString("subject_kind")), rs.getString("subject_id")),
                            LoopStage.fromLabel(stage).orElseThrow(() -> new IllegalStateException(
                                    "voc_loop_messages: unknown stage " + stage)),
                            rs.getString("text"), Rows.isoDate(rs.getString("raised_on")),
                            StoredInstants.parse(rs.getString("created_at")), destination);
                })
                .findOne());
    }

    @Override
    public Map<String, Instant> firstClosures() {
        Map<String, Instant> closures = new HashMap<>();
        // Closed back to the customer means delivered to them, not merely queued; dated when the CSM closed it.
        jdbi.useHandle(h -> h.createQuery("SELECT m.item_id, MIN(m.created_at) FROM voc_loop_messages m JOIN outbox o"
                        + " ON o.item_kind = :kind AND o.item_id = m.message_id AND o.state = 'delivered'"
                        + " GROUP BY m.item_id")
                .bind("kind", VocItems.LOOP)
                .map((rs, ctx) -> Map.entry(rs.getString(1), StoredInstants.parse(rs.getString(2))))
                .forEach(e -> closures.put(e.getKey(), e.getValue())));
        return closures;
    }

    private static LoopSubject.Kind kind(String label) {
        return label.equals(LoopSubject.Kind.THEME.label()) ? LoopSubject.Kind.THEME : LoopSubject.Kind.ITEM;
    }
}
