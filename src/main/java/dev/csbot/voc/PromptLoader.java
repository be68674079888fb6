package dev.csbot.voc;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.csbot.voc.FeedbackPrompt.AnswerWindow;
import dev.csbot.voc.FeedbackPrompt.Audience;
import dev.csbot.voc.FeedbackPrompt.Campaign;
import dev.csbot.voc.FeedbackPrompt.FollowUp;
import dev.csbot.voc.FeedbackPrompt.Scale;
import dev.csbot.voc.FeedbackPrompt.ScoreQuestion;
import dev.csbot.voc.FeedbackPrompt.Trigger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the feedback prompts: the shipped ones (the repository's {@code prompts/} directory, packaged in the
 * jar) or, when {@code CSBOT_PROMPTS} names a directory, the {@code *.yaml} files there instead. Every
 * problem in every file is reported at once as {@code file: field 'path': reason}, and nothing is used
 * until all of them are right.
 */
public final class PromptLoader {

    /** The prompts packaged in the jar, from the repository's {@code prompts/} directory. */
    static final List<String> SHIPPED = List.of("nps", "csat", "ces", "onboarding-checkin", "product-request");

    static final int MAX_FILE_BYTES = 64 * 1024;
    static final int MAX_FILES = 50;
    static final int MAX_TITLE = 24;
    static final int MAX_TEXT = 300;
    static final int MAX_LABEL = 60;
    static final int MAX_SCALE_POINTS = 11;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,2})\\s*(?:-\\s*(\\d{1,2})\\s*)?");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PromptLoader() {}

    public static PromptCatalog shipped() {
        List<String> problems = new ArrayList<>();
        List<FeedbackPrompt> prompts = new ArrayList<>();
        for (String id : SHIPPED) {
            String resource = "/prompts/" + id + ".yaml";
            try (InputStream in = PromptLoader.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the jar has no " + resource + ": it was built without prompts/");
                }
                read("prompts/" + id + ".yaml", id, in.readNBytes(MAX_FILE_BYTES + 1), problems).ifPresent(prompts::add);
            } catch (IOException e) {
                throw new UncheckedIOException("the jar's " + resource + " cannot be read", e);
            }
        }
        return catalog(prompts, problems, "the shipped prompts");
    }

    /** The prompts in {@code directory} (its {@code *.yaml} and {@code *.yml} files), instead of the shipped ones. */
    public static PromptCatalog fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new PromptFileException(directory + ": not a directory (CSBOT_PROMPTS must name a directory of"
                    + " prompt files, one <id>.yaml per prompt)");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> isYaml(f.getFileName().toString()) && Files.isRegularFile(f))
                    .limit(MAX_FILES + 1L).sorted().toList();
        } catch (IOException e) {
            throw new PromptFileException(directory + ": cannot list the prompt files: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new PromptFileException(directory + ": no prompt files (*.yaml) in this directory");
        }
        if (files.size() > MAX_FILES) {
            throw new PromptFileException(directory + ": more than " + MAX_FILES + " prompt files; keep at most "
                    + MAX_FILES);
        }
        List<String> problems = new ArrayList<>();
        List<FeedbackPrompt> prompts = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String expectedId = name.substring(0, name.lastIndexOf('.'));
            byte[] content;
            try {
                if (Files.size(file) > MAX_FILE_BYTES) {
                    problems.add(file + ": larger than " + MAX_FILE_BYTES / 1024 + " KB; a prompt file is a few lines");
                    continue;
                }
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                problems.add(file + ": cannot be read: " + e.getMessage());
                continue;
            }
            read(file.toString(), expectedId, content, problems).ifPresent(prompts::add);
        }
        return catalog(prompts, problems, directory.toString());
    }

    private static boolean isYaml(String name) {
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.startsWith(".");
    }

    private static PromptCatalog catalog(List<FeedbackPrompt> prompts, List<String> problems, String source) {
        if (!problems.isEmpty()) {
            throw new PromptFileException(String.join("; ", problems));
        }
        return new PromptCatalog(prompts, source);
    }

    /** Parses one file; its problems go to {@code problems}, each prefixed with {@code source}. */
    static Optional<FeedbackPrompt> read(String source, String expectedId, byte[] content, List<String> problems) {
        if (content.length > MAX_FILE_BYTES) {
            problems.add(source + ": larger than " + MAX_FILE_BYTES / 1024 + " KB; a prompt file is a few lines");
            return Optional.empty();
        }
        PromptFile file;
        try {
            file = YAML.readValue(content, PromptFile.class);
        } catch (IOException e) {
            problems.add(source + ": " + YamlErrors.describe(e));
            return Optional.empty();
        }
        if (file == null) {
            problems.add(source + ": the file is empty; a prompt needs at least id, kind, wording and thank_you");
            return Optional.empty();
        }
        Problems found = new Problems(source);
        FeedbackPrompt prompt = new Checked(found, expectedId).prompt(file);
        problems.addAll(found.list);
        return found.list.isEmpty() ? Optional.of(prompt) : Optional.empty();
    }

    private static final class Problems {
        final String source;
        final List<String> list = new ArrayList<>();

        Problems(String source) {
            this.source = source;
        }

        void add(String field, String reason) {
            list.add(source + ": field '" + field + "': " + reason);
        }
    }

    /** Turns the bound file into a prompt, noting every problem with its field. */
    private record Checked(Problems problems, String expectedId) {

        FeedbackPrompt prompt(PromptFile f) {
            String id = required("id", f.id(), 40);
            if (id != null && !ID.matcher(id).matches()) {
                problems.add("id", "use lower-case letters, digits and dashes, e.g. nps or onboarding-checkin (got \""
                        + id + "\")");
            } else if (id != null && !id.equals(expectedId)) {
                problems.add("id", "must match the file name: \"" + expectedId + "\" (got \"" + id + "\")");
            }
            PromptKind kind = null;
            String kindText = required("kind", f.kind(), 40);
            if (kindText != null) {
                kind = PromptKind.fromLabel(kindText).orElse(null);
                if (kind == null) {
                    problems.add("kind", "unknown kind \"" + kindText + "\" (one of: nps, csat, ces, check-in,"
                            + " product-request)");
                }
            }
            String title = f.title() == null ? "Your feedback" : required("title", f.title(), MAX_TITLE);
            String wording = required("wording", f.wording(), MAX_TEXT);
            Optional<Scale> scale = scale(kind, f.scale());
            Optional<FollowUp> followUp = followUp(f.followUp(), scale);
            if (kind == PromptKind.PRODUCT_REQUEST && followUp.isPresent()) {
                problems.add("follow_up", "a product request is one free-text question (its wording); remove follow_up");
            }
            String thankYou = required("thank_you", f.thankYou(), MAX_TEXT);
            String reminder = f.reminderText() == null
                    ? "A gentle reminder: we would still love to hear from you. It takes a few seconds."
                    : required("reminder_text", f.reminderText(), MAX_TEXT);
            AnswerWindow window = window(f.answerWindow());
            Campaign campaign = campaign(f.campaign(), window);
            return new FeedbackPrompt(id, kind, title, wording, scale, followUp,
                    Boolean.TRUE.equals(f.anonymityAllowed()), thankYou, reminder, window, campaign);
        }

        private String required(String field, String value, int max) {
            if (value == null || value.isBlank()) {
                problems.add(field, "missing; write the text here");
                return null;
            }
            String text = value.strip();
            if (text.length() > max) {
                problems.add(field, "too long: " + text.length() + " characters, at most " + max);
            }
            return text;
        }

        private Optional<Scale> scale(PromptKind kind, PromptFile.ScaleFile s) {
            if (kind == null) {
                return Optional.empty();
            }
            if (!kind.scored()) {
                if (s != null) {
                    problems.add("scale", "a " + kind.label() + " has no score; remove the scale");
                }
                return Optional.empty();
            }
            if (s == null || s.min() == null || s.max() == null) {
                problems.add("scale", "a " + kind.label() + " prompt needs scale.min and scale.max");
                return Optional.empty();
            }
            int min = s.min();
            int max = s.max();
            Optional<dev.csbot.account.FeedbackKind> survey = kind.survey();
            if (survey.isPresent() && (min != survey.get().min() || max != survey.get().max())) {
                // The health score and the CSV import read these surveys on their one standard scale.
                problems.add("scale", kind.label().toUpperCase(java.util.Locale.ROOT) + " is scored "
                        + survey.get().min() + "-" + survey.get().max() + " everywhere in csbot (got " + min + "-"
                        + max + ")");
            } else if (min < 0 || max <= min || max > 99 || max - min + 1 > MAX_SCALE_POINTS) {
                problems.add("scale", "need 0 <= min < max <= 99 with at most " + MAX_SCALE_POINTS + " points (got "
                        + min + "-" + max + ")");
            }
            TreeMap<Integer, String> labels = new TreeMap<>();
            if (s.labels() != null) {
                for (Map.Entry<String, String> label : s.labels().entrySet()) {
                    String field = "scale.labels." + label.getKey();
                    int point;
                    try {
                        point = Integer.parseInt(label.getKey().trim());
                    } catch (NumberFormatException notANumber) {
                        problems.add(field, "a label belongs to a score: use a number from " + min + " to " + max);
                        continue;
                    }
                    if (point < min || point > max) {
                        problems.add(field, "outside the scale " + min + "-" + max);
                        continue;
                    }
                    String text = required(field, label.getValue(), MAX_LABEL);
                    if (text != null) {
                        labels.put(point, text);
                    }
                }
            }
            return Optional.of(new Scale(min, max, labels));
        }

        private Optional<FollowUp> followUp(PromptFile.FollowUpFile f, Optional<Scale> scale) {
            if (f == null) {
                return Optional.empty();
            }
            String question = required("follow_up.question", f.question(), MAX_TEXT);
            List<ScoreQuestion> byScore = new ArrayList<>();
            if (f.byScore() != null) {
                if (scale.isEmpty() && !f.byScore().isEmpty()) {
                    problems.add("follow_up.by_score", "questions by score need a scale");
                    return Optional.of(new FollowUp(question, List.of()));
                }
                boolean[] taken = new boolean[100]; // scores are 0-99, ranges two digits
                for (int i = 0; i < f.byScore().size() && i < MAX_SCALE_POINTS; i++) {
                    String field = "follow_up.by_score[" + i + "]";
                    PromptFile.ScoreQuestionFile entry = f.byScore().get(i);
                    if (entry == null) {
                        problems.add(field, "empty entry; give scores and question");
                        continue;
                    }
                    String text = required(field + ".question", entry.question(), MAX_TEXT);
                    Matcher m = entry.scores() == null ? null : RANGE.matcher(entry.scores());
                    if (m == null || !m.matches()) {
                        problems.add(field + ".scores", "write a score or a range, e.g. 0-6 or 10 (got "
                                + (entry.scores() == null ? "nothing" : "\"" + entry.scores() + "\"") + ")");
                        continue;
                    }
                    int from = Integer.parseInt(m.group(1));
                    int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
                    Scale sc = scale.get();
                    if (from > to || from < sc.min() || to > sc.max()) {
                        problems.add(field + ".scores", "must lie within the scale " + sc.min() + "-" + sc.max()
                                + ", low to high (got " + from + "-" + to + ")");
                        continue;
                    }
                    boolean overlaps = false;
                    for (int p = from; p <= to; p++) {
                        overlaps |= taken[p];
                        taken[p] = true;
                    }
                    if (overlaps) {
                        problems.add(field + ".scores", "overlaps an earlier range: each score gets one question");
                    }
                    byScore.add(new ScoreQuestion(from, to, text));
                }
                if (f.byScore().size() > MAX_SCALE_POINTS) {
                    problems.add("follow_up.by_score", "at most " + MAX_SCALE_POINTS + " ranges");
                }
            }
            return Optional.of(new FollowUp(question, byScore));
        }

        private AnswerWindow window(PromptFile.WindowFile w) {
            int openDays = w == null || w.openDays() == null ? 14 : w.openDays();
            int editMinutes = w == null || w.editMinutes() == null ? 1440 : w.editMinutes();
            if (openDays < 1 || openDays > 90) {
                problems.add("answer_window.open_days", "from 1 to 90 days (got " + openDays + ")");
            }
            if (editMinutes < 0 || editMinutes > 7 * 1440) {
                problems.add("answer_window.edit_minutes", "from 0 to " + 7 * 1440 + " minutes (got " + editMinutes
                        + ")");
            }
            return new AnswerWindow(openDays, editMinutes);
        }

        private Campaign campaign(PromptFile.CampaignFile c, AnswerWindow window) {
            if (c == null) {
                return new Campaign(Optional.empty(), Optional.empty(), Audience.EVERY_CONTACT, 30, OptionalInt.empty());
            }
            Optional<Integer> everyDays = Optional.empty();
            if (c.schedule() != null) {
                Integer days = c.schedule().everyDays();
                if (days == null || days < 1 || days > 3650) {
                    problems.add("campaign.schedule.every_days", "from 1 to 3650 days (got " + days + ")");
                } else {
                    everyDays = Optional.of(days);
                }
            }
            Optional<Trigger> trigger = trigger(c.trigger());
            if (everyDays.isPresent() && trigger.isPresent()) {
                problems.add("campaign", "either a schedule or a trigger, not both");
            }
            Audience audience = Audience.EVERY_CONTACT;
            if (c.audience() != null) {
                audience = java.util.Arrays.stream(Audience.values()).filter(a -> a.label().equals(c.audience().trim()))
                        .findFirst().orElse(null);
                if (audience == null) {
                    problems.add("campaign.audience", "every-contact or champion (got \"" + c.audience() + "\")");
                    audience = Audience.EVERY_CONTACT;
                }
            }
            int throttle = c.throttleDays() == null ? 30 : c.throttleDays();
            if (throttle < 0 || throttle > 365) {
                problems.add("campaign.throttle_days", "from 0 to 365 days (got " + throttle + ")");
            }
            OptionalInt reminder = OptionalInt.empty();
            if (c.reminderAfterDays() != null) {
                int days = c.reminderAfterDays();
                if (days < 1 || days >= window.openDays()) {
                    problems.add("campaign.reminder_after_days", "from 1 day to less than answer_window.open_days ("
                            + window.openDays() + "), so the reminder comes while the prompt is open (got " + days
                            + ")");
                } else {
                    reminder = OptionalInt.of(days);
                }
            }
            return new Campaign(everyDays, trigger, audience, throttle, reminder);
        }

        private Optional<Trigger> trigger(PromptFile.TriggerFile t) {
            if (t == null) {
                return Optional.empty();
            }
            String event = t.event() == null ? "" : t.event().trim();
            switch (event) {
                case "urgent-ticket-closed" -> {
                    int within = t.withinDays() == null ? 2 : t.withinDays();
                    if (t.day() != null) {
                        problems.add("campaign.trigger.day", "only for onboarding-milestone; use within_days here");
                    }
                    if (within < 1 || within > 30) {
                        problems.add("campaign.trigger.within_days", "from 1 to 30 days (got " + within + ")");
                        return Optional.empty();
                    }
                    return Optional.of(new FeedbackPrompt.UrgentTicketClosed(within));
                }
                case "onboarding-milestone" -> {
                    if (t.withinDays() != null) {
                        problems.add("campaign.trigger.within_days", "only for urgent-ticket-closed; use day here");
                    }
                    if (t.day() == null || t.day() < 1 || t.day() > 365) {
                        problems.add("campaign.trigger.day", "the day after contract start, from 1 to 365 (got "
                                + t.day() + ")");
                        return Optional.empty();
                    }
                    return Optional.of(new FeedbackPrompt.OnboardingMilestone(t.day()));
                }
                default -> {
                    problems.add("campaign.trigger.event", "urgent-ticket-closed or onboarding-milestone (got \""
                            + event + "\")");
                    return Optional.empty();
                }
            }
        }
    }

    /** A prompt file is wrong; the message names the file, the field and the reason. */
    public static final class PromptFileException extends RuntimeException {
        PromptFileException(String message) {
            super(message);
        }

        PromptFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
