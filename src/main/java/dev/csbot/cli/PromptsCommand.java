package dev.csbot.cli;

import dev.csbot.voc.FeedbackPrompt;
import dev.csbot.voc.PromptCatalog;
import dev.csbot.voc.PromptLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code csbot prompts [--dir DIR]}: checks the feedback prompts the service would load and lists them.
 * No store needed: this is what CS Ops run after editing a prompt file.
 */
@Command(name = "prompts", mixinStandardHelpOptions = true,
        description = "Check and list the feedback prompts (the shipped ones, or CSBOT_PROMPTS).")
final class PromptsCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "${env:CSBOT_PROMPTS}",
            description = "a directory of prompt files to read instead of the shipped ones (default: env CSBOT_PROMPTS)")
    Path directory;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PromptCatalog catalog;
        try {
            catalog = directory == null || directory.toString().isBlank() ? PromptLoader.shipped()
                    : PromptLoader.fromDirectory(directory);
        } catch (PromptLoader.PromptFileException e) {
            spec.commandLine().getErr().println("csbot: " + e.getMessage());
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Feedback prompts from " + catalog.source() + " (all valid):");
        for (FeedbackPrompt prompt : catalog.all()) {
            out.printf(Locale.ROOT, "  %-20s %s%n", prompt.id(), String.join(" · ", facts(prompt)));
            out.println("      \"" + prompt.wording() + "\"");
        }
        out.flush();
        return 0;
    }

    static List<String> facts(FeedbackPrompt prompt) {
        List<String> facts = new ArrayList<>();
        facts.add(prompt.kind().label() + prompt.scale().map(s -> " " + s.min() + "-" + s.max()).orElse(" (free text)"));
        FeedbackPrompt.Campaign campaign = prompt.campaign();
        campaign.everyDays().ifPresent(days -> facts.add("every " + days + " days per contact"));
        campaign.trigger().ifPresent(trigger -> facts.add(trigger.describe()));
        if (campaign.everyDays().isEmpty() && campaign.trigger().isEmpty()) {
            facts.add("sent by a CSM only");
        }
        facts.add("to " + campaign.audience().label());
        facts.add("at most one prompt per contact in " + campaign.throttleDays() + " days");
        facts.add(campaign.reminderAfterDays().isPresent()
                ? "one reminder after " + campaign.reminderAfterDays().getAsInt() + " days" : "no reminder");
        facts.add("open " + prompt.answerWindow().openDays() + " days");
        if (prompt.anonymityAllowed()) {
            facts.add("anonymous answers allowed in channels");
        }
        return facts;
    }
}
