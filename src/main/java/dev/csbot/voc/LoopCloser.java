package dev.csbot.voc;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Moves an item or a theme along new -> acknowledged -> planned / shipped / declined. On the last three,
 * every customer who raised it gets a message waiting for delivery in the conversation where they gave it
 * (for an anonymous answer: there, without anyone learning who they are).
 */
final class LoopCloser {

    static final int MAX_MESSAGE = 500;
    /** How far back an item id is looked for: older feedback cannot be moved any more. */
    static final int ITEM_LOOKBACK_DAYS = 730;

    private final ThemeTagger tagger;
    private final VocInsights insights;
    private final FeedbackStore feedback;
    private final FeedbackLoop loop;
    private final Clock clock;
    /** Where an imported item's customer (no conversation, only an email) is reached. */
    private final String defaultPlatform;

    LoopCloser(ThemeTagger tagger, VocInsights insights, FeedbackStore feedback, FeedbackLoop loop, Clock clock,
            String defaultPlatform) {
        this.tagger = tagger;
        this.insights = insights;
        this.feedback = feedback;
        this.loop = loop;
        this.clock = clock;
        this.defaultPlatform = defaultPlatform;
    }

    LoopMove move(LoopSubject subject, LoopStage to, Optional<String> message, String actor) {
        Optional<String> text = message.map(String::strip).filter(m -> !m.isEmpty());
        if (text.isPresent() && text.get().length() > MAX_MESSAGE) {
            return new LoopMove.Rejected("The message is " + text.get().length() + " characters; keep it to " + MAX_MESSAGE
                    + ", it goes to customers as it is.");
        }
        if (to.closesTheLoop() && text.isEmpty()) {
            return new LoopMove.Rejected("Say what customers should hear, in quotes: for example /voc set " + subject.id() + " "
                    + to.label() + " \"" + example(to) + "\"");
        }
        LocalDate today = LocalDate.now(clock);
        List<FeedbackRecord> items;
        String name;
        Optional<String> accountId = Optional.empty();
        if (subject.kind() == LoopSubject.Kind.THEME) {
            Optional<ThemeCatalog.Theme> theme = tagger.catalog().find(subject.id());
            if (theme.isEmpty()) {
                return new LoopMove.Rejected("There is no theme \"" + subject.id() + "\". Themes: " + String.join(", ",
                        tagger.catalog().themes().stream().map(ThemeCatalog.Theme::key).toList()) + ".");
            }
            name = theme.get().label();
            items = insights.withTheme(theme.get().key());
        } else {
            Optional<FeedbackRecord> item = feedback.since(today.minusDays(ITEM_LOOKBACK_DAYS)).stream()
                    .filter(r -> r.hasComment() && r.itemId().equals(subject.id())).findFirst();
            if (item.isEmpty()) {
                return new LoopMove.Rejected("There is no feedback item " + subject.id() + " from the last " + ITEM_LOOKBACK_DAYS
                        + " days. /feedback <account> lists an account's items with their ids.");
            }
            name = subject.id();
            items = List.of(item.get());
            accountId = Optional.of(item.get().accountId());
        }
        LoopStage from = loop.state(subject).map(LoopState::stage).orElse(LoopStage.NEW);
        if (!from.canMoveTo(to)) {
            return new LoopMove.Rejected(name + " is " + from.label() + (from == LoopStage.SHIPPED || from == LoopStage.DECLINED
                    ? "; shipped and declined are final." : "; it can move on to: " + nextStages(from) + "."));
        }
        Instant now = Instant.now(clock);
        List<LoopMessage> messages = new ArrayList<>();
        if (to.closesTheLoop()) {
            String about = subject.kind() == LoopSubject.Kind.THEME ? " about " + name : "";
            for (FeedbackRecord item : items) {
                Optional<Destination> destination = destination(item);
                if (destination.isEmpty()) {
                    continue; // an imported row without an email: nobody to tell
                }
                messages.add(new LoopMessage(UUID.randomUUID().toString(), item.itemId(), item.accountId(),
                        item.customerKey(), item.anonymous() ? Optional.empty() : item.contactEmail(), item.place(),
                        subject, to, customerText(item.date(), about, to, text.get()), item.date(), now,
                        destination.get()));
            }
        }
        int told = loop.transition(new LoopState(subject, to, text, actor, now), messages);
        return new LoopMove.Moved(subject, name, accountId, from, to, items.size(), told);
    }

    /**
     * Where the customer who raised an item hears back: the conversation they gave it in (for an anonymous answer
     * nothing else is known, nor looked up), else the contact of an imported response by email.
     */
    private Optional<Destination> destination(FeedbackRecord item) {
        if (item.place().isPresent()) {
            ChatPlace place = item.place().get();
            return Optional.of(new Destination(place.platform(), Destination.Kind.CONVERSATION, place.conversationId()));
        }
        return item.anonymous() ? Optional.empty() : item.contactEmail().filter(e -> !e.isBlank())
                .map(email -> new Destination(defaultPlatform, Destination.Kind.PERSON, email));
    }

    /** What the customer reads: plain text, nothing internal, no quote of what anyone said. */
    static String customerText(LocalDate raisedOn, String about, LoopStage stage, String message) {
        String outcome = switch (stage) {
            case PLANNED -> "it is now planned";
            case SHIPPED -> "it has shipped";
            case DECLINED -> "we have decided not to do it";
            default -> stage.label();
        };
        return "An update on the feedback you gave us on " + raisedOn + about + ": " + outcome + ". " + message;
    }

    private static String nextStages(LoopStage from) {
        return String.join(", ", java.util.Arrays.stream(LoopStage.values()).filter(from::canMoveTo)
                .map(LoopStage::label).toList());
    }

    private static String example(LoopStage stage) {
        return switch (stage) {
            case PLANNED -> "Bulk export is planned for Q3.";
            case SHIPPED -> "Bulk export shipped today: Reports > Export all.";
            default -> "We will not build this; here is why: ...";
        };
    }
}
