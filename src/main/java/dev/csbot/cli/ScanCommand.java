package dev.csbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.csbot.alerts.AlertService;
import dev.csbot.alerts.ScanResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code csbot scan [--as-of DATE] [--dry-run] [--format text|json] [--rules FILE]}: evaluates the alert rules
 * over the whole book. Without {@code --dry-run} it commits what it raised, and the alert messages it queued
 * are delivered by the running service's outbox worker (this command never talks to Slack or Teams itself).
 */
@Command(name = "scan", mixinStandardHelpOptions = true, description = "Evaluate the alert rules over the book;"
        + " commit what they raise (queued for the service to post), or only print it with --dry-run.")
public final class ScanCommand implements Callable<Integer> {

    @CommandLine.ParentCommand
    CsbotCli parent;

    @CommandLine.Mixin
    CsbotCli.StoreOption store = new CsbotCli.StoreOption();

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "evaluate as of this day (default: today)")
    String asOf;

    @Option(names = "--dry-run", description = "print what would be raised; write and send nothing")
    boolean dryRun;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: text)")
    String format;

    @Option(names = "--rules", paramLabel = "FILE", description = "alert rules laid over the shipped ones"
            + " (default: env CSBOT_ALERT_RULES)")
    Path rules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("text") && !format.equals("json")) {
            CsbotCli.printUsageError(err, "unknown --format '" + format + "'; use text or json");
            return CsbotCli.USAGE_ERROR;
        }
        LocalDate day = null;
        if (asOf != null) {
            try {
                day = LocalDate.parse(asOf.trim());
            } catch (DateTimeParseException e) {
                CsbotCli.printUsageError(err, "--as-of '" + asOf + "' is not a date; use YYYY-MM-DD");
                return CsbotCli.USAGE_ERROR;
            }
        }
        if (rules != null && !Files.isReadable(rules)) {
            CsbotCli.printUsageError(err, "--rules " + rules + ": no such readable file");
            return CsbotCli.USAGE_ERROR;
        }
        Map<String, Object> properties = new HashMap<>();
        if (rules != null) {
            properties.put("csbot.alert-rules", rules.toAbsolutePath().toString());
        }
        LocalDate requested = day;
        StoreLocation location = parent.storeOf(false, store);
        return parent.withContext(location, properties, err, context -> {
            AlertService alerts = context.getBean(AlertService.class);
            ScanResult result = alerts.scan(requested != null ? requested : alerts.today(), dryRun);
            out.print(format.equals("json") ? json(result) : text(result));
            out.flush();
            return 0;
        });
    }

    static String json(ScanResult result) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (ScanResult.Line line : result.lines()) {
            array.addObject().put("account_id", line.accountId()).put("rule", line.rule())
                    .put("severity", line.severity().label()).put("state", line.state())
                    .put("evidence", line.headline() + ": " + line.evidence()).put("owner", line.owner())
                    .put("account_name", line.accountName()).put("posted", line.notified());
        }
        try {
            return mapper.writeValueAsString(array) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(ScanResult result) {
        StringBuilder text = new StringBuilder();
        Map<String, List<ScanResult.Line>> byAccount = result.lines().stream().collect(Collectors.groupingBy(
                ScanResult.Line::accountId, LinkedHashMap::new, Collectors.toList()));
        byAccount.forEach((account, lines) -> {
            ScanResult.Line first = lines.get(0);
            text.append(first.accountName()).append(" (").append(account).append("), owner ").append(first.owner())
                    .append('\n');
            for (ScanResult.Line line : lines) {
                text.append(String.format(Locale.ROOT, "  %-8s %-6s %-20s %s%n", line.state(), line.severity().label(),
                        line.rule(), line.headline()));
                text.append("           ").append(line.evidence()).append('\n');
            }
        });
        text.append(String.format(Locale.ROOT, "%d accounts as of %s: %d new, %d worse, %d still open, %d resolved;"
                        + " %s%n", result.accounts(), result.asOf(), result.count("new"), result.count("worse"),
                result.count("open"), result.count("resolved"), result.dryRun()
                        ? "dry run, nothing written (" + result.messages() + " messages would be posted)"
                        : result.messages() + " messages queued for the service to post"));
        return text.toString();
    }
}
