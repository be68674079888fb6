package dev.csbot.api;

import dev.csbot.account.Account;
import dev.csbot.account.AccountRepository;
import dev.csbot.health.Driver;
import dev.csbot.health.HealthScore;
import dev.csbot.health.HealthService;
import dev.csbot.health.MeasureResult;
import dev.csbot.health.Playbook;
import dev.csbot.ingest.AccountDeletion;
import dev.csbot.store.StoreBusy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads: the portfolio with current health, one account, one account's full health (field names as in CSV).
 * And the one delete: an account with all its signals.
 */
@RestController
@RequestMapping("/api/v1/accounts")
class AccountsController {

    private final AccountRepository accounts;
    private final HealthService health;
    private final AccountDeletion deletion;

    AccountsController(AccountRepository accounts, HealthService health, AccountDeletion deletion) {
        this.accounts = accounts;
        this.health = health;
        this.deletion = deletion;
    }

    /** Every account (of a slice) with its score, band and change, from one bulk computation. */
    @GetMapping
    @Operation(summary = "Every account with its health; segment, owner and band narrow the list")
    @ApiResponse(responseCode = "200", description = "as_of, count and accounts (each with health)")
    @ApiResponse(responseCode = "400", description = "an unknown parameter or value; the error names what is allowed")
    ResponseEntity<Map<String, Object>> all(
            @Parameter(description = "enterprise, mid-market or smb") @RequestParam(required = false) String segment,
            @Parameter(description = "a CSM's email, or unassigned") @RequestParam(required = false) String owner,
            @Parameter(description = "red, yellow or green") @RequestParam(required = false) String band,
            HttpServletRequest request) {
        ListParameters.Parsed parsed = ListParameters.parse("GET /api/v1/accounts", request.getParameterMap(),
                List.of(ListParameters.SEGMENT, ListParameters.OWNER, ListParameters.BAND), Map.of());
        if (parsed.problem().isPresent()) {
            return BookListsController.badRequest(parsed.problem().get());
        }
        List<Map<String, Object>> rows = health.all().stream()
                .filter(parsed.slice())
                .map(score -> {
                    Map<String, Object> row = account(score.account());
                    row.put("health", summary(score));
                    return row;
                })
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("as_of", health.today().toString());
        body.put("filters", parsed.filters());
        body.put("count", rows.size());
        body.put("accounts", rows);
        return ResponseEntity.ok(body);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One account with its health summary")
    @ApiResponse(responseCode = "200", description = "the account's fields and health")
    @ApiResponse(responseCode = "404", description = "no account with that id")
    ResponseEntity<Map<String, Object>> one(@PathVariable("id") String id) {
        Optional<HealthScore> score = health.forAccount(id);
        if (score.isEmpty()) {
            return notFound(id);
        }
        Map<String, Object> row = account(score.get().account());
        row.put("health", summary(score.get()));
        return ResponseEntity.ok(row);
    }

    @GetMapping("/{id}/health")
    @Operation(summary = "One account's full health: measures, drivers, playbook, freshness, weekly scores")
    @ApiResponse(responseCode = "200", description = "the full health answer")
    @ApiResponse(responseCode = "404", description = "no account with that id")
    ResponseEntity<Map<String, Object>> health(@PathVariable("id") String id) {
        Optional<HealthScore> found = health.forAccount(id);
        if (found.isEmpty()) {
            return notFound(id);
        }
        HealthScore score = found.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account_id", score.account().id());
        body.put("name", score.account().name());
        body.putAll(summary(score));
        body.put("as_of", score.asOf().toString());
        body.put("trend_days", score.trendDays());
        body.put("onboarding", score.onboarding());
        body.put("coverage", score.coverage());
        body.put("measures", score.measures().stream().map(AccountsController::measure).toList());
        body.put("drivers", score.drivers().stream().map(AccountsController::driver).toList());
        body.put("playbook", score.playbook().map(AccountsController::playbook).orElse(null));
        body.put("data_through", score.dataThrough().map(Object::toString).orElse(null));
        body.put("stale_sources", score.staleSources());
        body.put("weekly", score.weekly());
        return ResponseEntity.ok(body);
    }

    /** The account and every row that belongs to it, in one transaction; 404 when there is no such account. */
    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an account and every row that belongs to it, in one transaction")
    @ApiResponse(responseCode = "200", description = "what was deleted, rows per table")
    @ApiResponse(responseCode = "404", description = "no account with that id; nothing changes")
    @ApiResponse(responseCode = "503", description = "another writer kept the store past the busy timeout; Retry-After")
    ResponseEntity<Map<String, Object>> delete(@PathVariable("id") String id) {
        Optional<AccountDeletion.Deleted> deleted;
        try {
            deleted = deletion.delete(id, "api");
        } catch (RuntimeException e) {
            if (StoreBusy.causedBy(e)) {
                return StoreBusyResponse.of();
            }
            throw e;
        }
        if (deleted.isEmpty()) {
            return notFound(id);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account_id", deleted.get().accountId());
        body.put("name", deleted.get().name());
        body.put("deleted_rows", deleted.get().rows());
        return ResponseEntity.ok(body);
    }

    static ResponseEntity<Map<String, Object>> notFound(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "No account with id '" + id + "'");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(body);
    }

    private static Map<String, Object> account(Account a) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("account_id", a.id());
        row.put("name", a.name());
        row.put("segment", a.segment().label());
        row.put("arr", a.arr());
        row.put("seats_purchased", a.seatsPurchased());
        row.put("contract_start", a.contractStart().toString());
        row.put("renewal_date", a.renewalDate().toString());
        row.put("csm_email", a.csmEmail());
        row.put("lifecycle_stage", a.lifecycleStage().label());
        row.put("slack_channel", a.slackChannel().orElse(null));
        row.put("teams_channel", a.teamsChannel().orElse(null));
        return row;
    }

    private static Map<String, Object> summary(HealthScore score) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("score", score.score());
        summary.put("band", score.band().label());
        summary.put("previous_score", score.previousScore().isPresent() ? score.previousScore().getAsInt() : null);
        summary.put("change", score.change().isPresent() ? score.change().getAsInt() : null);
        return summary;
    }

    private static Map<String, Object> measure(MeasureResult result) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("measure", result.measure().key());
        row.put("label", result.measure().label());
        row.put("missing", result.isMissing());
        row.put("score", result.isMissing() ? null : Math.round(result.score().getAsDouble()));
        row.put("evidence", result.evidence());
        return row;
    }

    private static Map<String, Object> driver(Driver driver) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("measure", driver.measure().key());
        row.put("label", driver.measure().label());
        row.put("points_lost", Math.round(driver.pointsLost() * 10) / 10.0);
        row.put("evidence", driver.evidence());
        row.put("playbook", driver.playbook().id());
        return row;
    }

    private static Map<String, Object> playbook(Playbook playbook) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", playbook.id());
        row.put("title", playbook.title());
        row.put("first_steps", playbook.firstSteps());
        return row;
    }
}
