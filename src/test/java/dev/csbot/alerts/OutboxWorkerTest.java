package dev.csbot.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csbot.chat.MessageRef;
import dev.csbot.chat.Platform;
import dev.csbot.chat.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The worker's decisions, with an in-memory outbox, a scripted messenger and a clock the test moves. */
class OutboxWorkerTest {

    private final MovingClock clock = new MovingClock();
    private final MemoryOutbox outbox = new MemoryOutbox();
    private final ScriptedMessenger slack = new ScriptedMessenger();
    private final OutboxContent notice = new OutboxContent() {
        @Override
        public String itemKind() {
            return "alert-notice";
        }

        @Override
        public Optional<OutboundMessage> render(String itemId) {
            return itemId.equals("gone") ? Optional.empty()
                    : Optional.of(new OutboundMessage(Reply.of(Reply.Status.ANSWER, "Acme", "usage down"), Optional.empty()));
        }
    };
    private final OutboxWorker worker = new OutboxWorker(outbox, List.of(slack), List.of(notice), clock,
            new OutboxWorker.Settings(3, Duration.ofSeconds(5), Duration.ofMinutes(30), Duration.ofMinutes(2), 10),
            "test-worker", d -> clock.advance(d));

    private OutboxRow queue(String item, Platform platform) {
        OutboxEntry entry = OutboxEntry.post("alert-notice", item, DeliveryTarget.conversation(platform, "C1"), "acme");
        return outbox.add(entry, clock.instant());
    }

    @Test
    void aPassingFailureIsRetriedWithGrowingBackoffAndParkedAfterTheLastAttempt() {
        OutboxRow row = queue("n1", Platform.SLACK);
        slack.failures.add(DeliveryFailure.retry("Slack chat.postMessage: internal_error", null));
        slack.failures.add(DeliveryFailure.retry("Slack chat.postMessage: internal_error", null));
        slack.failures.add(DeliveryFailure.retry("Slack chat.postMessage: internal_error", null));

        worker.runOnce();
        Instant first = outbox.next.get(row.id());
        assertThat(Duration.between(clock.instant(), first)).isEqualTo(Duration.ofSeconds(5));
        assertThat(worker.runOnce()).as("not due yet").isZero();
        clock.advance(Duration.ofSeconds(5));
        worker.runOnce();
        assertThat(Duration.between(clock.instant(), outbox.next.get(row.id()))).isEqualTo(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(10));
        worker.runOnce();

        assertThat(outbox.state.get(row.id())).isEqualTo("parked");
        assertThat(outbox.reason.get(row.id())).isEqualTo("gave up after 3 attempts: Slack chat.postMessage: internal_error");
        assertThat(slack.posts).isZero();
    }

    @Test
    void retryAfterFromThePlatformWinsOverTheBackoff() {
        OutboxRow row = queue("n1", Platform.SLACK);
        slack.failures.add(DeliveryFailure.retryAfter("429", Duration.ofSeconds(42)));

        worker.runOnce();

        assertThat(Duration.between(clock.instant(), outbox.next.get(row.id()))).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void aRefusedOrImpossibleTargetIsParkedAtOnceWithItsReason() {
        OutboxRow shared = queue("n1", Platform.SLACK);
        slack.failures.add(DeliveryFailure.refused("channel C1 is shared with another organisation"));
        worker.runOnce();
        assertThat(outbox.state.get(shared.id())).isEqualTo("parked");
        assertThat(outbox.reason.get(shared.id())).contains("shared with another organisation");

        OutboxRow teams = queue("n2", Platform.TEAMS);
        worker.runOnce();
        assertThat(outbox.reason.get(teams.id())).isEqualTo("Teams is not set up in this service, so nothing can be"
                + " sent there");
    }

    @Test
    void aRowInDoubtIsLookedForFirstAndRecordedWithoutPostingAgain() {
        OutboxRow row = queue("n1", Platform.SLACK);
        outbox.doubt.put(row.id(), true);
        slack.alreadyPosted = Optional.of(new MessageRef(Platform.SLACK, "C1", "1800000000.000100"));

        worker.runOnce();

        assertThat(outbox.state.get(row.id())).isEqualTo("delivered");
        assertThat(outbox.posted.get(row.id())).isEqualTo("1800000000.000100");
        assertThat(slack.posts).isZero();
    }

    @Test
    void anUncertainFailureKeepsTheRowInDoubtAndAnItemThatIsGoneIsNotSent() {
        OutboxRow row = queue("n1", Platform.SLACK);
        slack.failures.add(DeliveryFailure.uncertain("read timed out", null));
        worker.runOnce();
        assertThat(outbox.doubt.get(row.id())).isTrue();

        OutboxRow gone = queue("gone", Platform.SLACK);
        clock.advance(Duration.ofMinutes(1));
        worker.runOnce();
        assertThat(outbox.state.get(gone.id())).isEqualTo("delivered");
        assertThat(outbox.posted).doesNotContainKey(gone.id());
    }

    @Test
    void twoPostsIntoOneChannelAreAtLeastItsMinimumIntervalApart() {
        queue("n1", Platform.SLACK);
        queue("n2", Platform.SLACK);

        worker.runOnce();

        assertThat(slack.postedAt).hasSize(2);
        assertThat(Duration.between(slack.postedAt.get(0), slack.postedAt.get(1))).isGreaterThanOrEqualTo(
                Duration.ofSeconds(1));
    }

    @Test
    void rowsNotReachedWhileHalfTheLeaseWasLeftGoBackInLineUntriedForAnotherInstance() {
        OutboxWorker shortLease = new OutboxWorker(outbox, List.of(slack), List.of(notice), clock,
                new OutboxWorker.Settings(3, Duration.ofSeconds(5), Duration.ofMinutes(30), Duration.ofSeconds(4), 10),
                "test-worker", d -> clock.advance(d));
        List<OutboxRow> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rows.add(queue("n" + i, Platform.SLACK)); // one channel: a second between posts
        }
        Instant claimed = clock.instant();

        shortLease.runOnce();

        assertThat(slack.posts).as("started within the first half of the 4 s lease").isEqualTo(4);
        OutboxRow last = rows.get(4);
        assertThat(outbox.state.get(last.id())).isEqualTo("pending");
        assertThat(outbox.doubt.get(last.id())).as("never tried, so nothing to look for").isFalse();
        assertThat(outbox.next.get(last.id())).isBefore(claimed.plusSeconds(4));
        assertThat(outbox.reason.get(last.id())).isEqualTo("not reached within its lease");
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final class ScriptedMessenger implements ConversationMessenger {
        final Deque<DeliveryFailure> failures = new ArrayDeque<>();
        Optional<MessageRef> alreadyPosted = Optional.empty();
        int posts;
        final List<Instant> postedAt = new ArrayList<>();

        @Override
        public Platform platform() {
            return Platform.SLACK;
        }

        @Override
        public MessageRef post(DeliveryTarget target, OutboundMessage message, String key) throws DeliveryFailure {
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
            posts++;
            postedAt.add(clock.instant());
            return new MessageRef(Platform.SLACK, target.address(), "ts-" + posts);
        }

        @Override
        public void update(MessageRef message, OutboundMessage content) {
        }

        @Override
        public Optional<MessageRef> findPosted(DeliveryTarget target, String key, Instant since) {
            return alreadyPosted;
        }

        @Override
        public Duration minimumInterval() {
            return Duration.ofSeconds(1);
        }
    }

    /** Rows in maps: due when pending and next <= now. */
    private static final class MemoryOutbox implements Outbox {
        final Map<String, OutboxEntry> entries = new LinkedHashMap<>();
        final Map<String, String> state = new LinkedHashMap<>();
        final Map<String, Instant> next = new LinkedHashMap<>();
        final Map<String, Integer> attempts = new LinkedHashMap<>();
        final Map<String, Boolean> doubt = new LinkedHashMap<>();
        final Map<String, String> reason = new LinkedHashMap<>();
        final Map<String, String> posted = new LinkedHashMap<>();

        OutboxRow add(OutboxEntry entry, Instant at) {
            String id = "row-" + entries.size();
            entries.put(id, entry);
            state.put(id, "pending");
            next.put(id, at);
            attempts.put(id, 0);
            doubt.put(id, false);
            return new OutboxRow(id, entry, 0, false, at);
        }

        @Override
        public void enqueue(List<OutboxEntry> list) {
            list.forEach(e -> add(e, Instant.EPOCH));
        }

        @Override
        public List<OutboxRow> claim(String worker, Instant now, Instant leaseUntil, int max) {
            List<OutboxRow> rows = new ArrayList<>();
            for (String id : entries.keySet()) {
                if (state.get(id).equals("pending") && !next.get(id).isAfter(now) && rows.size() < max) {
                    attempts.merge(id, 1, Integer::sum);
                    rows.add(new OutboxRow(id, entries.get(id), attempts.get(id), doubt.get(id), Instant.EPOCH));
                    doubt.put(id, true);
                    state.put(id, "claimed");
                }
            }
            return rows;
        }

        @Override
        public void delivered(OutboxRow row, Optional<MessageRef> message, Instant now) {
            state.put(row.id(), "delivered");
            doubt.put(row.id(), false);
            message.ifPresent(m -> posted.put(row.id(), m.messageId()));
        }

        @Override
        public void retryLater(OutboxRow row, String why, Instant nextAttempt, boolean mayHavePosted, Instant now) {
            state.put(row.id(), "pending");
            next.put(row.id(), nextAttempt);
            doubt.put(row.id(), mayHavePosted);
            reason.put(row.id(), why);
        }

        @Override
        public void park(OutboxRow row, String why, Instant now) {
            state.put(row.id(), "parked");
            doubt.put(row.id(), false);
            reason.put(row.id(), why);
        }

        @Override
        public boolean retry(String outboxId, String by, Instant now) {
            return false;
        }

        @Override
        public List<ParkedDelivery> parked(int limit) {
            return List.of();
        }

        @Override
        public List<MessageRef> postedFor(String itemKind, String itemId) {
            return List.of();
        }
    }
}
