package dev.csbot.voc;

import dev.csbot.account.AccountRepository;
import dev.csbot.account.AccountSignals;
import dev.csbot.account.Contact;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Takes a customer's answer: checks that the token is open and addressed to them, checks the inputs, and
 * records it (or edits their earlier answer within the prompt's edit window). Every refusal looks the same,
 * so a caller learns nothing about tokens that are not theirs.
 */
final class AnswerRecorder {

    private static final String SCORE = AnswerFields.SCORE;
    private static final String COMMENT = AnswerFields.COMMENT;
    private static final String ANONYMOUS = AnswerFields.ANONYMOUS;
    private static final int MAX_COMMENT = AnswerFields.MAX_COMMENT;
    static final int MAX_INPUTS = 10;
    static final int MAX_INPUT_CHARS = 4000;

    private final PromptCatalog prompts;
    private final AccountRepository accounts;
    private final PromptSends sends;
    private final FeedbackStore feedback;
    private final Clock clock;

    AnswerRecorder(PromptCatalog prompts, AccountRepository accounts, PromptSends sends, FeedbackStore feedback,
            Clock clock) {
        this.prompts = prompts;
        this.accounts = accounts;
        this.sends = sends;
        this.feedback = feedback;
        this.clock = clock;
    }

    /** The prompt behind {@code token}, if this respondent may answer it here and now. */
    Optional<OpenPrompt> open(String token, Respondent respondent, ChatPlace place) {
        if (respondent.internal() || !PromptToken.wellFormed(token)) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        Optional<PromptSend> found = sends.findByTokenHash(PromptToken.hash(token));
        if (found.isEmpty() || !found.get().openAt(now)) {
            return Optional.empty();
        }
        PromptSend send = found.get();
        Optional<FeedbackPrompt> prompt = prompts.find(send.promptId());
        if (prompt.isEmpty() || !addressedTo(send, respondent, place)) {
            return Optional.empty();
        }
        Optional<FeedbackAnswer> earlier = feedback.findAnswer(send.id(), respondentKey(send, respondent));
        if (earlier.isPresent() && now.isAfter(earlier.get().answeredAt()
                .plus(Duration.ofMinutes(prompt.get().answerWindow().editMinutes())))) {
            return Optional.empty();
        }
        return Optional.of(new OpenPrompt(prompt.get(), send, earlier));
    }

    AnswerOutcome answer(AnswerAttempt attempt) {
        if (attempt.inputs().size() > MAX_INPUTS) {
            return new AnswerOutcome.Refused();
        }
        Optional<OpenPrompt> open = open(attempt.token(), attempt.respondent(), attempt.place());
        if (open.isEmpty()) {
            return new AnswerOutcome.Refused();
        }
        FeedbackPrompt prompt = open.get().prompt();
        Optional<FeedbackAnswer> earlier = open.get().earlier();
        Map<String, String> errors = new LinkedHashMap<>();
        OptionalInt score = score(prompt, attempt.inputs().get(SCORE), earlier, errors);
        Optional<String> comment = comment(prompt, attempt.inputs().get(COMMENT), earlier, errors);
        if (!errors.isEmpty()) {
            return new AnswerOutcome.Invalid(errors);
        }
        boolean anonymous = open.get().offersAnonymity() && (attempt.inputs().containsKey(ANONYMOUS)
                ? "true".equalsIgnoreCase(attempt.inputs().get(ANONYMOUS).strip())
                : earlier.map(FeedbackAnswer::anonymous).orElse(false));
        FeedbackAnswer answer = record(open.get(), attempt, score, comment, anonymous);
        feedback.saveAnswer(answer);
        Optional<String> next = Optional.empty();
        Optional<FeedbackPrompt.FollowUp> followUp = prompt.followUp();
        if (followUp.isPresent() && followUp.get().dependsOnScore() && score.isPresent() && comment.isEmpty()
                && !attempt.inputs().containsKey(COMMENT)) {
            next = Optional.of(followUp.get().questionFor(score));
        }
        return new AnswerOutcome.Recorded(prompt, answer, earlier.isPresent(), next,
                FollowUpUrgency.reason(prompt, score));
    }

    private FeedbackAnswer record(OpenPrompt open, AnswerAttempt attempt, OptionalInt score, Optional<String> comment,
            boolean anonymous) {
        Instant now = Instant.now(clock);
        PromptSend send = open.send();
        Optional<FeedbackAnswer> earlier = open.earlier();
        String id = earlier.map(FeedbackAnswer::id).orElseGet(() -> UUID.randomUUID().toString());
        Optional<String> email = anonymous ? Optional.empty() : attempt.respondent().email()
                .or(() -> send.recipient() instanceof Recipient.ContactRecipient c ? Optional.of(c.email())
                        : Optional.empty())
                .map(e -> e.toLowerCase(Locale.ROOT));
        return new FeedbackAnswer(id, send.id(), send.accountId(), send.promptId(), open.prompt().kind(),
                respondentKey(send, attempt.respondent()), email, anonymous, score, comment, attempt.place(),
                earlier.map(FeedbackAnswer::answeredOn).orElse(LocalDate.ofInstant(now, clock.getZone())),
                earlier.map(FeedbackAnswer::answeredAt).orElse(now), now,
                FollowUpUrgency.reason(open.prompt(), score).isPresent());
    }

    private static OptionalInt score(FeedbackPrompt prompt, String given, Optional<FeedbackAnswer> earlier,
            Map<String, String> errors) {
        if (prompt.scale().isEmpty()) {
            return OptionalInt.empty();
        }
        FeedbackPrompt.Scale scale = prompt.scale().get();
        String pick = "Pick a score from " + scale.min() + " to " + scale.max() + ".";
        if (given == null || given.isBlank()) {
            OptionalInt kept = earlier.map(FeedbackAnswer::score).orElse(OptionalInt.empty());
            if (kept.isEmpty()) {
                errors.put(SCORE, pick);
            }
            return kept;
        }
        String text = given.strip();
        if (text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
            errors.put(SCORE, pick);
            return OptionalInt.empty();
        }
        int value = Integer.parseInt(text);
        if (!scale.accepts(value)) {
            errors.put(SCORE, pick);
            return OptionalInt.empty();
        }
        return OptionalInt.of(value);
    }

    private static Optional<String> comment(FeedbackPrompt prompt, String given, Optional<FeedbackAnswer> earlier,
            Map<String, String> errors) {
        if (given != null && given.length() > MAX_INPUT_CHARS) {
            errors.put(COMMENT, "Please keep it to " + String.format(Locale.US, "%,d", MAX_COMMENT) + " characters.");
            return Optional.empty();
        }
        String text = given == null ? "" : given.strip();
        if (text.length() > MAX_COMMENT) {
            errors.put(COMMENT, "Please keep it to " + String.format(Locale.US, "%,d", MAX_COMMENT)
                    + " characters (this is " + String.format(Locale.US, "%,d", text.length()) + ").");
            return Optional.empty();
        }
        if (text.isEmpty()) {
            Optional<String> kept = earlier.flatMap(FeedbackAnswer::comment);
            if (kept.isEmpty() && !prompt.kind().scored()) {
                errors.put(COMMENT, "Please write your answer.");
            }
            return kept;
        }
        return Optional.of(text);
    }

    /**
     * Only the addressed contact (by email, or in the direct message the prompt was delivered to) or chat user may
     * answer; for a channel prompt, people of the customer's organisation in that channel: their email is at one of
     * the domains of the account's contacts.
     */
    private boolean addressedTo(PromptSend send, Respondent respondent, ChatPlace place) {
        Recipient recipient = send.recipient();
        if (recipient instanceof Recipient.ContactRecipient contact) {
            // The direct message the prompt was delivered to was opened for the contact's email, and holds only them:
            // answering there is answering as them, even where the platform hides the email (Slack Connect).
            return respondent.email().filter(e -> e.equalsIgnoreCase(contact.email())).isPresent()
                    || sends.deliveredTo(send.id()).contains(place);
        }
        if (recipient instanceof Recipient.ChatUserRecipient user) {
            return user.platform().equals(respondent.platform()) && user.userId().equals(respondent.userId());
        }
        Recipient.ChannelRecipient channel = (Recipient.ChannelRecipient) recipient;
        if (!channel.platform().equals(place.platform()) || !channel.channelId().equals(place.conversationId())
                || !channel.platform().equals(respondent.platform()) || respondent.email().isEmpty()) {
            return false;
        }
        LocalDate today = LocalDate.now(clock);
        List<Contact> contacts = accounts.signals(send.accountId(), today, today).map(AccountSignals::contacts)
                .orElse(List.of());
        Set<String> domains = contacts.stream().map(c -> domain(c.email())).filter(d -> !d.isEmpty())
                .collect(Collectors.toSet());
        return domains.contains(domain(respondent.email().get()));
    }

    private static String domain(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    }

    /** One answer per person per send: who they are on the platform, hashed with the send, never stored plainly. */
    static String respondentKey(PromptSend send, Respondent respondent) {
        String who = send.id() + "|" + respondent.platform() + "|" + respondent.organisationId().orElse("") + "|"
                + respondent.userId();
        return Hashes.sha256Hex(who);
    }
}
