package dev.csbot.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.csbot.chat.BookLists;
import dev.csbot.health.Band;
import dev.csbot.health.HealthScore;
import dev.csbot.health.HealthService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/risks} and {@code GET /api/v1/renewals}: chat's {@code /risks} and {@code /renewals} as JSON,
 * ranked and windowed by the core ({@link BookLists}) from the same scores ({@link HealthService#all()}).
 */
@RestController
@RequestMapping("/api/v1")
class BookListsController {

    private final HealthService health;

    BookListsController(HealthService health) {
        this.health = health;
    }

    /** An account's score and band, with the change against {@code trend_days} earlier when there is one. */
    record HealthSummary(int score, String band, @JsonProperty("previous_score") Integer previousScore,
            Integer change) {

        static HealthSummary of(HealthScore score) {
            return new HealthSummary(score.score(), score.band().label(),
                    score.previousScore().isPresent() ? score.previousScore().getAsInt() : null,
                    score.change().isPresent() ? score.change().getAsInt() : null);
        }
    }

    /** One account in a list: who it is, its health, and what is at stake. */
    record ListedAccount(@JsonProperty("account_id") String accountId, String name, String segment, long arr,
            @JsonProperty("renewal_date") String renewalDate, @JsonProperty("csm_email") String csmEmail,
            @JsonProperty("lifecycle_stage") String lifecycleStage, HealthSummary health,
            @Schema(description = "ARR x (100 - health) / 100") @JsonProperty("arr_at_risk") long arrAtRisk,
            @Schema(description = "the driver that costs the most, in words; null when none costs more than a few"
                    + " points") @JsonProperty("main_risk") String mainRisk,
            @Schema(description = "renews soon and is held below green") @JsonProperty("renewal_risk")
            boolean renewalRisk) {

        static ListedAccount of(HealthScore score) {
            var account = score.account();
            return new ListedAccount(account.id(), account.name(), account.segment().label(), account.arr(),
                    account.renewalDate().toString(), account.csmEmail(), account.lifecycleStage().label(),
                    HealthSummary.of(score), Math.round(score.arrAtRisk()), BookLists.mainRisk(score).orElse(null),
                    score.renewalRisk().isPresent());
        }
    }

    /** How many accounts and how much ARR. */
    record Total(int accounts, long arr) {
        static Total of(List<HealthScore> scores) {
            return new Total(scores.size(), scores.stream().mapToLong(h -> h.account().arr()).sum());
        }
    }

    record RiskList(@JsonProperty("as_of") String asOf, Map<String, String> filters,
            @Schema(description = "accounts in the slice") int matching, int offset, int limit,
            List<ListedAccount> accounts) {}

    record RenewalList(@JsonProperty("as_of") String asOf, int days, String through, Map<String, String> filters,
            Total renewing, @Schema(description = "renewing and not green") @JsonProperty("at_risk") Total atRisk,
            List<ListedAccount> accounts) {}

    @GetMapping("/risks")
    @Operation(summary = "The book ranked by ARR at risk, most first (chat's /risks)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RiskList.class)))
    @ApiResponse(responseCode = "400", description = "an unknown parameter or value; the error names what is allowed")
    ResponseEntity<?> risks(
            @Parameter(description = "enterprise, mid-market or smb") @RequestParam(required = false) String segment,
            @Parameter(description = "a CSM's email, or unassigned") @RequestParam(required = false) String owner,
            @Parameter(description = "red, yellow or green") @RequestParam(required = false) String band,
            @Parameter(description = "1-" + BookLists.MAX_LIMIT + ", default " + BookLists.DEFAULT_LIMIT)
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "accounts to skip, default 0") @RequestParam(required = false) Integer offset,
            jakarta.servlet.http.HttpServletRequest request) {
        ListParameters.Parsed parsed = ListParameters.parse("GET /api/v1/risks", request.getParameterMap(),
                List.of(ListParameters.SEGMENT, ListParameters.OWNER, ListParameters.BAND),
                numbers(ListParameters.LIMIT, new int[] {BookLists.DEFAULT_LIMIT, 1, BookLists.MAX_LIMIT},
                        ListParameters.OFFSET, new int[] {0, 0, ListParameters.MAX_OFFSET}));
        if (parsed.problem().isPresent()) {
            return badRequest(parsed.problem().get());
        }
        List<HealthScore> ranked = BookLists.byRisk(health.all(), parsed.slice());
        int from = Math.min(parsed.number(ListParameters.OFFSET), ranked.size());
        int to = Math.min(from + parsed.number(ListParameters.LIMIT), ranked.size());
        return ResponseEntity.ok(new RiskList(health.today().toString(), parsed.filters(), ranked.size(), from,
                parsed.number(ListParameters.LIMIT), ranked.subList(from, to).stream().map(ListedAccount::of).toList()));
    }

    @GetMapping("/renewals")
    @Operation(summary = "Renewals in the next days, soonest first, with what is renewing and at risk (chat's"
            + " /renewals)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RenewalList.class)))
    @ApiResponse(responseCode = "400", description = "an unknown parameter or value; the error names what is allowed")
    ResponseEntity<?> renewals(
            @Parameter(description = BookLists.MIN_DAYS + "-" + BookLists.MAX_DAYS + ", default "
                    + BookLists.DEFAULT_DAYS) @RequestParam(required = false) Integer days,
            @Parameter(description = "enterprise, mid-market or smb") @RequestParam(required = false) String segment,
            @Parameter(description = "a CSM's email, or unassigned") @RequestParam(required = false) String owner,
            jakarta.servlet.http.HttpServletRequest request) {
        ListParameters.Parsed parsed = ListParameters.parse("GET /api/v1/renewals", request.getParameterMap(),
                List.of(ListParameters.SEGMENT, ListParameters.OWNER),
                numbers(ListParameters.DAYS, new int[] {BookLists.DEFAULT_DAYS, BookLists.MIN_DAYS,
                    BookLists.MAX_DAYS}));
        if (parsed.problem().isPresent()) {
            return badRequest(parsed.problem().get());
        }
        LocalDate today = health.today();
        int window = parsed.number(ListParameters.DAYS);
        List<HealthScore> due = BookLists.renewing(health.all(), today, window, parsed.slice());
        return ResponseEntity.ok(new RenewalList(today.toString(), window, today.plusDays(window).toString(),
                parsed.filters(), Total.of(due), Total.of(due.stream().filter(h -> h.band() != Band.GREEN).toList()),
                due.stream().map(ListedAccount::of).toList()));
    }

    private static Map<String, int[]> numbers(Object... nameAndRule) {
        Map<String, int[]> numbers = new LinkedHashMap<>();
        for (int i = 0; i < nameAndRule.length; i += 2) {
            numbers.put((String) nameAndRule[i], (int[]) nameAndRule[i + 1]);
        }
        return numbers;
    }

    static ResponseEntity<Map<String, Object>> badRequest(String message) {
        return ResponseEntity.badRequest().body(Map.of("error", message));
    }
}
