package dev.csbot.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Test rows with sensible defaults, each test changing only what it is about; written as real CSV. */
final class CsvRows {

    private CsvRows() {}

    static Map<String, String> account(String id) {
        return row("account_id", id, "name", id.substring(0, 1).toUpperCase() + id.substring(1), "segment",
                "enterprise", "arr", "500000", "seats_purchased", "100", "contract_start", "2025-01-01",
                "renewal_date", "2027-01-01", "csm_email", "dana.cho@csbot.example", "lifecycle_stage", "adoption",
                "slack_channel", "", "teams_channel", "");
    }

    static Map<String, String> contact(String id, String account) {
        return row("contact_id", id, "account_id", account, "name", "Jane Doe", "email", "jane@" + account + ".example",
                "title", "VP Operations", "is_champion", "true", "is_exec_sponsor", "false", "left_on", "");
    }

    static Map<String, String> usage(String account, String date) {
        return row("account_id", account, "date", date, "active_users", "80", "events", "4000",
                "key_features_used", "5");
    }

    static Map<String, String> ticket(String id, String account) {
        return row("ticket_id", id, "account_id", account, "opened_on", "2026-11-01", "closed_on", "2026-11-03",
                "severity", "3", "subject", "Export is slow");
    }

    static Map<String, String> feedback(String account, String kind, String score) {
        return row("account_id", account, "contact_email", "jane@" + account + ".example", "date", "2026-11-10",
                "kind", kind, "score", score, "comment", "Fine");
    }

    static Map<String, String> meeting(String account, String date) {
        return row("account_id", account, "date", date, "kind", "qbr", "exec_attended", "true");
    }

    static Map<String, String> objective(String account, String objective) {
        return row("account_id", account, "objective", objective, "metric", "CSAT", "target", "4.5", "due_date",
                "2027-03-01", "status", "on-track");
    }

    static Map<String, String> with(Map<String, String> row, String... pairs) {
        Map<String, String> copy = new LinkedHashMap<>(row);
        for (int i = 0; i < pairs.length; i += 2) {
            copy.put(pairs[i], pairs[i + 1]);
        }
        return copy;
    }

    static Map<String, String> without(Map<String, String> row, String column) {
        Map<String, String> copy = new LinkedHashMap<>(row);
        copy.remove(column);
        return copy;
    }

    /** Writes rows under the header of the first row's keys, quoting as a spreadsheet would. */
    @SafeVarargs
    static Path write(Path dir, String fileName, Map<String, String>... rows) throws IOException {
        return writeText(dir, fileName, csv(List.of(rows)));
    }

    static String csv(List<Map<String, String>> rows) {
        List<String> header = new ArrayList<>(rows.get(0).keySet());
        StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
        for (Map<String, String> row : rows) {
            text.append(header.stream().map(column -> quote(row.getOrDefault(column, "")))
                    .collect(Collectors.joining(","))).append('\n');
        }
        return text.toString();
    }

    static Path writeText(Path dir, String fileName, String text) throws IOException {
        return Files.writeString(dir.resolve(fileName), text, StandardCharsets.UTF_8);
    }

    private static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static Map<String, String> row(String... pairs) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put(pairs[i], pairs[i + 1]);
        }
        return row;
    }
}
