package dev.csbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.account.AccountSignals;
import dev.csbot.account.FeedbackResponse;
import dev.csbot.support.TestDatabase;
import dev.csbot.voc.ChatPlace;
import dev.csbot.voc.Destination;
import dev.csbot.voc.FeedbackAnswer;
import dev.csbot.voc.FeedbackRecord;
import dev.csbot.voc.FollowUp;
import dev.csbot.voc.LoopMessage;
import dev.csbot.voc.LoopStage;
import dev.csbot.voc.LoopState;
import dev.csbot.voc.LoopSubject;
import dev.csbot.voc.PromptKind;
import dev.csbot.voc.PromptSend;
import dev.csbot.voc.PromptSends;
import dev.csbot.voc.Recipient;
import dev.csbot.voc.VocItems;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The VoC tables on a fresh store (SQLite, or PostgreSQL in that pass), migrated as the service migrates it. */
@Tag("store")
class JdbiVocStoreTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private Jdbi jdbi;
    private JdbiPromptSends sends;
    private JdbiFeedbackStore feedback;
    private JdbiFeedbackLoop loop;
    private JdbiAccountRepository accounts;

    @BeforeEach
    void migrate() {
        jdbi = TestDatabase.fresh("voc").migrate().jdbi();
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO accounts (account_id, name, segment, arr, seats_purchased, contract_start,"
                    + " renewal_date, csm_email, lifecycle_stage) VALUES ('acme', 'Acme', 'enterprise', 1200000, 500,"
                    + " '2024-01-01', '2027-01-22', 'dana.cho@csbot.example', 'renewal')");
            h.execute("INSERT INTO feedback_responses (account_id, contact_email, date, kind, score, comment) VALUES"
                    + " ('acme', 'jane@acme.example', '2026-11-01', 'csat', 2, 'Exports time out')");
        });
        sends = new JdbiPromptSends(jdbi);
        feedback = new JdbiFeedbackStore(jdbi);
        loop = new JdbiFeedbackLoop(jdbi);
        accounts = new JdbiAccountRepository(jdbi);
    }

    private static PromptSend send(String id, Recipient recipient, Instant at) {
        return new PromptSend(id, "acme", "nps", recipient, Optional.of("slack"), "hash-" + id, "command",
                "dana.cho@csbot.example", at, at.plus(Duration.ofDays(14)), Optional.of(at.plus(Duration.ofDays(3))),
                Optional.empty(), Optional.empty());
    }

    private static FeedbackAnswer answer(String id, String sendId, boolean anonymous, int score, String comment,
            Instant at) {
        return new FeedbackAnswer(id, sendId, "acme", "nps", PromptKind.NPS, "respondent-" + id,
                anonymous ? Optional.empty() : Optional.of("priya@acme.example"), anonymous, OptionalInt.of(score),
                Optional.ofNullable(comment), new ChatPlace("slack", "C9SHARED"), TODAY, NOW, at, score <= 6);
    }

    private long version() {
        return jdbi.withHandle(h -> h.createQuery("SELECT version FROM portfolio_version").mapTo(Long.class).one());
    }

    @Test
    void sendsAreFoundByTheirTokenHashAndTheLatestPerRecipientFeedsTheThrottle() {
        Recipient priya = new Recipient.ContactRecipient("Priya@acme.example", "Priya");
        Recipient channel = new Recipient.ChannelRecipient("slack", "C9SHARED", "acme-shared");
        sends.queue(List.of(new PromptSends.QueuedSend(send("s1", priya, NOW.minus(Duration.ofDays(40))), "raw-1"),
                new PromptSends.QueuedSend(send("s2", priya, NOW.minus(Duration.ofDays(2))), "raw-2"),
                new PromptSends.QueuedSend(send("s3", channel, NOW), "raw-3")));

        assertThat(sends.findByTokenHash("hash-s3")).map(PromptSend::recipient).contains(channel);
        assertThat(sends.findByTokenHash("raw-3")).isEmpty();
        Map<String, PromptSend> latest = sends.latestTo(List.of(priya.key(), channel.key(), "contact:nobody"));
        assertThat(latest.get(priya.key()).id()).isEqualTo("s2");
        assertThat(latest).doesNotContainKey("contact:nobody");
        assertThat(sends.forAccount("acme", NOW.minus(Duration.ofDays(3)))).extracting(PromptSend::id)
                .containsExactly("s2", "s3");
        PromptSend read = sends.findByTokenHash("hash-s2").orElseThrow();
        assertThat(read.reminderDueAt()).contains(NOW.minus(Duration.ofDays(2)).plus(Duration.ofDays(3)));
        String pending = jdbi.withHandle(h -> h.createQuery("SELECT pending_token FROM feedback_sends WHERE send_id = 's2'")
                .mapTo(String.class).one());
        assertThat(pending).isEqualTo("raw-2");
    }

    @Test
    void anAnswerIsStoredWithItsSurveyResponseSoTheHealthScoreSeesItAtOnce() {
        sends.queue(List.of(new PromptSends.QueuedSend(send("s1", new Recipient.ContactRecipient("priya@acme.example",
                "Priya"), NOW), "raw")));
        long before = version();

        feedback.saveAnswer(answer("a1", "s1", false, 3, "Too slow", NOW));

        assertThat(version()).isEqualTo(before + 1);
        assertThat(accounts.tablesWrittenWithoutUsage(before, before + 1)).as("usage totals still hold")
                .contains(java.util.Set.of("feedback_responses"));
        AccountSignals signals = accounts.signals("acme", TODAY, TODAY).orElseThrow();
        assertThat(signals.feedback()).extracting(FeedbackResponse::contactEmail, FeedbackResponse::score)
                .contains(org.assertj.core.groups.Tuple.tuple("priya@acme.example", 3));
        assertThat(feedback.findAnswer("s1", "respondent-a1")).map(FeedbackAnswer::comment).contains(Optional.of("Too slow"));
        assertThat(sends.findByTokenHash("hash-s1").orElseThrow().answeredAt()).contains(NOW);
        List<FeedbackRecord> records = feedback.forAccount("acme", TODAY.minusDays(90));
        assertThat(records).hasSize(2);
        assertThat(records.get(1).answerId()).contains("a1");
        assertThat(records.get(1).place()).contains(new ChatPlace("slack", "C9SHARED"));
        assertThat(records.get(0).answerId()).isEmpty();
        assertThat(records.get(0).contactEmail()).contains("jane@acme.example");
    }

    @Test
    void anEditThatTurnsAnonymousMovesTheSurveyResponseAwayFromTheName() {
        sends.queue(List.of(new PromptSends.QueuedSend(send("s1", new Recipient.ChannelRecipient("slack", "C9SHARED",
                "acme-shared"), NOW), "raw")));
        feedback.saveAnswer(answer("a1", "s1", false, 3, null, NOW));

        FeedbackAnswer anonymous = answer("a1", "s1", true, 5, "Dashboards crash", NOW.plusSeconds(60));
        feedback.saveAnswer(anonymous);

        List<Map<String, Object>> responses = jdbi.withHandle(h -> h.createQuery("SELECT contact_email, score FROM"
                + " feedback_responses WHERE kind = 'nps'").mapToMap().list());
        assertThat(responses).hasSize(1);
        assertThat(responses.get(0).get("contact_email")).isEqualTo(anonymous.responseKey());
        assertThat((String) responses.get(0).get("contact_email")).startsWith("anonymous-");
        int named = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM feedback_answers WHERE contact_email IS NOT"
                + " NULL").mapTo(Integer.class).one());
        assertThat(named).isZero();
        FeedbackRecord record = feedback.since(TODAY).get(0);
        assertThat(record.anonymous()).isTrue();
        assertThat(record.contactEmail()).isEmpty();
        assertThat(record.score()).hasValue(5);
        assertThat(record.comment()).contains("Dashboards crash");
    }

    @Test
    void aProductRequestIsReadFromTheAnswersAlone() {
        sends.queue(List.of(new PromptSends.QueuedSend(send("s1", new Recipient.ContactRecipient("priya@acme.example",
                "Priya"), NOW), "raw")));
        feedback.saveAnswer(new FeedbackAnswer("a1", "s1", "acme", "product-request", PromptKind.PRODUCT_REQUEST, "r1",
                Optional.of("priya@acme.example"), false, OptionalInt.empty(), Optional.of("Bulk edit, please"),
                new ChatPlace("slack", "D77"), TODAY, NOW, NOW, false));

        List<FeedbackRecord> records = feedback.since(TODAY);

        assertThat(records).hasSize(1);
        assertThat(records.get(0).kind()).isEqualTo(PromptKind.PRODUCT_REQUEST);
        assertThat(records.get(0).score()).isEmpty();
        int responses = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM feedback_responses WHERE date = :d")
                .bind("d", TODAY.toString()).mapTo(Integer.class).one());
        assertThat(responses).isZero();
    }

    private static LoopMessage loopMessage(String id, LoopSubject subject, LoopStage stage, String text, Instant at) {
        return new LoopMessage(id, "fb-1", "acme", "contact:jane@acme.example", Optional.of("jane@acme.example"),
                Optional.empty(), subject, stage, text, TODAY, at,
                new Destination("slack", Destination.Kind.PERSON, "jane@acme.example"));
    }

    private List<Map<String, Object>> outbox(String kind) {
        return jdbi.withHandle(h -> h.createQuery("SELECT item_id, platform, target_kind, target, state FROM outbox"
                + " WHERE item_kind = :kind ORDER BY created_at, item_id").bind("kind", kind).mapToMap().list());
    }

    @Test
    void aLoopMessageIsRecordedAndQueuedOncePerItemCustomerAndStageAndCountsAsClosedOnceDelivered() {
        LoopSubject theme = LoopSubject.theme("reporting");

        int first = loop.transition(new LoopState(theme, LoopStage.PLANNED, Optional.of("Planned"), "dana", NOW),
                List.of(loopMessage("m1", theme, LoopStage.PLANNED, "Planned", NOW)));
        int again = loop.transition(new LoopState(theme, LoopStage.PLANNED, Optional.of("Planned"), "dana", NOW),
                List.of(loopMessage("m2", theme, LoopStage.PLANNED, "Planned", NOW.plusSeconds(5))));
        int shipped = loop.transition(new LoopState(theme, LoopStage.SHIPPED, Optional.of("Out"), "dana",
                NOW.plusSeconds(9)), List.of(loopMessage("m3", theme, LoopStage.SHIPPED, "Out", NOW.plusSeconds(9))));

        assertThat(List.of(first, again, shipped)).containsExactly(1, 0, 1);
        assertThat(loop.state(theme)).map(LoopState::stage).contains(LoopStage.SHIPPED);
        assertThat(loop.states(LoopSubject.Kind.THEME)).containsOnlyKeys("reporting");
        assertThat(loop.states(LoopSubject.Kind.ITEM)).isEmpty();
        assertThat(outbox(VocItems.LOOP)).extracting(r -> r.get("item_id") + " " + r.get("target_kind") + " "
                + r.get("target")).containsExactly("m1 person jane@acme.example", "m3 person jane@acme.example");
        assertThat(loop.message("m3")).map(LoopMessage::text).contains("Out");
        assertThat(loop.firstClosures()).as("queued is not closed back yet").isEmpty();

        jdbi.useHandle(h -> h.execute("UPDATE outbox SET state = 'delivered' WHERE item_id = 'm1'"));

        assertThat(loop.firstClosures()).containsExactly(Map.entry("fb-1", NOW));
    }

    @Test
    void aSendIsWrittenWithItsDeliveryToTheContactChannelOrUserItAddresses() {
        sends.queue(List.of(
                new PromptSends.QueuedSend(send("s1", new Recipient.ContactRecipient("priya@acme.example", "Priya"), NOW),
                        "raw-1"),
                new PromptSends.QueuedSend(send("s2", new Recipient.ChannelRecipient("slack", "C9SHARED", "acme"), NOW),
                        "raw-2"),
                new PromptSends.QueuedSend(send("s3", new Recipient.ChatUserRecipient("slack", "U77", "priya"), NOW),
                        "raw-3")));

        assertThat(outbox(VocItems.PROMPT)).extracting(r -> r.get("item_id") + " " + r.get("platform") + " "
                + r.get("target_kind") + " " + r.get("target")).containsExactly("s1 SLACK person priya@acme.example",
                "s2 SLACK conversation C9SHARED", "s3 SLACK user U77");
        assertThat(sends.pendingToken("s2")).contains("raw-2");
    }

    @Test
    void aCampaignSendIsQueuedOnceForItsKeyEvenWhenTwoRunsQueueIt() {
        Recipient priya = new Recipient.ContactRecipient("priya@acme.example", "Priya");
        PromptSends.QueuedSend first = new PromptSends.QueuedSend(send("s1", priya, NOW), "raw-1",
                Optional.of("contact:priya@acme.example|nps|schedule|2026-11-23"));
        PromptSends.QueuedSend second = new PromptSends.QueuedSend(send("s2", priya, NOW), "raw-2",
                Optional.of("contact:priya@acme.example|nps|schedule|2026-11-23"));

        assertThat(sends.queue(List.of(first))).hasSize(1);
        assertThat(sends.queue(List.of(second))).isEmpty();

        assertThat(outbox(VocItems.PROMPT)).extracting(r -> r.get("item_id")).containsExactly("s1");
        assertThat(sends.find("s2")).isEmpty();
    }

    @Test
    void aPromptsTokenIsForgottenOnceNothingLeftToDeliverCarriesIt() {
        PromptSend withReminder = send("s1", new Recipient.ContactRecipient("priya@acme.example", "Priya"), NOW);
        sends.queue(List.of(new PromptSends.QueuedSend(withReminder, "raw-1")));

        sends.delivered("s1", false);
        assertThat(sends.pendingToken("s1")).as("the reminder still needs it").contains("raw-1");
        assertThat(sends.remindersDue(NOW.plus(Duration.ofDays(3)), 10)).extracting(PromptSend::id).containsExactly("s1");

        assertThat(sends.remind(List.of(withReminder), NOW.plus(Duration.ofDays(3)))).isEqualTo(1);
        assertThat(sends.remind(List.of(withReminder), NOW.plus(Duration.ofDays(4)))).as("one reminder, never more")
                .isZero();
        assertThat(sends.remindersDue(NOW.plus(Duration.ofDays(5)), 10)).isEmpty();
        assertThat(outbox(VocItems.REMINDER)).extracting(r -> r.get("item_id") + " " + r.get("target"))
                .containsExactly("s1 priya@acme.example");

        sends.delivered("s1", true);
        assertThat(sends.pendingToken("s1")).isEmpty();
    }

    @Test
    void aHoldIsRecordedOnceAndItsCsmGetsOneNoteListingIt() {
        Destination csm = new Destination("slack", Destination.Kind.PERSON, "dana.cho@csbot.example");
        PromptSends.CampaignHold hold = new PromptSends.CampaignHold("acme", "Acme", "nps", "contact:priya@acme.example",
                "Priya (priya@acme.example)", "schedule", "got the csat prompt on 2026-11-20", TODAY.plusDays(11),
                "dana.cho@csbot.example", csm);

        assertThat(sends.hold(List.of(hold), NOW)).hasSize(1);
        assertThat(sends.hold(List.of(hold), NOW.plus(Duration.ofDays(1)))).isEmpty();

        List<Map<String, Object>> notes = outbox(VocItems.CAMPAIGN_NOTE);
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).get("target")).isEqualTo("dana.cho@csbot.example");
        PromptSends.CampaignNote note = sends.note((String) notes.get(0).get("item_id")).orElseThrow();
        assertThat(note.holds()).extracting(PromptSends.CampaignHold::accountName, PromptSends.CampaignHold::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Acme", "got the csat prompt on 2026-11-20"));
    }

    @Test
    void answersThatNeedAHumanAreFollowedUpOnceWithWhoAndWhen() {
        sends.queue(List.of(new PromptSends.QueuedSend(send("s1", new Recipient.ChannelRecipient("slack", "C9SHARED",
                "acme-shared"), NOW), "raw")));
        feedback.saveAnswer(answer("a1", "s1", true, 2, "Slow <!channel>", NOW));

        FollowUp waiting = feedback.followUps("acme", TODAY.minusDays(30)).get(0);
        assertThat(waiting.pending()).isTrue();
        assertThat(waiting.contactEmail()).as("anonymous: never who").isEmpty();

        assertThat(feedback.markFollowedUp("acme", "dana.cho@csbot.example", NOW.plusSeconds(60))).isEqualTo(1);
        assertThat(feedback.markFollowedUp("acme", "sam@csbot.example", NOW.plusSeconds(90))).isZero();

        FollowUp done = feedback.followUps("acme", TODAY.minusDays(30)).get(0);
        assertThat(done.followedUpBy()).contains("dana.cho@csbot.example");
        assertThat(done.followedUpAt()).contains(NOW.plusSeconds(60));
    }
}
