package dev.csbot.api;

import dev.csbot.alerts.AlertState;
import dev.csbot.alerts.AlertStore;
import dev.csbot.alerts.StoredAlert;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/alerts?state=&account=&limit=}: alerts for other tools, newest change first. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertsController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final AlertStore alerts;

    AlertsController(AlertStore alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    ResponseEntity<Map<String, Object>> list(@RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "account", required = false) String account,
            @RequestParam(name = "limit", required = false) String limit) {
        Optional<AlertState> wanted = Optional.empty();
        if (state != null && !state.isBlank()) {
            wanted = Arrays.stream(AlertState.values()).filter(s -> s.label().equals(state.trim())).findFirst();
            if (wanted.isEmpty()) {
                return bad("state '" + state + "' is not one of open, acknowledged, snoozed, resolved");
            }
        }
        int max = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                max = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > MAX_LIMIT) {
                return bad("limit '" + limit + "' must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        if (account != null && account.length() > 64) {
            return bad("account ids are at most 64 characters");
        }
        List<Map<String, Object>> rows = alerts.search(wanted, Optional.ofNullable(account).filter(a -> !a.isBlank()),
                Optional.empty(), false, max).stream().map(AlertsController::row).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", rows.size());
        body.put("alerts", rows);
        return ResponseEntity.ok(body);
    }

    private static Map<String, Object> row(StoredAlert a) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("alert_id", a.id());
        row.put("account_id", a.accountId());
        row.put("rule", a.ruleId());
        row.put("severity", a.severity().label());
        row.put("state", a.state().label());
        row.put("headline", a.headline());
        row.put("evidence", a.evidence());
        row.put("playbook", a.playbook().id());
        row.put("owner", a.ownerEmail());
        row.put("raised_at", a.raisedAt().toString());
        row.put("acknowledged_by", a.acknowledgedBy().orElse(null));
        row.put("acknowledged_at", a.acknowledgedAt().map(Object::toString).orElse(null));
        row.put("snoozed_until", a.snoozedUntil().map(Object::toString).orElse(null));
        row.put("playbook_started_by", a.playbookStartedBy().orElse(null));
        row.put("resolved_at", a.resolvedAt().map(Object::toString).orElse(null));
        return row;
    }

    private static ResponseEntity<Map<String, Object>> bad(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body);
    }
}
