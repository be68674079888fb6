package dev.csbot.support;

import dev.csbot.account.AccountSignals;
import dev.csbot.account.FeedbackResponse;
import dev.csbot.voc.FeedbackAnswer;
import dev.csbot.voc.FeedbackLoop;
import dev.csbot.voc.FeedbackRecord;
import dev.csbot.voc.FeedbackStore;
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

    @Override
    public void queue(List<QueuedSend> queued) {
        sends.addAll(queued);
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

    /** A send as the store would read it back: answered once any answer to it exists. */
    private PromptSend withAnswers(PromptSend s) {
        Optional<Instant> answered = answers.values().stream().filter(a -> a.sendId().equals(s.id()))
                .map(FeedbackAnswer::answeredAt).min(Comparator.naturalOrder());
        return new PromptSend(s.id(), s.accountId(), s.promptId(), s.recipient(), s.platform(), s.tokenHash(),
                s.origin(), s.requestedBy(), s.createdAt(), s.expiresAt(), s.reminderDueAt(), s.remindedAt(),
                answered);
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
    public Map<String, Instant> firstClosures() {
        Map<String, Instant> first = new HashMap<>();
        for (LoopMessage m : messages) {
            first.merge(m.itemId(), m.createdAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        return first;
    }
}
