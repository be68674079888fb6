package dev.csbot.support;

import dev.csbot.account.AccountSignals;
import dev.csbot.account.FeedbackResponse;
import dev.csbot.voc.ChatPlace;
import dev.csbot.voc.FeedbackAnswer;
import dev.csbot.voc.FeedbackLoop;
import dev.csbot.voc.FeedbackRecord;
import dev.csbot.voc.FeedbackStore;
import dev.csbot.voc.FollowUp;
import dev.csbot.voc.LoopMessage;
import dev.csbot.voc.LoopState;
import dev.csbot.voc.LoopSubject;
import dev.csbot.voc.PromptKind;
import dev.csbot.voc.PromptSend;
import dev.csbot.voc.PromptSends;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The VoC store in memory, for testing the core without a database: sends, answers (the portfolio's imported
 * feedback read as records beside them) and loop states with their messages.
 */
public class InMemoryVoc implements PromptSends, FeedbackStore, FeedbackLoop {

    private final InMemoryPortfolio portfolio;
    public final List<QueuedSend> sends = new ArrayList<>();
    public final Map<String, FeedbackAnswer> answers = new LinkedHashMap<>();
    public final Map<LoopSubject, LoopState> states = new HashMap<>();
    public final List<LoopMessage> messages = new ArrayList<>();

    public InMemoryVoc(InMemoryPortfolio portfolio) {
        this.portfolio = portfolio;
    }

    public final Map<String, String> pendingTokens = new HashMap<>();
    public final Map<String, List<ChatPlace>> delivered = new HashMap<>();
    public final List<CampaignHold> holds = new ArrayList<>();
    public final Map<String, Instant> reminded = new HashMap<>();
    public final Map<String, Map.Entry<String, Instant>> followedUp = new HashMap<>();

    @Override
    public List<QueuedSend> queue(List<QueuedSend> queued) {
        List<QueuedSend> stored = new ArrayList<>();
        for (QueuedSend q : queued) {
            boolean clash = q.campaignKey().isPresent() && sends.stream().anyMatch(s -> s.campaignKey().equals(q.campaignKey()));
            if (!clash) {
                sends.add(q);
                pendingTokens.put(q.send().id(), q.token());
                stored.add(q);
            }
        }
        return stored;
    }

    @Override
    public Optional<PromptSend> find(String sendId) {
        return sends.stream().map(QueuedSend::send).filter(s -> s.id().equals(sendId)).findFirst().map(this::withAnswers);
    }

    @Override
    public Optional<String> pendingToken(String sendId) {
        return Optional.ofNullable(pendingTokens.get(sendId));
    }

    @Override
    public void delivered(String sendId, boolean reminder) {
        PromptSend send = find(sendId).orElseThrow();
        if (reminder || send.reminderDueAt().isEmpty() || send.answeredAt().isPresent()) {
            pendingTokens.remove(sendId);
        }
    }

    @Override
    public List<ChatPlace> deliveredTo(String sendId) {
        return delivered.getOrDefault(sendId, List.of());
    }

    @Override
    public List<PromptSend> createdSince(Instant from) {
        return sends.stream().map(QueuedSend::send).filter(s -> !s.createdAt().isBefore(from)).map(this::withAnswers)
                .toList();
    }

    @Override
    public List<PromptSend> remindersDue(Instant now, int limit) {
        return sends.stream().map(QueuedSend::send).map(this::withAnswers)
                .filter(s -> s.reminderDueAt().filter(at -> !at.isAfter(now)).isPresent() && s.remindedAt().isEmpty()
                        && s.answeredAt().isEmpty() && s.openAt(now) && pendingTokens.containsKey(s.id()))
                .limit(limit).toList();
    }

    @Override
    public int remind(List<PromptSend> due, Instant now) {
        int queued = 0;
        for (PromptSend send : due) {
            if (reminded.putIfAbsent(send.id(), now) == null) {
                queued++;
            }
        }
        return queued;
    }

    @Override
    public List<CampaignHold> hold(List<CampaignHold> held, Instant now) {
        List<CampaignHold> recorded = new ArrayList<>();
        for (CampaignHold hold : held) {
            boolean seen = holds.stream().anyMatch(h -> h.recipientKey().equals(hold.recipientKey())
                    && h.promptId().equals(hold.promptId()) && h.origin().equals(hold.origin())
                    && h.notBefore().equals(hold.notBefore()));
            if (!seen) {
                holds.add(hold);
                recorded.add(hold);
            }
        }
        return recorded;
    }

    @Override
    public Optional<CampaignNote> note(String noteId) {
        return Optional.empty();
    }

    @Override
    public int forgetTokens(Instant now) {
        int before = pendingTokens.size();
        pendingTokens.keySet().removeIf(id -> find(id).map(s -> !s.openAt(now) || s.answeredAt().isPresent())
                .orElse(true));
        return before - pendingTokens.size();
    }

    @Override
    public Optional<PromptSend> findByTokenHash(String tokenHash) {
        return sends.stream().map(QueuedSend::send).filter(s -> s.tokenHash().equals(tokenHash)).findFirst()
                .map(this::withAnswers);
    }

    @Override
    public Map<String, PromptSend> latestTo(Collection<String> recipientKeys) {
        Map<String, PromptSend> latest = new HashMap<>();
        sends.stream().map(QueuedSend::send).filter(s -> recipientKeys.contains(s.recipient().key()))
                .sorted(Comparator.comparing(PromptSend::createdAt))
                .forEach(s -> latest.put(s.recipient().key(), s));
        return latest;
    }

    @Override
    public List<PromptSend> forAccount(String accountId, Instant from) {
        return sends.stream().map(QueuedSend::send).filter(s -> s.accountId().equals(accountId)
                && !s.createdAt().isBefore(from)).map(this::withAnswers).toList();
    }

    /** A send as the store would read it back: answered once any answer to it exists, reminded once reminded. */
    private PromptSend withAnswers(PromptSend s) {
        Optional<Instant> answered = answers.values().stream().filter(a -> a.sendId().equals(s.id()))
                .map(FeedbackAnswer::answeredAt).min(Comparator.naturalOrder());
        return new PromptSend(s.id(), s.accountId(), s.promptId(), s.recipient(), s.platform(), s.tokenHash(),
                s.origin(), s.requestedBy(), s.createdAt(), s.expiresAt(), s.reminderDueAt(),
                s.remindedAt().or(() -> Optional.ofNullable(reminded.get(s.id()))), answered);
    }

    @Override
    public Optional<FeedbackAnswer> findAnswer(String sendId, String respondentKey) {
        return answers.values().stream().filter(a -> a.sendId().equals(sendId)
                && a.respondentKey().equals(respondentKey)).findFirst();
    }

    @Override
    public void saveAnswer(FeedbackAnswer answer) {
        answers.put(answer.id(), answer);
        portfolio.changed(); // as the store bumps the portfolio version with every answer
    }

    @Override
    public List<FeedbackRecord> since(LocalDate from) {
        List<FeedbackRecord> records = new ArrayList<>();
        for (AccountSignals signals : portfolio.allSignals(from, from, LocalDate.MAX)) {
            for (FeedbackResponse r : signals.feedback()) {
                if (!r.date().isBefore(from)) {
                    records.add(new FeedbackRecord(r.accountId(), r.date(), PromptKind.forSurvey(r.kind()).orElseThrow(),
                            OptionalInt.of(r.score()), r.comment(), Optional.of(r.contactEmail()), false,
                            Optional.empty(), Optional.empty()));
                }
            }
        }
        for (FeedbackAnswer a : answers.values()) {
            if (!a.answeredOn().isBefore(from)) {
                records.add(new FeedbackRecord(a.accountId(), a.answeredOn(), a.kind(), a.score(), a.comment(),
                        a.contactEmail(), a.anonymous(), Optional.of(a.id()), Optional.of(a.place())));
            }
        }
        records.sort(Comparator.comparing(FeedbackRecord::date));
        return records;
    }

    @Override
    public List<FeedbackRecord> forAccount(String accountId, LocalDate from) {
        return since(from).stream().filter(r -> r.accountId().equals(accountId)).toList();
    }

    @Override
    public Optional<LoopState> state(LoopSubject subject) {
        return Optional.ofNullable(states.get(subject));
    }

    @Override
    public Map<String, LoopState> states(LoopSubject.Kind kind) {
        Map<String, LoopState> byId = new HashMap<>();
        states.forEach((subject, state) -> {
            if (subject.kind() == kind) {
                byId.put(subject.id(), state);
            }
        });
        return byId;
    }

    @Override
    public int transition(LoopState next, List<LoopMessage> recorded) {
        states.put(next.subject(), next);
        int added = 0;
        for (LoopMessage m : recorded) {
            boolean seen = messages.stream().anyMatch(x -> x.itemId().equals(m.itemId())
                    && x.customerKey().equals(m.customerKey()) && x.stage() == m.stage());
            if (!seen) {
                messages.add(m);
                added++;
            }
        }
        return added;
    }

    @Override
    public Optional<LoopMessage> message(String messageId) {
        return messages.stream().filter(m -> m.id().equals(messageId)).findFirst();
    }

    @Override
    public List<FollowUp> followUps(String accountId, LocalDate from) {
        return answers.values().stream().filter(a -> a.accountId().equals(accountId) && a.needsFollowUp()
                        && !a.answeredOn().isBefore(from))
                .sorted(Comparator.comparing(FeedbackAnswer::answeredAt).reversed())
                .map(a -> new FollowUp(a.id(), a.kind(), a.score(), a.comment(), a.contactEmail(), a.anonymous(),
                        a.answeredOn(), Optional.ofNullable(followedUp.get(a.id())).map(Map.Entry::getKey),
                        Optional.ofNullable(followedUp.get(a.id())).map(Map.Entry::getValue)))
                .toList();
    }

    @Override
    public int markFollowedUp(String accountId, String by, Instant at) {
        int marked = 0;
        for (FeedbackAnswer a : answers.values()) {
            if (a.accountId().equals(accountId) && a.needsFollowUp()
                    && followedUp.putIfAbsent(a.id(), Map.entry(by, at)) == null) {
                marked++;
            }
        }
        return marked;
    }

    /** Every message counts as delivered here (the store counts only those the outbox delivered). */
    @Override
    public Map<String, Instant> firstClosures() {
        Map<String, Instant> first = new HashMap<>();
        for (LoopMessage m : messages) {
            first.merge(m.itemId(), m.createdAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        return first;
    }
}
